namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Settings for one <see cref="GenesysSimulator"/> instance. Values marked "live" are read on every
/// request, so a test may change them while the simulator runs; the others are read once at start.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>OAuth client id accepted by <c>POST /oauth/token</c>.</summary>
    public string ClientId { get; set; } = "sim-client";

    /// <summary>OAuth client secret accepted by <c>POST /oauth/token</c>.</summary>
    public string ClientSecret { get; set; } = "sim-secret";

    /// <summary>
    /// More OAuth clients, by id, each with its own secret and permission set (<see cref="ClientId"/>
    /// holds every permission). Seeded with the least-privilege, edit-only and view-only clients of
    /// <see cref="SimulatorSeed"/>, all with <see cref="ClientSecret"/>'s default secret.
    /// </summary>
    public Dictionary<string, SimulatedClient> Clients { get; } = SimulatedClient.Seeded();

    /// <summary>
    /// Live. How long a campaign stays in <c>stopping</c> / <c>forced_stopping</c> before the dialer
    /// settles it to <c>off</c> / <c>forced_off</c>. Real Genesys can take minutes here.
    /// </summary>
    public TimeSpan DialerDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Live. Extra delay added to every request (API and token), to expose chatty clients.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Lifetime of issued tokens, reported as <c>expires_in</c> and enforced.</summary>
    public int TokenLifetimeSeconds { get; set; } = 86400;

    /// <summary>Number of seeded campaigns. The seed constants in <see cref="SimulatorSeed"/> assume at least 60.</summary>
    public int CampaignCount { get; set; } = 60;

    /// <summary>
    /// Live. Requests allowed per token in a sliding 60 s window; 0 means unlimited. Real Genesys
    /// defaults to 300.
    /// </summary>
    public int RateLimitPerMinute { get; set; }

    /// <summary>Live. Org-wide cap on active campaigns (<c>on</c>, <c>stopping</c>, <c>forced_stopping</c>).</summary>
    public int MaxActiveCampaigns { get; set; } = 50;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (see <see cref="GenesysSimulator.BaseUri"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// Live. Each dialer settle waits <see cref="DialerDelay"/> plus a uniform random share of this
    /// (drawn from one <c>Random(1234)</c>, so runs repeat): real dialers do not all finish together.
    /// </summary>
    public TimeSpan DialerDelayJitter { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Live. When false, every <c>/api/v2/notifications</c> call and every new WebSocket gets 503
    /// <c>service.unavailable</c>, so clients can test their polling fallback. Open sockets stay open.
    /// </summary>
    public bool NotificationsEnabled { get; set; } = true;

    /// <summary>
    /// Live (from each socket's next beat). How often each notification socket gets the
    /// <c>channel.metadata</c> heartbeat; Genesys sends one about every 30 s.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Live. For this long after a PUT changes a campaign, API reads (get by id and the list) still
    /// serve the campaign as it was before that PUT, as an eventually consistent read replica would.
    /// The PUT response, the notifications and the in-process helpers always show the current state.
    /// </summary>
    public TimeSpan StaleReadWindow { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Live. When true, a campaign event's body carries only what docs/genesys-api.md promises for it
    /// (campaignStatus, version, errors, dateModified): no id, name or references. Clients must take
    /// the id from the topic, and must never PUT such a body back.
    /// </summary>
    public bool MinimalNotificationBodies { get; set; }

    /// <summary>
    /// Live. While true, no event reaches any socket (heartbeats still do): events lost in transit,
    /// as when a socket is attached a moment after its handshake. No Genesys document promises
    /// delivery, so a client must still end its waits by a read, not by its timeout.
    /// </summary>
    public bool LoseEvents { get; set; }

    /// <summary>
    /// Live. What <c>POST .../campaigns/{id}/start|stop</c> answers when it accepts: 202 (the
    /// default), 200 or 204, none with a body (the success code is UNCONFIRMED). 404, 405 or 501 make
    /// the endpoints answer as if the API lacked them, for testing a client's fallback.
    /// </summary>
    public int StartStopStatus { get; set; } = 202;

    /// <summary>
    /// Live. Whether a PUT's version is checked before its status transition. Whichever Genesys does
    /// first is UNCONFIRMED; the default (transition first) is the stricter for clients: a write from a
    /// stale view meets the invalid-transition 400 rather than a 409.
    /// </summary>
    public bool CheckVersionFirst { get; set; }

    /// <summary>
    /// Live. Whether a PUT of <c>forced_off</c> is accepted from <c>on</c>. Writing <c>forced_off</c> is
    /// undocumented, and from <c>on</c> least likely: by default only a <c>stopping</c> campaign can be
    /// force-stopped, and <c>on -&gt; forced_off</c> gets the invalid-transition 400.
    /// </summary>
    public bool AllowForceStopFromOn { get; set; }

    /// <summary>
    /// Live. The <c>code</c> of a 409 for a stale version, or null for none. The real code is
    /// UNCONFIRMED; the default is <c>general.conflict</c>, a code Genesys uses for other conflicts,
    /// so a client that keys on codes is caught. The message is the one seen from Genesys.
    /// </summary>
    public string? ConflictCode { get; set; } = "general.conflict";

    /// <summary>
    /// Live. Whether the campaign list's <c>name</c> filter compares case-sensitively. UNCONFIRMED in
    /// Genesys; the default (case-sensitive) is the stricter for a client promising PowerShell's
    /// case-insensitive matching.
    /// </summary>
    public bool CaseSensitiveNameFilter { get; set; } = true;

    /// <summary>Live (for channels created afterwards). How long a notification channel lives; 24 hours in Genesys.</summary>
    public TimeSpan ChannelLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Live. What happens to the open sockets of an expired channel: by default they stay open and
    /// fall silent (no events, no heartbeats), the harder case for a client; true closes them normally.
    /// Genesys documents neither.
    /// </summary>
    public bool ExpiredChannelsClose { get; set; }

    /// <summary>
    /// Live. Org-wide cap on active messaging campaigns (<c>on</c>, <c>stopping</c>,
    /// <c>forced_stopping</c>), counted apart from the voice cap. Refused as the voice cap is (400
    /// <c>max.active.campaigns.exceeded</c>, code UNCONFIRMED), the message naming messaging campaigns.
    /// </summary>
    public int MaxActiveMessagingCampaigns { get; set; } = 25;

    /// <summary>
    /// Live. Which messaging types publish on which of the CONFIRMED topics is UNCONFIRMED. By default
    /// (the stricter) SMS campaigns publish only on <c>v2.outbound.messagingcampaigns.{id}</c>, email only on
    /// <c>v2.outbound.emailcampaigns.{id}</c> and WhatsApp only on <c>v2.outbound.whatsappcampaigns.{id}</c>;
    /// true also publishes email and WhatsApp changes on <c>v2.outbound.messagingcampaigns.{id}</c>.
    /// </summary>
    public bool MessagingEventsOnEveryTopic { get; set; }

    /// <summary>
    /// Live. Whether <c>DELETE .../messagingcampaigns/{id}</c> accepts an active (<c>on</c>, <c>stopping</c>)
    /// campaign. UNCONFIRMED; by default it is refused with 400 <c>bad.request</c>.
    /// </summary>
    public bool AllowDeletingActiveCampaigns { get; set; }

    /// <summary>
    /// Live. What <c>GET /api/v2/outbound/campaigns/all</c> (and <c>/all/divisionviews</c>) entries hold.
    /// UNCONFIRMED; by default only the <c>CommonCampaign</c> summary (id, name, division, mediaType,
    /// selfUri), so a client cannot take a status from it; true gives the whole document plus <c>mediaType</c>.
    /// </summary>
    public bool AllCampaignsFullEntries { get; set; }

    /// <summary>
    /// Live. Whether turning a running sequence off also stops its current campaign. UNCONFIRMED; by
    /// default the campaign is left running (the sequence only stops moving on), the harder case for a
    /// client that pauses a sequence and expects its campaign to stop.
    /// </summary>
    public bool SequenceOffStopsCurrentCampaign { get; set; }

    /// <summary>
    /// At start. Whether seeded voice campaigns also carry two fields that no SDK model has
    /// (<c>customExtension</c>, <c>autoAnswer</c>), as an org newer than the module may answer. Off by
    /// default: the simulator answers what the SDK describes; on, a client that drops what it does not
    /// model from a full-body PUT is caught.
    /// </summary>
    public bool FieldsNewerThanTheSdk { get; set; }

    /// <summary>
    /// Live. What the sequence and campaign-rule lists answer when nothing matches and the request did
    /// not ask <c>allowEmptyResult=true</c>. UNCONFIRMED (the SDK says only that the flag "asks for an
    /// empty page"); by default 404, the stricter; true gives the empty page anyway.
    /// </summary>
    public bool EmptyPageWithoutAllowEmptyResult { get; set; }
}

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
    /// Live. When true, a campaign event's body carries only what genesys-api.md promises for it
    /// (campaignStatus, version, errors, dateModified): no id, name or references. Clients must take
    /// the id from the topic, and must never PUT such a body back.
    /// </summary>
    public bool MinimalNotificationBodies { get; set; }
}

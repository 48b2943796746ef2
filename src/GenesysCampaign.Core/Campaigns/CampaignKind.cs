using System;
using System.Collections.Generic;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// One kind of outbound campaign as the API serves it, in one place: its endpoints, its notification
/// topics, its active limit and its permissions (docs/genesys-api.md, "Campaign resource" and
/// "Messaging campaigns"). The executor, the waiters and the records serve every kind through this
/// description; adding a kind is adding one here. The status field and its values are the same for
/// both kinds (<c>campaignStatus</c>, <see cref="CampaignStatus"/>), and so are the rules of
/// <see cref="StateRules"/>.
/// </summary>
public sealed class CampaignKind
{
    /// <summary>Voice campaigns: at most 50 active per org (CONFIRMED).</summary>
    public static readonly CampaignKind Voice = new(
        "campaign",
        "voice campaigns",
        "api/v2/outbound/campaigns",
        "outbound:campaign",
        maxActive: 50,
        mediaType => new[] { "v2.outbound.campaigns." })
    {
        FiltersByNamePrefix = true,
    };

    /// <summary>
    /// Messaging campaigns (SMS, email, WhatsApp): at most 25 active per org (CONFIRMED). The three
    /// topic names are CONFIRMED; which media type publishes on which is UNCONFIRMED, so email and
    /// WhatsApp campaigns are listened to on both their own topic and the generic one (an event seen
    /// twice is the same event).
    /// </summary>
    public static readonly CampaignKind Messaging = new(
        "messaging campaign",
        "messaging campaigns (SMS, email, WhatsApp)",
        "api/v2/outbound/messagingcampaigns",
        "outbound:messagingCampaign",
        maxActive: 25,
        mediaType => mediaType switch
        {
            CampaignMediaType.Email => new[] { "v2.outbound.messagingcampaigns.", "v2.outbound.emailcampaigns." },
            CampaignMediaType.WhatsApp => new[] { "v2.outbound.messagingcampaigns.", "v2.outbound.whatsappcampaigns." },
            _ => new[] { "v2.outbound.messagingcampaigns." },
        });

    private readonly Func<CampaignMediaType, string[]> _topicPrefixes;

    private CampaignKind(string noun, string plural, string listPath, string permissionPrefix, int maxActive, Func<CampaignMediaType, string[]> topicPrefixes)
    {
        Noun = noun;
        Plural = plural;
        ListPath = listPath;
        PermissionPrefix = permissionPrefix;
        MaxActive = maxActive;
        _topicPrefixes = topicPrefixes;
    }

    /// <summary>Every kind, voice first (where an id of unknown kind is looked for first).</summary>
    public static IReadOnlyList<CampaignKind> All { get; } = new[] { Voice, Messaging };

    /// <summary>What the kind is called in messages: "campaign", "messaging campaign".</summary>
    public string Noun { get; }

    /// <summary>The kind's campaigns as a whole, in messages: "voice campaigns", "messaging campaigns (SMS, email, WhatsApp)".</summary>
    public string Plural { get; }

    /// <summary>The paged list, relative to the API base.</summary>
    public string ListPath { get; }

    /// <summary>The start of its permission names: <c>outbound:campaign</c>, <c>outbound:messagingCampaign</c>.</summary>
    public string PermissionPrefix { get; }

    /// <summary>How many campaigns of the kind may be active (on, stopping, forced_stopping) in an org at once.</summary>
    public int MaxActive { get; }

    /// <summary>
    /// Whether the list takes <c>name</c> with <c>filterType=Prefix</c> (voice, CONFIRMED). The messaging
    /// list's <c>name</c> filter is documented without its match rule, so messaging campaigns are
    /// listed whole and matched here.
    /// </summary>
    public bool FiltersByNamePrefix { get; private init; }

    /// <summary>The kind of a media type.</summary>
    public static CampaignKind Of(CampaignMediaType mediaType) => mediaType == CampaignMediaType.Voice ? Voice : Messaging;

    /// <summary><c>GET</c>, full-body <c>PUT</c> (<c>{PermissionPrefix}:edit</c>) of one campaign.</summary>
    public string ItemPath(string id) => $"{ListPath}/{Uri.EscapeDataString(id)}";

    /// <summary><c>POST</c>, no body: <c>start</c> or <c>stop</c> (<c>{PermissionPrefix}:start|stop</c>); any 2xx is success.</summary>
    public string ActionPath(string id, string action) => $"{ItemPath(id)}/{action}";

    /// <summary>The key under which a connection remembers whether an endpoint of this kind is usable.</summary>
    internal string EndpointKey(string action) => ReferenceEquals(this, Voice) ? action : "messaging " + action;

    /// <summary>The notification topics to listen on for one campaign.</summary>
    public IEnumerable<string> TopicsFor(string id, CampaignMediaType mediaType)
    {
        foreach (var prefix in _topicPrefixes(mediaType))
        {
            yield return prefix + id;
        }
    }

    /// <summary>
    /// Whether an event on this kind's topics can carry <paramref name="status"/>. The voice topic's
    /// body (<c>DialerCampaignConfigChangeCampaign</c>) has no <c>forced_off</c> or <c>forced_stopping</c>,
    /// while the messaging topics' bodies have every status (the SDK, contract/outbound-api.json
    /// <c>statusEnums</c>): a voice campaign's move into or out of a forced status may never be told,
    /// so only a read can show it.
    /// </summary>
    public bool TopicTells(string status) =>
        !ReferenceEquals(this, Voice) || (status != CampaignStatus.ForcedOff && status != CampaignStatus.ForcedStopping);

    /// <summary>Every topic prefix of the kind (to read an event's topic back to its campaign).</summary>
    internal IEnumerable<string> TopicPrefixes()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (CampaignMediaType mediaType in Enum.GetValues(typeof(CampaignMediaType)))
        {
            foreach (var prefix in _topicPrefixes(mediaType))
            {
                if (seen.Add(prefix))
                {
                    yield return prefix;
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Noun;
}

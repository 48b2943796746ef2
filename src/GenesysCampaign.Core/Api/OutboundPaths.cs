using System;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// The endpoints this module calls besides the campaigns' own (which <see cref="Campaigns.CampaignKind"/>
/// holds per kind), relative to the API base, in one place (docs/genesys-api.md; all CONFIRMED). Ids
/// are escaped here, so no caller builds a path by hand.
/// </summary>
internal static class OutboundPaths
{
    /// <summary>
    /// <c>GET</c>: every kind of campaign in one paged list (<c>id</c> repeatable, <c>name</c>,
    /// <c>mediaType</c>: voice, sms, email, whatsapp). Entries are summaries; which fields they carry
    /// is UNCONFIRMED, so only <c>id</c> and <c>mediaType</c> are read.
    /// </summary>
    public const string AllCampaigns = "api/v2/outbound/campaigns/all";

    /// <summary><c>GET</c>: sequences (paged).</summary>
    public const string Sequences = "api/v2/outbound/sequences";

    /// <summary><c>GET</c>: campaign rules (paged).</summary>
    public const string CampaignRules = "api/v2/outbound/campaignrules";

    /// <summary><c>GET</c>: campaign schedules (a bare array).</summary>
    public const string CampaignSchedules = "api/v2/outbound/schedules/campaigns";

    /// <summary><c>GET</c>: sequence schedules (a bare array; SDK <c>getOutboundSchedulesSequences</c>, CONFIRMED).</summary>
    public const string SequenceSchedules = "api/v2/outbound/schedules/sequences";

    /// <summary><c>GET</c>: messaging campaign schedules (a bare array; SDK <c>getOutboundSchedulesMessagingcampaigns</c>, CONFIRMED).</summary>
    public const string MessagingCampaignSchedules = "api/v2/outbound/schedules/messagingcampaigns";

    /// <summary><c>GET</c> (later <c>PUT</c>): one sequence.</summary>
    public static string Sequence(string id) => $"{Sequences}/{Uri.EscapeDataString(id)}";

    /// <summary><c>GET</c> (later <c>PUT</c>): one campaign rule.</summary>
    public static string CampaignRule(string id) => $"{CampaignRules}/{Uri.EscapeDataString(id)}";

    /// <summary>
    /// <c>GET</c>: one schedule of a list (<see cref="CampaignSchedules"/>, <see cref="SequenceSchedules"/>,
    /// <see cref="MessagingCampaignSchedules"/>), addressed by the id of what it schedules (CONFIRMED: the
    /// SDK's path parameter is <c>campaignId</c>, <c>sequenceId</c>, <c>messagingCampaignId</c>).
    /// </summary>
    public static string Schedule(string listPath, string targetId) => $"{listPath}/{Uri.EscapeDataString(targetId)}";

    /// <summary><c>POST</c>: a notification channel.</summary>
    public const string NotificationChannels = "api/v2/notifications/channels";

    /// <summary>The topic set of a notification channel (PUT replaces it).</summary>
    public static string Subscriptions(string channelId) => $"{NotificationChannels}/{Uri.EscapeDataString(channelId)}/subscriptions";
}

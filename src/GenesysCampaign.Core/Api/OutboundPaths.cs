using System;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// The endpoints this module calls, relative to the API base, in one place (docs/genesys-api.md; all
/// CONFIRMED). Ids are escaped here, so no caller builds a path by hand.
/// </summary>
public static class OutboundPaths
{
    /// <summary><c>GET</c>: the campaign list (paged; <c>id</c>, <c>name</c>, <c>filterType</c>).</summary>
    public const string Campaigns = "api/v2/outbound/campaigns";

    /// <summary><c>GET</c>: sequences (paged).</summary>
    public const string Sequences = "api/v2/outbound/sequences";

    /// <summary><c>GET</c>: campaign rules (paged).</summary>
    public const string CampaignRules = "api/v2/outbound/campaignrules";

    /// <summary><c>GET</c>: campaign schedules (a bare array).</summary>
    public const string CampaignSchedules = "api/v2/outbound/schedules/campaigns";

    /// <summary><c>POST</c>: a notification channel.</summary>
    public const string NotificationChannels = "api/v2/notifications/channels";

    /// <summary><c>GET</c> or full-body <c>PUT</c> (<c>outbound:campaign:edit</c>) of one campaign.</summary>
    public static string Campaign(string id) => $"{Campaigns}/{Uri.EscapeDataString(id)}";

    /// <summary>
    /// <c>POST</c>, no body: <c>start</c> (<c>outbound:campaign:start</c>) or <c>stop</c>
    /// (<c>outbound:campaign:stop</c>). Success is any 2xx without a body (the code is UNCONFIRMED).
    /// </summary>
    public static string CampaignAction(string id, string action) => $"{Campaign(id)}/{action}";

    /// <summary>The topic set of a notification channel (PUT replaces it).</summary>
    public static string Subscriptions(string channelId) => $"{NotificationChannels}/{Uri.EscapeDataString(channelId)}/subscriptions";
}

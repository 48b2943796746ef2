using System;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// The endpoints this module calls besides the campaigns' own (which <see cref="Campaigns.CampaignKind"/>
/// holds per kind), the sequences' and rules' (<see cref="Dependencies.ToggleKind"/>) and the schedules' (<see cref="Dependencies.OutboundKinds"/>), relative to the API base, in one place (docs/genesys-api.md; all CONFIRMED). Ids
/// are escaped here, so no caller builds a path by hand.
/// </summary>
internal static class OutboundPaths
{
    /// <summary>
    /// <c>GET</c>: who a token acts for, needing no permission: <c>organization</c> and
    /// <c>OAuthClient</c>, each with <c>id</c> and <c>name</c> (Genesys's developer documentation; not in
    /// contract/outbound-api.json: UNCONFIRMED beyond those fields).
    /// </summary>
    public const string TokenIdentity = "api/v2/tokens/me";

    /// <summary><c>POST</c>: a notification channel.</summary>
    public const string NotificationChannels = "api/v2/notifications/channels";

    /// <summary>The topic set of a notification channel (PUT replaces it).</summary>
    public static string Subscriptions(string channelId) => $"{NotificationChannels}/{Uri.EscapeDataString(channelId)}/subscriptions";
}

using System;
using GenesysCloud.Outbound.Api;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>How Genesys says things this module reacts to. UNCONFIRMED codes live only here.</summary>
public static class ApiErrors
{
    /// <summary>At most this many campaigns may be active (on, stopping, forced_stopping) in an org.</summary>
    public const int MaxActiveCampaigns = 50;

    /// <summary>
    /// Whether a refusal is the org's active-campaign limit. The exact code is UNCONFIRMED, so this
    /// matches a code or message that speaks of the maximum or limit of active campaigns.
    /// </summary>
    public static bool IsActiveCampaignLimit(GenesysApiException ex)
    {
        var text = (ex.Code ?? string.Empty) + " " + ex.Message;
        return text.IndexOf("active", StringComparison.OrdinalIgnoreCase) >= 0
            && (text.IndexOf("max", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("limit", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}

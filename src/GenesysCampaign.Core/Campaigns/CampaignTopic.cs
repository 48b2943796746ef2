using System;
using System.Text.Json;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>The notification topic of one campaign, <c>v2.outbound.campaigns.{id}</c>, and reading its events.</summary>
internal static class CampaignTopic
{
    private const string Prefix = "v2.outbound.campaigns.";

    /// <summary>The topic of a campaign.</summary>
    public static string For(string campaignId) => Prefix + campaignId;

    /// <summary>
    /// Reads an event of a campaign topic (its body is the whole campaign). Other topics, such as
    /// <c>.progress</c>, and bodies that are not a campaign are not events of this kind.
    /// </summary>
    public static bool TryRead(string topic, JsonElement body, out GenesysCampaign campaign)
    {
        campaign = null!;
        if (!topic.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || topic.IndexOf('.', Prefix.Length) >= 0)
        {
            return false;
        }

        try
        {
            campaign = GenesysCampaign.Parse(body);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

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
    /// Reads an event of a campaign topic as a view of the campaign (see
    /// <see cref="GenesysCampaign.ParseNotification"/>); <paramref name="known"/> gives the campaign as
    /// last seen, by id. Other topics, such as <c>.progress</c>, and bodies without a status are not
    /// events of this kind.
    /// </summary>
    public static bool TryRead(string topic, JsonElement body, Func<string, GenesysCampaign?> known, out GenesysCampaign campaign)
    {
        campaign = null!;
        if (!topic.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || topic.IndexOf('.', Prefix.Length) >= 0 || topic.Length == Prefix.Length)
        {
            return false;
        }

        var id = topic.Substring(Prefix.Length);
        var read = GenesysCampaign.ParseNotification(body, id, known(id));
        if (read is null)
        {
            return false;
        }

        campaign = read;
        return true;
    }
}

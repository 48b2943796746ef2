using System;
using System.Text.Json;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// The notification topics of campaigns (<see cref="CampaignKind.TopicsFor"/>), such as
/// <c>v2.outbound.campaigns.{id}</c>, and reading their events.
/// </summary>
internal static class CampaignTopic
{
    /// <summary>The topics to listen on for a campaign.</summary>
    public static System.Collections.Generic.IEnumerable<string> For(GenesysCampaign campaign) => campaign.Kind.TopicsFor(campaign.Id, campaign.MediaType);

    /// <summary>
    /// Reads an event of a campaign topic of any kind as a view of the campaign (see
    /// <see cref="GenesysCampaign.ParseNotification"/>); <paramref name="known"/> gives the campaign as
    /// last seen, by id. Other topics, such as <c>.progress</c>, and bodies without a status are not
    /// events of this kind.
    /// </summary>
    public static bool TryRead(string topic, JsonElement body, Func<string, GenesysCampaign?> known, out GenesysCampaign campaign)
    {
        campaign = null!;
        foreach (var kind in CampaignKind.All)
        {
            foreach (var prefix in kind.TopicPrefixes())
            {
                if (!topic.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || topic.IndexOf('.', prefix.Length) >= 0 || topic.Length == prefix.Length)
                {
                    continue;
                }

                var id = topic.Substring(prefix.Length);
                var read = GenesysCampaign.ParseNotification(body, kind, id, known(id));
                if (read is null)
                {
                    return false;
                }

                campaign = read;
                return true;
            }
        }

        return false;
    }
}

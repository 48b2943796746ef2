using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// The org's limits on active campaigns (on, stopping, forced_stopping count): at most
/// <see cref="CampaignKind.MaxActive"/> of each kind, 50 voice and 25 messaging (docs/genesys-api.md,
/// CONFIRMED). Checked before a Resume sends anything, so Genesys is never asked for a change it would
/// refuse: the campaigns the run would turn on take the places left, in the order given, and the rest
/// are rejected, naming the limit and the count. The active campaigns of a kind are counted once per
/// run, by listing every campaign of that kind (the voice list has no status filter). An org that
/// shows more active campaigns than the documented limit has another limit, which the module cannot
/// know: for that kind the decision is left to Genesys (its refusal is Rejected too). An org with a
/// higher limit that shows fewer than the documented number active is still checked against it.
/// </summary>
internal static class ActiveLimit
{
    /// <summary>Whether a status counts against the limit.</summary>
    public static bool IsActive(string status) =>
        status == CampaignStatus.On || status == CampaignStatus.Stopping || status == CampaignStatus.ForcedStopping;

    /// <summary>
    /// The campaigns among <paramref name="turningOn"/> (in the order given; each not active now) that
    /// would pass their kind's limit, each with the reason for its record.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> OverLimitAsync(GenesysApiClient api, IReadOnlyList<GenesysCampaign> turningOn, IOperationLog log, CancellationToken cancellationToken)
    {
        var over = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in turningOn.GroupBy(c => c.Kind))
        {
            var kind = group.Key;
            int active = 0, stopping = 0;
            try
            {
                await foreach (var campaign in api.ListCampaignsAsync(null, null, cancellationToken, kind).ConfigureAwait(false))
                {
                    active += IsActive(campaign.Status) ? 1 : 0;
                    stopping += StateRules.IsTransitional(campaign.Status) ? 1 : 0;
                }
            }
            catch (GenesysApiException ex)
            {
                // Not counted, so not checked here: Genesys still refuses a change past its limit, and
                // that refusal is a Rejected record too. A failed count must not block a Resume.
                log.Verbose($"The active {kind.Noun}s could not be counted ({ex.Message}); the limit of {kind.MaxActive} is left to Genesys Cloud.");
                continue;
            }

            if (active > kind.MaxActive)
            {
                // More are active than the documented limit allows: this org's limit is another (limits
                // can differ by org and contract), so a check of ours would be stricter than Genesys.
                // Genesys decides; its refusal past its own limit is a Rejected record with its message.
                log.Verbose($"The org has {active} active {kind.Noun}s, more than the documented {kind.MaxActive}: its limit is another, so it is left to Genesys Cloud.");
                continue;
            }

            var free = Math.Max(0, kind.MaxActive - active);
            var places = free;
            foreach (var campaign in group)
            {
                if (free > 0)
                {
                    free--;
                    continue;
                }

                var turningOff = stopping > 0 ? $", {stopping} of them turning off (each frees its place once off)" : string.Empty;
                var taken = places > 0 ? $"; the {places} place(s) left went to the campaigns given before it" : string.Empty;
                over[campaign.Id] = $"Campaign '{campaign.Name}' is not turned on: the org has {active} active {kind.Noun}s (on, stopping or forced_stopping){turningOff} and allows at most {kind.MaxActive}{taken}. Nothing is sent for it; resume it once a place is free.";
            }
        }

        return over;
    }
}

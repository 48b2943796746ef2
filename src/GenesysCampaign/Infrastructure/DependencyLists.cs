using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>The whole lists the dependency cmdlets read (once per invocation), run through the cmdlet's pump.</summary>
internal static class DependencyLists
{
    public static IReadOnlyList<GenesysCampaignSequence> Sequences(GenesysCmdlet cmdlet, GenesysApiClient api, CancellationToken cancellationToken) =>
        cmdlet.Pump.Run<IReadOnlyList<GenesysCampaignSequence>>(
            async token =>
            {
                var all = new List<GenesysCampaignSequence>();
                await foreach (var sequence in api.ListSequencesAsync(null, token).ConfigureAwait(false))
                {
                    all.Add(sequence);
                }

                return all;
            },
            cancellationToken);

    public static IReadOnlyList<GenesysCampaignRule> Rules(GenesysCmdlet cmdlet, GenesysApiClient api, CancellationToken cancellationToken) =>
        cmdlet.Pump.Run<IReadOnlyList<GenesysCampaignRule>>(
            async token =>
            {
                var all = new List<GenesysCampaignRule>();
                await foreach (var rule in api.ListCampaignRulesAsync(null, token).ConfigureAwait(false))
                {
                    all.Add(rule);
                }

                return all;
            },
            cancellationToken);
}

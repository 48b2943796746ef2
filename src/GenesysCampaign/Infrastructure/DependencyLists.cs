using System.Collections.Generic;
using System.Threading;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>The whole lists the dependency cmdlets read (once per invocation), run through the cmdlet's pump.</summary>
internal static class DependencyLists
{
    public static IReadOnlyList<GenesysCampaignSequence> Sequences(GenesysCmdlet cmdlet, GenesysApiClient api, CancellationToken cancellationToken) =>
        cmdlet.Pump.Run(token => api.ReadSequencesAsync(null, token), cancellationToken);

    public static IReadOnlyList<GenesysCampaignRule> Rules(GenesysCmdlet cmdlet, GenesysApiClient api, CancellationToken cancellationToken) =>
        cmdlet.Pump.Run(token => api.ReadCampaignRulesAsync(null, token), cancellationToken);
}

using System.Collections.Generic;
using System.Management.Automation;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>What Disable- and Enable-GenesysCampaignRule share: campaign rules (which refuse nothing, so take no -Force).</summary>
public abstract class CampaignRuleChangeCommand : ToggleChangeCommand
{
    /// <summary>Campaign rules from Get-GenesysCampaignRule (not read again).</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public GenesysCampaignRule?[]? InputObject { get; set; }

    /// <inheritdoc />
    internal override IEnumerable<IOutboundObject?> GivenObjects => InputObject ?? new GenesysCampaignRule?[] { null };

    /// <inheritdoc />
    internal override ToggleKind Kind => ToggleKind.CampaignRule;

    /// <inheritdoc />
    internal override IReadOnlyList<IOutboundObject> ListAll(GenesysApiClient api) => DependencyLists.Rules(this, api, CancellationToken);

    /// <inheritdoc />
    internal override string OfCampaign(string campaignId) => $"the rules that act on it are Get-GenesysCampaign -Id {campaignId} | Get-GenesysCampaignRule";
}

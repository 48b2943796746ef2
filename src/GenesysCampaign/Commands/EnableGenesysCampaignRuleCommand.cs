using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Enables campaign rules (enabled true, by full-body PUT): each acts again when its conditions hold.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "GenesysCampaignRule", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class EnableGenesysCampaignRuleCommand : CampaignRuleChangeCommand
{
    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Enable;
}

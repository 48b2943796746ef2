using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Disables campaign rules (enabled false, by full-body PUT), so they turn no campaign or sequence on or off.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "GenesysCampaignRule", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class DisableGenesysCampaignRuleCommand : CampaignRuleChangeCommand
{
    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Disable;
}

using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Pauses outbound campaigns (sets them off).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "GenesysCampaign", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class SuspendGenesysCampaignCommand : StateChangeCommand
{
    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Suspend;
}

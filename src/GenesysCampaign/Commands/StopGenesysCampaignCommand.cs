using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Force-stops outbound campaigns (sets them forced_off).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "GenesysCampaign", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class StopGenesysCampaignCommand : RecordInputCommand
{
    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Stop;
}

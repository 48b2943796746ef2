using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Resumes outbound campaigns (sets them on).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Resume, "GenesysCampaign", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class ResumeGenesysCampaignCommand : RecordInputCommand
{
    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Resume;
}

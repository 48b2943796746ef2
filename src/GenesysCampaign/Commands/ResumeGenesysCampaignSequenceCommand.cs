using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Turns campaign sequences back on (status on, by full-body PUT): each resumes its current campaign.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Resume, "GenesysCampaignSequence", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class ResumeGenesysCampaignSequenceCommand : SequenceChangeCommand
{
    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Resume;
}

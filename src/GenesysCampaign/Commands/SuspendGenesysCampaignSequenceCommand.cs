using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Turns campaign sequences off (status off, by full-body PUT), so they start no more campaigns.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Suspend, "GenesysCampaignSequence", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class SuspendGenesysCampaignSequenceCommand : SequenceChangeCommand
{
    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Suspend;
}

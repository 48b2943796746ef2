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
    /// <summary>
    /// Keep the campaigns paused: also turn off the running sequences that contain them, disable the
    /// enabled campaign rules that turn them (or those sequences) on, and remove their schedules and
    /// those of their sequences, each with its record (a removed schedule's body is kept in it).
    /// Implies going on past a running sequence.
    /// </summary>
    [Parameter]
    public SwitchParameter Hold { get; set; }

    /// <inheritdoc />
    protected override CampaignAction Action => CampaignAction.Suspend;

    /// <inheritdoc />
    protected override bool HoldGiven => Hold;
}

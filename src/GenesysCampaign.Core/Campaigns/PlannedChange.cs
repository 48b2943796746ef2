using System.Collections.Generic;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// What a run would do with one campaign, decided before anything is sent from the campaign as
/// given (<see cref="StateRules"/>) and what could block or undo the change
/// (<see cref="CampaignDependencies"/>): what -WhatIf says, and whether -Confirm asks about it.
/// Made by <see cref="StateChangeExecutor.PlanAsync"/>; the run itself decides again on what it reads.
/// </summary>
public sealed class PlannedChange
{
    internal PlannedChange(GenesysCampaign campaign, bool wouldWrite, string description, IReadOnlyList<string> warnings)
    {
        Campaign = campaign;
        WouldWrite = wouldWrite;
        Description = description;
        Warnings = warnings;
    }

    /// <summary>The campaign, as given.</summary>
    public GenesysCampaign Campaign { get; }

    /// <summary>Whether the run would send a write for it (at once, or once a stopping campaign settles).</summary>
    public bool WouldWrite { get; }

    /// <summary>
    /// In a sentence: the write (for the confirmation prompt's operation, such as
    /// <c>Suspend (set to off)</c>), or why nothing would be sent (already off; would be rejected, and why).
    /// </summary>
    public string Description { get; }

    /// <summary>The warnings the run would give: rules or schedules that can undo the change, and the like.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The operation a write is, in the words of the confirmation prompt.</summary>
    internal static string DescribeWrite(CampaignAction action, GenesysCampaign campaign) => action switch
    {
        CampaignAction.Resume when StateRules.IsTransitional(campaign.Status) => "Resume (wait for it to settle, then set to on)",
        CampaignAction.Stop when campaign.Status is CampaignStatus.Stopping => "Stop (force stop: set to forced_off)",
        CampaignAction.Stop => "Stop (set to off, then force stop: forced_off)",
        _ => $"{action} (set to {StateRules.For(action).TargetStatus})",
    };
}

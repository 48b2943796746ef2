using System.Collections.Generic;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// What a run would do with one object (a campaign, sequence or campaign rule), decided before
/// anything is sent from the object as given (<see cref="StateRules"/> and what could block or undo
/// the change, <see cref="CampaignDependencies"/>, for a campaign; <see cref="ToggleDecisions.Decide"/>
/// for the others): what -WhatIf says, and whether -Confirm asks about it. Made by the executor's
/// PlanAsync and Plan; the run itself decides again on what it reads.
/// </summary>
internal sealed class PlannedChange
{
    internal PlannedChange(IOutboundObject target, string state, bool wouldWrite, string description, IReadOnlyList<string> warnings)
    {
        Target = target;
        State = state;
        WouldWrite = wouldWrite;
        Description = description;
        Warnings = warnings;
    }

    /// <summary>The object, as given: a <see cref="GenesysCampaign"/>, <see cref="GenesysCampaignSequence"/> or <see cref="GenesysCampaignRule"/>.</summary>
    public IOutboundObject Target { get; }

    /// <summary>Its state as given: a campaign's or sequence's status, a rule's enabled or disabled.</summary>
    public string State { get; }

    /// <summary>Whether the run would send a write for it (at once, or once a stopping campaign settles).</summary>
    public bool WouldWrite { get; }

    /// <summary>
    /// In a sentence: the write (for the confirmation prompt's operation, such as
    /// <c>Suspend (set to off)</c>), or why nothing would be sent (already off; would be rejected, and why).
    /// </summary>
    public string Description { get; }

    /// <summary>The warnings the run would give: rules or schedules that can undo the change, and the like.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The change asked for this object, when a run holds several (an undo); else the run's own.</summary>
    internal StateChangeRequest? Request { get; init; }

    /// <summary>The kind of a sequence or rule, when a run holds several kinds (an undo).</summary>
    internal ToggleKind? Toggle { get; init; }

    /// <summary>
    /// Set when nothing is to be sent and the run is not to decide again (an undo of an object changed
    /// since): why, for an Unchanged record with that warning.
    /// </summary>
    internal string? NotSent { get; init; }

    /// <summary>This plan as part of a run of several changes (an undo): with its own request and kind.</summary>
    internal PlannedChange For(StateChangeRequest request, ToggleKind? toggle) =>
        new(Target, State, WouldWrite, Description, Warnings) { Request = request, Toggle = toggle, NotSent = NotSent };

    /// <summary>The operation a write is, in the words of the confirmation prompt.</summary>
    internal static string DescribeWrite(CampaignAction action, GenesysCampaign campaign) => action switch
    {
        CampaignAction.Resume when StateRules.IsTransitional(campaign.Status) => "Resume (wait for it to settle, then set to on)",
        CampaignAction.Stop when campaign.Status is CampaignStatus.Stopping => "Stop (force stop: set to forced_off)",
        CampaignAction.Stop => "Stop (set to off, then force stop: forced_off)",
        _ => $"{action} (set to {StateRules.For(action).TargetStatus})",
    };
}

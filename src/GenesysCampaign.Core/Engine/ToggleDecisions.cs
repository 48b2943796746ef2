using System;
using System.Collections.Generic;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>What the engine does with a sequence or rule as read (<see cref="ToggleKind"/> holds the kind's facts; this, the rule).</summary>
internal static class ToggleDecisions
{
    /// <summary>
    /// What to do with <paramref name="item"/> as read: Unchanged when it is already in the state the
    /// action leads to (or, for a sequence, a Suspend finds it complete: it runs nothing); Rejected
    /// when the kind refuses the change without -Force (a sequence that is complete, or in a status
    /// this module does not know); else Write. <paramref name="pausedCampaigns"/>: the campaigns a hold
    /// pauses in the same operation (ids, any case), of which no caution is given.
    /// </summary>
    public static StateDecision Decide(this ToggleKind kind, CampaignAction action, IOutboundObject item, bool force, ICollection<string>? pausedCampaigns = null)
    {
        var target = kind.TargetOf(action);
        var state = kind.StateOf(item);
        if (string.Equals(state, target, StringComparison.OrdinalIgnoreCase))
        {
            return new StateDecision(DecisionKind.Unchanged, $"{kind.Capitalized} '{item.Name}' is already {target}.");
        }

        if (kind.ObjectKind == OutboundObjectKind.Sequence && action == CampaignAction.Suspend && state == SequenceStatus.Complete)
        {
            return new StateDecision(DecisionKind.Unchanged, $"{kind.Capitalized} '{item.Name}' is complete: it turns no campaign on.");
        }

        if (!force && kind.RefusalOf(item, state, action) is { } refusal)
        {
            return new StateDecision(DecisionKind.Rejected, refusal);
        }

        // Whether a sequence turned off turns off its running campaign is UNCONFIRMED (docs/genesys-api.md).
        // A hold pauses the campaigns it was given itself: no caution for those.
        var caution = item is GenesysCampaignSequence { Current: { } current } && action == CampaignAction.Suspend && pausedCampaigns?.Contains(current.Id) != true
            ? $"Turning the sequence '{item.Name}' off may leave its current campaign '{current.Name ?? current.Id}' dialing (Genesys does not document it): pause that campaign too, with Suspend-GenesysCampaign -Id {current.Id}."
            : null;
        return new StateDecision(DecisionKind.Write, string.Empty, caution);
    }
}

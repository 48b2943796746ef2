using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// Which change records Resume and Stop act on when they are given records (piped from a Suspend, or
/// from Get-GenesysCampaignAuditLog): only those of campaigns the recorded change moved the other way,
/// so "resume what that batch paused" never starts a campaign the batch did not pause (one it found off
/// already, one it could not change, one another tool force-stopped). A record acted on is one whose
/// write was accepted (Changed, or TimedOut after its write): Resume takes a Suspend's or Stop's; Stop a
/// Resume's (its reverse) or a Suspend's (the same batch taken further, such as the pauses still
/// stopping at their deadline: a stop never turns anything on). The rest are recorded Unchanged, pointing at Undo-GenesysCampaignChange,
/// which puts back exactly what an operation changed.
/// </summary>
internal static class ChangeReversal
{
    /// <summary>
    /// Null when <paramref name="action"/> acts on the campaign <paramref name="given"/> is about;
    /// otherwise why not, as the message of its Unchanged record (<paramref name="command"/> names the cmdlet).
    /// </summary>
    public static string? WhyNotActedOn(CampaignAction action, GenesysCampaignStateChange given, string command)
    {
        var undo = $"To put back what an operation changed, use Undo-GenesysCampaignChange -OperationId {given.OperationId}.";
        var name = given.ObjectName ?? given.ObjectId;
        if (given.ObjectKind != OutboundObjectKind.Campaign)
        {
            return $"The record given is of {OutboundKinds.Noun(given.ObjectKind)} '{name}', not a campaign; {command} does not act on it. {undo}";
        }

        // Written to: Changed, or TimedOut after its write was accepted (a pause still stopping at the
        // deadline is the batch's own, and the one a Stop most needs to take on).
        var wrote = given.Outcome == StateChangeOutcome.Changed || given.WrittenWith is not null;
        if (wrote && Reverses(action, given.Action))
        {
            return null;
        }

        var what = wrote ? "wrote to it" : $"was {given.Outcome}";
        var acts = action == CampaignAction.Resume ? "Suspend or Stop" : "Resume or Suspend";
        return $"Campaign '{name}': the record given is a {given.Action} that {what}; {command} acts only on the campaigns {acts} records show written to, so nothing was sent. {undo}";
    }

    private static bool Reverses(CampaignAction action, CampaignAction recorded) => action switch
    {
        CampaignAction.Resume => recorded is CampaignAction.Suspend or CampaignAction.Stop,
        CampaignAction.Stop => recorded is CampaignAction.Resume or CampaignAction.Suspend,
        _ => true,
    };
}

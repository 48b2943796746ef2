using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// Which change records Resume and Stop act on when they are given records (piped from a Suspend, or
/// from Get-GenesysCampaignAuditLog): only those of campaigns the recorded change moved the other way,
/// so "resume what that batch paused" never starts a campaign the batch did not pause (one it found off
/// already, one it could not change, one another tool force-stopped). Resume acts on the campaigns of
/// Suspend and Stop records whose write was accepted (Changed, or TimedOut after its write). Stop acts
/// on the campaigns of every Suspend or Stop record (taking a pause further never turns anything on, and
/// a pause that could not be made, refused for a running sequence, is the campaign still dialing), and
/// on those of Resume records whose write was accepted (its reverse). The rest are recorded Unchanged, pointing at Undo-GenesysCampaignChange,
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
        // Undo takes records, not an id: the command named is one that runs (an admin's first try, in a new
        // user's trial, was an -OperationId that Undo does not have).
        var undo = $"To put back what that operation changed: Get-GenesysCampaignAuditLog <audit log> -OperationId {given.OperationId} | Undo-GenesysCampaignChange.";
        var name = given.ObjectName ?? given.ObjectId;
        if (given.ObjectKind != OutboundObjectKind.Campaign)
        {
            return $"The record given is of {OutboundKinds.Noun(given.ObjectKind)} '{name}', not a campaign; {command} does not act on it. {undo}";
        }

        // Written to: Changed, or TimedOut after its write was accepted (a pause still stopping at the
        // deadline is the batch's own).
        var wrote = given.Outcome == StateChangeOutcome.Changed || given.WrittenWith is not null;
        if (ActsOn(action, given.Action, wrote))
        {
            return null;
        }

        var what = wrote ? "wrote to it" : $"was {given.Outcome}";
        var acts = action == CampaignAction.Resume ? "Suspend or Stop records show written to" : "Suspend or Stop records name, and those Resume records show written to";
        return $"Campaign '{name}': the record given is a {given.Action} that {what}; {command} acts only on the campaigns {acts}, so nothing was sent. {undo}";
    }

    private static bool ActsOn(CampaignAction action, CampaignAction recorded, bool wrote) => action switch
    {
        CampaignAction.Resume => wrote && recorded is CampaignAction.Suspend or CampaignAction.Stop,
        // A stop takes any pause further, written or not: one the pause could not make (a running
        // sequence refused it) is the campaign still dialing, the one a Stop after it most needs to reach.
        CampaignAction.Stop => recorded is CampaignAction.Suspend or CampaignAction.Stop || (wrote && recorded is CampaignAction.Resume),
        _ => true,
    };
}

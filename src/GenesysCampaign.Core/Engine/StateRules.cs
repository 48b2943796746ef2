using System;
using System.Collections.Generic;
using System.Linq;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>What the state rules say to do with one campaign.</summary>
internal enum DecisionKind
{
    /// <summary>Write: see <see cref="StateRules.WriteFor"/>.</summary>
    Write,

    /// <summary>Nothing to write: already there or on the way.</summary>
    Unchanged,

    /// <summary>Not allowed from this status.</summary>
    Rejected,

    /// <summary>The campaign is between states: wait until it settles, then decide again.</summary>
    WaitToSettle,
}

/// <summary>The decision and, for Unchanged/Rejected, why.</summary>
internal readonly struct StateDecision
{
    /// <summary>Creates a decision.</summary>
    public StateDecision(DecisionKind kind, string message, string? warning = null)
    {
        Kind = kind;
        Message = message;
        Warning = warning;
    }

    /// <summary>What to do.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Why, in a sentence for the record.</summary>
    public string Message { get; }

    /// <summary>A caution to carry into the record's Warnings.</summary>
    public string? Warning { get; }
}

/// <summary>
/// One write: the status it sets and, when Genesys has one for it, the endpoint that sets it without
/// a body (<c>start</c> or <c>stop</c>); without it, or when the endpoint cannot be used, a full-body PUT.
/// </summary>
internal sealed class StateWrite
{
    internal StateWrite(string status, string? endpoint)
    {
        Status = status;
        Endpoint = endpoint;
    }

    /// <summary>The <c>campaignStatus</c> the write sets.</summary>
    public string Status { get; }

    /// <summary><c>start</c>, <c>stop</c>, or null for a PUT only.</summary>
    public string? Endpoint { get; }

    /// <summary>Whether this is the force-stop write (<c>forced_off</c>), which only a PUT can make.</summary>
    public bool IsForceStop => Status == CampaignStatus.ForcedOff;
}

/// <summary>One row of the rules table.</summary>
internal sealed class StateRule
{
    internal StateRule(CampaignAction action, string target, string[] unchangedFrom, string[] writeFrom, string[] expectedFinal, StateWrite write)
    {
        Action = action;
        TargetStatus = target;
        UnchangedFrom = unchangedFrom;
        WriteFrom = writeFrom;
        ExpectedFinal = expectedFinal;
        Write = write;
    }

    /// <summary>The action.</summary>
    public CampaignAction Action { get; }

    /// <summary>The status the action ends in (the record's RequestedStatus).</summary>
    public string TargetStatus { get; }

    /// <summary>
    /// The write that starts the action: for Suspend and Stop the stop endpoint (Stop then writes
    /// <c>forced_off</c> while the campaign is stopping: see <see cref="StateRules.WriteFor"/>), for Resume the start endpoint.
    /// </summary>
    public StateWrite Write { get; }

    /// <summary>Statuses in which nothing is written (already there, or heading there, or not dialing at all).</summary>
    public IReadOnlyCollection<string> UnchangedFrom { get; }

    /// <summary>Statuses from which the target is written.</summary>
    public IReadOnlyCollection<string> WriteFrom { get; }

    /// <summary>Settled statuses that count as success once the dialer is done.</summary>
    public IReadOnlyCollection<string> ExpectedFinal { get; }
}

/// <summary>
/// The one table of state rules: action -> target status, the statuses it is Unchanged from, the
/// statuses it writes from, and what it settles to. Everything else about state lives in
/// <see cref="Decide"/>, which reads only this table and a campaign.
/// </summary>
internal static class StateRules
{
    /// <summary>
    /// How long a campaign turned on is watched under -Wait before on counts as reached: a start that
    /// Genesys accepts can leave a campaign the dialer cannot run (its contact list or queue gone)
    /// invalid shortly after. UNCONFIRMED how soon (public reports say it happens, not when); a campaign
    /// still on after this is taken as running.
    /// </summary>
    public static readonly TimeSpan StartConfirmation = TimeSpan.FromSeconds(5);

    /// <summary>Statuses the dialer moves on from by itself.</summary>
    public static readonly IReadOnlyCollection<string> Transitional = new[] { CampaignStatus.Stopping, CampaignStatus.ForcedStopping };

    /// <summary>Statuses that stay until someone (or a rule, schedule or sequence) changes them.</summary>
    public static readonly IReadOnlyCollection<string> Settled = new[] { CampaignStatus.On, CampaignStatus.Off, CampaignStatus.Complete, CampaignStatus.Invalid, CampaignStatus.ForcedOff };

    private static readonly Dictionary<CampaignAction, StateRule> Table = new[]
    {
        // Pause. A campaign that is not dialing (or is already turning off) needs no write.
        new StateRule(
            CampaignAction.Suspend,
            CampaignStatus.Off,
            unchangedFrom: new[] { CampaignStatus.Off, CampaignStatus.Stopping, CampaignStatus.Complete, CampaignStatus.ForcedOff, CampaignStatus.ForcedStopping, CampaignStatus.Invalid },
            writeFrom: new[] { CampaignStatus.On },
            expectedFinal: new[] { CampaignStatus.Off, CampaignStatus.Complete, CampaignStatus.ForcedOff, CampaignStatus.Invalid },
            new StateWrite(CampaignStatus.Off, "stop")),

        // Dial again. From complete it restarts at the first record, so that needs -Force;
        // invalid cannot be turned on; stopping must settle first.
        new StateRule(
            CampaignAction.Resume,
            CampaignStatus.On,
            unchangedFrom: new[] { CampaignStatus.On },
            writeFrom: new[] { CampaignStatus.Off, CampaignStatus.ForcedOff, CampaignStatus.Complete },
            expectedFinal: new[] { CampaignStatus.On, CampaignStatus.Complete },
            new StateWrite(CampaignStatus.On, "start")),

        // Force stop applies to a campaign that is on or turning off; anything else is not dialing.
        // Writing forced_off is undocumented and from on least likely (docs/genesys-api.md), so a campaign
        // that is on is turned off first, and forced_off is written while it is stopping.
        new StateRule(
            CampaignAction.Stop,
            CampaignStatus.ForcedOff,
            unchangedFrom: new[] { CampaignStatus.ForcedOff, CampaignStatus.ForcedStopping, CampaignStatus.Off, CampaignStatus.Complete, CampaignStatus.Invalid },
            writeFrom: new[] { CampaignStatus.On, CampaignStatus.Stopping },
            expectedFinal: new[] { CampaignStatus.ForcedOff, CampaignStatus.Off, CampaignStatus.Complete },
            new StateWrite(CampaignStatus.Off, "stop")),
    }.ToDictionary(rule => rule.Action);

    /// <summary>The row for an action.</summary>
    public static StateRule For(CampaignAction action) => Table[action];

    private static readonly StateWrite ForceStop = new(CampaignStatus.ForcedOff, endpoint: null);

    /// <summary>
    /// The write to make for <paramref name="action"/> on a campaign in <paramref name="status"/>, once
    /// <see cref="Decide"/> said to write: the action's own, except that Stop of a campaign already
    /// stopping writes <c>forced_off</c>.
    /// </summary>
    public static StateWrite WriteFor(CampaignAction action, string status) =>
        action == CampaignAction.Stop && status == CampaignStatus.Stopping ? ForceStop : For(action).Write;

    /// <summary>
    /// Whether a campaign in <paramref name="status"/> is where a write of <paramref name="written"/>
    /// leads: that status, or the transitional one on the way to it (stopping to off, forced_stopping
    /// to forced_off).
    /// </summary>
    public static bool ShowsWrite(string written, string status) =>
        status == written
        || (written == CampaignStatus.Off && status == CampaignStatus.Stopping)
        || (written == CampaignStatus.ForcedOff && status == CampaignStatus.ForcedStopping);

    /// <summary>Whether a status is one the dialer leaves by itself.</summary>
    public static bool IsTransitional(string status) => Transitional.Contains(status);

    /// <summary>
    /// Whether a change of <paramref name="campaign"/> as given may wait on it, so that its run subscribes to
    /// its events: a settle before a Resume, and, with -Wait, a write or a campaign still turning off. Only
    /// those are subscribed to: a pause of a whole org piped in (20,000 campaigns, 78 on) subscribed to every
    /// one and opened 21 channels, past Genesys's 20 for a client, evicting other runs' (a breaker, session 14).
    /// A campaign decided otherwise when it is read again is subscribed to when its wait begins.
    /// </summary>
    public static bool MayWaitOn(CampaignAction action, GenesysCampaign campaign, bool force, bool wait) =>
        Decide(action, campaign, force).Kind switch
        {
            DecisionKind.WaitToSettle => true,
            DecisionKind.Write => wait,
            DecisionKind.Unchanged => wait && IsTransitional(campaign.Status),
            _ => false,
        };

    /// <summary>Decides what to do with <paramref name="campaign"/> for <paramref name="action"/>.</summary>
    public static StateDecision Decide(CampaignAction action, GenesysCampaign campaign, bool force)
    {
        var rule = For(action);
        var status = campaign.Status;

        if (status.Length == 0)
        {
            // Not a status newer than this module, but none at all: nothing to decide on, so no write.
            return new StateDecision(DecisionKind.Rejected, $"Campaign '{campaign.Name}' was read without a campaignStatus; nothing was sent.");
        }

        if (rule.UnchangedFrom.Contains(status))
        {
            return new StateDecision(DecisionKind.Unchanged, status == rule.TargetStatus
                ? $"Campaign '{campaign.Name}' is already {status}."
                : $"Campaign '{campaign.Name}' is {status}; {action} has nothing to change.");
        }

        if (action == CampaignAction.Resume && status == CampaignStatus.Invalid)
        {
            var errors = campaign.Errors.Count > 0 ? string.Join("; ", campaign.Errors) : "Genesys gave no reason";
            return new StateDecision(DecisionKind.Rejected, $"Campaign '{campaign.Name}' is invalid and cannot be resumed until it is fixed: {errors}.");
        }

        if (action == CampaignAction.Resume && IsTransitional(status))
        {
            return new StateDecision(DecisionKind.WaitToSettle, $"Campaign '{campaign.Name}' is {status}; waiting for it to settle before resuming.");
        }

        if (action == CampaignAction.Resume && status == CampaignStatus.Complete)
        {
            return force
                ? new StateDecision(DecisionKind.Write, string.Empty, $"Campaign '{campaign.Name}' was complete: resuming restarts dialing from the first record (-Force).")
                : new StateDecision(DecisionKind.Rejected, $"Campaign '{campaign.Name}' is complete: resuming it would restart dialing from the first record. Use -Force to do that.");
        }

        if (rule.WriteFrom.Contains(status))
        {
            return new StateDecision(DecisionKind.Write, string.Empty);
        }

        if (!CampaignStatus.All.Contains(status))
        {
            // A status newer than this module: let Genesys judge the transition, and say so.
            return new StateDecision(DecisionKind.Write, string.Empty, $"Campaign '{campaign.Name}' has status '{status}', which this module does not know; the change is sent, and Genesys decides whether it is allowed.");
        }

        return new StateDecision(DecisionKind.Rejected, $"Campaign '{campaign.Name}' is {status}; {action} cannot change it from there.");
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>One object to put back: to the state before the oldest of its Changed records given, by the action that leads there.</summary>
internal sealed class UndoStep
{
    public UndoStep(GenesysCampaignStateChange oldest, GenesysCampaignStateChange newest, CampaignAction action, string? body)
    {
        Oldest = oldest;
        Newest = newest;
        Action = action;
        Body = body;
    }

    /// <summary>
    /// For a schedule put back: the body its newest removal kept (reverted newest first, the older
    /// removals then find it changed since, so this is the body the object ends with).
    /// </summary>
    public string? Body { get; }

    /// <summary>The first change of the object among the records given: its state before is what the undo restores.</summary>
    public GenesysCampaignStateChange Oldest { get; }

    /// <summary>The last change: the object must still be as it left it.</summary>
    public GenesysCampaignStateChange Newest { get; }

    /// <summary>The action that restores <see cref="RestoreTo"/>: Resume, Suspend, Stop (campaigns), Resume, Suspend (sequences), Enable, Disable (rules), Restore, Remove (schedules).</summary>
    public CampaignAction Action { get; }

    public OutboundObjectKind Kind => Oldest.ObjectKind;

    public string Id => Oldest.ObjectId;

    /// <summary>The state the object had before the first change undone.</summary>
    public string RestoreTo => Oldest.PreviousStatus!;
}

/// <summary>
/// What undoing change records means (Undo-GenesysCampaignChange): only Changed records count; an
/// object changed several times goes back to its state before the oldest of them (the changes are
/// reverted newest first, so the net effect is that state); an undo is itself a change, so an undo of
/// an undo applies the change again. An object is put back only while it is as the newest record
/// left it, and each rule of that lives here.
/// </summary>
internal static class UndoPlan
{
    /// <summary>
    /// The steps for <paramref name="records"/>, in the order that puts an emergency back safely:
    /// campaigns first (their sequences are still off, so nothing rejects them), then sequences, then
    /// campaign rules, then schedules (put back from the body their removal kept). <paramref name="cannot"/> gets the Changed records whose state before cannot be
    /// written (a campaign that was complete, say), with why.
    /// </summary>
    public static IReadOnlyList<UndoStep> Steps(IEnumerable<GenesysCampaignStateChange> records, ICollection<(GenesysCampaignStateChange Record, string Why)> cannot)
    {
        var steps = new List<UndoStep>();
        var changed = records
            .Where(r => r.Outcome == StateChangeOutcome.Changed && !string.IsNullOrEmpty(r.ObjectId))
            .GroupBy(r => (r.ObjectKind, Id: r.ObjectId.ToUpperInvariant()));
        foreach (var group in changed)
        {
            var ordered = group.OrderBy(r => r.Timestamp).ToList();
            var oldest = ordered[0];
            var newest = ordered[ordered.Count - 1];
            if (oldest.PreviousStatus is not { Length: > 0 } before || ActionFor(oldest.ObjectKind, before) is not { } action)
            {
                cannot.Add((oldest, $"{OutboundKinds.Noun(oldest.ObjectKind, true)} '{oldest.ObjectName ?? oldest.ObjectId}' was {oldest.PreviousStatus ?? "in a state not recorded"} before {oldest.Action} of {Stamp(oldest)}; that cannot be written, so it is not put back."));
                continue;
            }

            var body = ordered.LastOrDefault(r => r.Action == CampaignAction.Remove)?.ReplacedBody;
            steps.Add(new UndoStep(oldest, newest, action, body));
        }

        return steps.OrderBy(s => s.Kind switch { OutboundObjectKind.Campaign => 0, OutboundObjectKind.Sequence => 1, OutboundObjectKind.CampaignRule => 2, _ => 3 }).ThenBy(s => s.Newest.Timestamp).ToList();
    }

    /// <summary>The action that writes <paramref name="state"/> for a kind, or null when none does.</summary>
    public static CampaignAction? ActionFor(OutboundObjectKind kind, string state) => (kind, state) switch
    {
        (OutboundObjectKind.Campaign, CampaignStatus.On) => CampaignAction.Resume,
        (OutboundObjectKind.Campaign, CampaignStatus.Off or CampaignStatus.Stopping) => CampaignAction.Suspend,
        (OutboundObjectKind.Campaign, CampaignStatus.ForcedOff or CampaignStatus.ForcedStopping) => CampaignAction.Stop,
        (OutboundObjectKind.Sequence, SequenceStatus.On) => CampaignAction.Resume,
        (OutboundObjectKind.Sequence, SequenceStatus.Off) => CampaignAction.Suspend,
        (OutboundObjectKind.CampaignRule, RuleState.Enabled) => CampaignAction.Enable,
        (OutboundObjectKind.CampaignRule, RuleState.Disabled) => CampaignAction.Disable,
        (_, GenesysCampaignSchedule.Scheduled) when OutboundKinds.Of(kind).IsSchedule => CampaignAction.Restore,
        (_, GenesysCampaignSchedule.Removed) when OutboundKinds.Of(kind).IsSchedule => CampaignAction.Remove,
        _ => null,
    };

    /// <summary>
    /// Why the object, as read now, is not as the newest record left it (null when it is): a campaign
    /// in another status than that record's final one or the one its write leads to (its version is
    /// not compared: the dialer moves it); a sequence or rule in another state, or at another version.
    /// </summary>
    public static string? ChangedSince(UndoStep step, string state, int version)
    {
        var newest = step.Newest;
        var left = newest.FinalStatus ?? newest.RequestedStatus;
        var same = step.Kind switch
        {
            OutboundObjectKind.Campaign => state == left || StateRules.ShowsWrite(newest.RequestedStatus, state),
            _ when OutboundKinds.Of(step.Kind).IsSchedule && state == GenesysCampaignSchedule.Removed => state == left, // Gone: no version to compare.
            _ => state == left && (newest.FinalVersion is not { } leftVersion || version == leftVersion),
        };
        // Already where the undo would put it (undone before, or by hand): no one's change to respect;
        // the run finds it Unchanged. Not for a schedule: one there now is someone's (the caller has
        // found it Unchanged already when it is the very body the removal kept).
        if (same || (state == step.RestoreTo && !OutboundKinds.Of(step.Kind).IsSchedule))
        {
            return null;
        }

        var now = state == left
            ? $"it is {state} as that change left it, but at version {version}, not {newest.FinalVersion}: it was edited since"
            : $"it is now {state}, not {left} as that change left it";
        return $"{OutboundKinds.Noun(step.Kind, true)} '{newest.ObjectName ?? newest.ObjectId}' was changed since {newest.Action} of {Stamp(newest)}: {now}. Nothing was sent; use -Force to put it back to {step.RestoreTo} anyway.";
    }

    /// <summary>
    /// The schedule a Restore puts back: the body the removal in <paramref name="step"/> kept, read as a
    /// <paramref name="kind"/> schedule at <paramref name="now"/>. Null, with <paramref name="why"/>, when the
    /// record keeps no body, the body cannot be read (not JSON, no id), or it is the schedule of another
    /// object than the record's (putting it back would write that object). JSON errors are caught here, in
    /// Core: the cmdlets' JsonException may be the host's copy of the type, never the one Core throws
    /// (docs/ARCHITECTURE.md, "The import contract").
    /// </summary>
    public static GenesysCampaignSchedule? SavedSchedule(UndoStep step, ScheduleKind kind, DateTimeOffset now, out string? why)
    {
        why = null;
        if (string.IsNullOrWhiteSpace(step.Body))
        {
            why = "its record keeps no body";
            return null;
        }

        GenesysCampaignSchedule schedule;
        try
        {
            schedule = GenesysCampaignSchedule.Parse(step.Body!, kind, now);
        }
        catch (JsonException ex)
        {
            why = "it is not JSON: " + ex.Message;
            return null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            why = ex.Message;
            return null;
        }

        // A body without the kind's target field is not this kind's schedule (another kind's, relabelled):
        // its PUT would write what the record does not say.
        if (schedule.Target is null)
        {
            why = $"it names no '{OutboundKinds.Of(kind).TargetProperty}', as a {OutboundKinds.Of(kind).Noun} does (is it another kind's schedule?)";
            return null;
        }

        // What a Restore writes is the schedule of the object the body names (TargetId); a body whose own id
        // names another object is as damaged, for the record does not say which of the two was meant.
        if (!string.Equals(schedule.TargetId, step.Id, StringComparison.OrdinalIgnoreCase))
        {
            why = $"it is the {OutboundKinds.Of(kind).Noun} of {schedule.TargetId}, not of {step.Id}";
            return null;
        }

        if (!string.Equals(schedule.Id, schedule.TargetId, StringComparison.OrdinalIgnoreCase))
        {
            why = $"its id {schedule.Id} is not the id of what it schedules, {schedule.TargetId}";
            return null;
        }

        return schedule;
    }

    private static string Stamp(GenesysCampaignStateChange record) =>
        record.Timestamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC (operation " + record.OperationId + ")";
}

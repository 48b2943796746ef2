using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One undo of change records, as the engine runs it (Undo-GenesysCampaignChange hands it the steps and takes
/// the records): each object is read now; one changed since (by someone else) is not sent unless forced; a
/// schedule is put back from the body its removal kept, or removed again; the rest is planned and run as its
/// own change cmdlet would, kind by kind in the order of the steps (campaigns, sequences, rules, schedules).
/// Every object gets one record: planned, or recorded here when it cannot be read, is gone, or is as the
/// undo would leave it already. The rules of "changed since" and of the steps live in <see cref="UndoPlan"/>.
/// </summary>
internal sealed class UndoRun
{
    private readonly GenesysApiClient _api;
    private readonly IReadOnlyList<UndoStep> _steps;
    private readonly IReadOnlyDictionary<(OutboundObjectKind, CampaignAction), StateChangeRequest> _requests;
    private readonly bool _force;

    // Objects that could not be read (by kind and id): recorded Failed, never planned.
    private readonly HashSet<string> _unreadable = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// An undo of <paramref name="steps"/> (from <see cref="UndoPlan.Steps"/>), with one request per kind and
    /// action of them; <paramref name="force"/> puts back objects changed since too.
    /// </summary>
    public UndoRun(GenesysApiClient api, IReadOnlyList<UndoStep> steps, IReadOnlyDictionary<(OutboundObjectKind, CampaignAction), StateChangeRequest> requests, bool force)
    {
        _api = api;
        _steps = steps;
        _requests = requests;
        _force = force;
    }

    /// <summary>Reads each object now and plans its undo: not sent when it was changed since (unless -Force), else as its change cmdlet would.</summary>
    public async Task<IReadOnlyList<PlannedChange>> PlanAsync(StateChangeExecutor executor, Action<GenesysCampaignStateChange, Exception?> emit, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(executor, emit, cancellationToken).ConfigureAwait(false);
        var plans = new List<PlannedChange>();
        foreach (var group in Groups(_steps))
        {
            var request = _requests[(group.Kind, group.Action)];
            var toggle = ToggleKind.Of(group.Kind);
            var items = new List<IOutboundObject>();
            if (OutboundKinds.Of(group.Kind).ScheduleKind is { } scheduleKind)
            {
                plans.AddRange(PlanSchedules(executor, scheduleKind, group.Steps, current, request, emit));
                continue;
            }

            foreach (var step in group.Steps.Where(s => current.ContainsKey(Key(s))))
            {
                var item = current[Key(step)];
                var state = toggle?.StateOf(item) ?? ((GenesysCampaign)item).Status;
                if (!_force && UndoPlan.ChangedSince(step, state, item.Version) is { } why)
                {
                    plans.Add(new PlannedChange(item, state, false, why, Array.Empty<string>()) { NotSent = why }.For(request, toggle));
                }
                else
                {
                    items.Add(item);
                }
            }

            if (items.Count == 0)
            {
                continue;
            }

            var planned = toggle is null
                ? await executor.PlanAsync(items.Cast<GenesysCampaign>().ToList(), request, cancellationToken).ConfigureAwait(false)
                : await executor.PlanAsync(items, toggle, request, cancellationToken).ConfigureAwait(false);
            plans.AddRange(planned.Select(p => p.For(request, toggle)));
        }

        return plans;
    }

    /// <summary>
    /// A schedule's undo: put back from the body its removal kept (Restore), or removed again (the
    /// undo of a Restore); not while it is otherwise than that change left it (unless -Force).
    /// </summary>
    private IEnumerable<PlannedChange> PlanSchedules(StateChangeExecutor executor, ScheduleKind kind, IEnumerable<UndoStep> steps, Dictionary<string, IOutboundObject> current, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> emit)
    {
        foreach (var step in steps.Where(s => !_unreadable.Contains(Key(s))))
        {
            var now = current.TryGetValue(Key(step), out var read) ? (GenesysCampaignSchedule)read : null;
            var state = now is null ? GenesysCampaignSchedule.Removed : GenesysCampaignSchedule.Scheduled;
            var restore = step.Action == CampaignAction.Restore;
            var noun = OutboundKinds.Of(kind).Noun;
            GenesysCampaignSchedule? target = now;
            if (restore)
            {
                target = UndoPlan.SavedSchedule(step, kind, DateTimeOffset.UtcNow, out var unreadable);
                if (target is null)
                {
                    // One damaged record: that schedule is not put back, and says why; the rest goes on.
                    executor.RecordInputError(step.Id, step.Kind, request, FailureKind.InvalidArgument, Failures.RecordUnreadable, $"The {noun} '{step.Newest.ObjectName ?? step.Id}' of {step.Id}, removed by operation {step.Newest.OperationId}, cannot be put back from the body its record kept: {unreadable}. Nothing was sent.", emit, step.Newest.ObjectName);
                    continue;
                }
            }
            else if (now is null)
            {
                executor.RecordUnchanged(step.Id, step.Newest.ObjectName, step.Kind, GenesysCampaignSchedule.Removed, request, $"The {noun} of {step.Id} is removed already; nothing was sent.", emit);
                continue;
            }

            if (restore && now is not null && ScheduleChange.SameBody(now, target!))
            {
                executor.RecordUnchanged(step.Id, step.Newest.ObjectName, step.Kind, GenesysCampaignSchedule.Scheduled, request, $"The {noun} '{target!.Name}' is back already, as its removal kept it; nothing was sent.", emit);
                continue;
            }

            var why = _force ? null : UndoPlan.ChangedSince(step, state, now?.Version ?? 0);
            if (why is null && restore && now is not null)
            {
                // -Force over a schedule someone made since: the PUT replaces it, at its version (a PUT at
                // another version is refused as stale).
                target = GenesysCampaignSchedule.Parse(CampaignBody.WithProperty(target!.ToJson(), "version", now.Version.ToString(CultureInfo.InvariantCulture)), kind, DateTimeOffset.UtcNow);
            }

            yield return why is not null
                ? new PlannedChange(target!, state, false, why, Array.Empty<string>()) { NotSent = why }.For(request, null)
                : new PlannedChange(target!, state, true, restore ? $"Restore (put the {noun} back from the body its removal kept)" : $"Remove (delete the {noun} again)", Array.Empty<string>()).For(request, null);
        }
    }

    /// <summary>An object by kind and id: a campaign and its schedule have the same id.</summary>
    private static string Key(OutboundObjectKind kind, string id) => kind + ":" + id.ToUpperInvariant();

    private static string Key(UndoStep step) => Key(step.Kind, step.Id);

    /// <summary>The objects of the steps as they are now, by kind and id; an object gone is a NotFound record (a schedule gone is as its removal left it).</summary>
    private async Task<Dictionary<string, IOutboundObject>> ReadAsync(StateChangeExecutor executor, Action<GenesysCampaignStateChange, Exception?> emit, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, IOutboundObject>(StringComparer.OrdinalIgnoreCase);
        var campaignIds = _steps.Where(s => s.Kind == OutboundObjectKind.Campaign).Select(s => s.Id).ToList();
        if (campaignIds.Count > 0)
        {
            foreach (var campaign in await _api.GetCampaignsByIdAsync(campaignIds, null, cancellationToken).ConfigureAwait(false))
            {
                current[Key(OutboundObjectKind.Campaign, campaign.Id)] = campaign;
            }
        }

        foreach (var step in _steps)
        {
            var toggle = ToggleKind.Of(step.Kind);
            var scheduleKind = OutboundKinds.Of(step.Kind).ScheduleKind;
            try
            {
                if (scheduleKind is { } schedules)
                {
                    current[Key(step)] = await _api.GetScheduleAsync(schedules, step.Id, null, cancellationToken).ConfigureAwait(false);
                }
                else if (toggle is not null)
                {
                    current[Key(step)] = await _api.GetObjectAsync(toggle, step.Id, null, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (GenesysApiException ex) when (ex.StatusCode == 404)
            {
                // Gone: a schedule as its removal left it; anything else cannot be put back (below).
            }
            catch (GenesysApiException ex)
            {
                // One object that cannot be read (its division refused, Genesys down for it) is that
                // object's failure: the others are still put back.
                var (_, failure) = ApiErrors.Classify(ex);
                executor.RecordInputError(step.Id, step.Kind, _requests[(step.Kind, step.Action)], failure, ApiErrors.CodeOf(ex), $"{OutboundKinds.Noun(step.Kind, true)} '{step.Newest.ObjectName ?? step.Id}' could not be read, so it was not put back: {ex.Message}", emit);
                _unreadable.Add(Key(step));
                continue;
            }

            if (scheduleKind is not null)
            {
                continue;
            }

            if (!current.ContainsKey(Key(step)) && !_unreadable.Contains(Key(step)))
            {
                executor.RecordNotFound(step.Id, _requests[(step.Kind, step.Action)], emit, $"It was changed by operation {step.Newest.OperationId} and cannot be put back.", toggle);
            }
        }

        return current;
    }

    /// <summary>Runs the approved undos group by group, in the order of the steps (campaigns, then sequences, then rules).</summary>
    public async Task RunAsync(StateChangeExecutor executor, IReadOnlyList<IOutboundObject> approved, Action<GenesysCampaignStateChange, Exception?> emit, CancellationToken token)
    {
        foreach (var group in Groups(_steps))
        {
            token.ThrowIfCancellationRequested();
            var items = approved.Where(a => a.ObjectKind == group.Kind && group.Steps.Any(s => string.Equals(s.Id, a.Id, StringComparison.OrdinalIgnoreCase))).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var request = _requests[(group.Kind, group.Action)];
            if (OutboundKinds.Of(group.Kind).IsSchedule)
            {
                await executor.RunAsync(items.Cast<GenesysCampaignSchedule>().ToList(), request, emit, token).ConfigureAwait(false);
            }
            else if (ToggleKind.Of(group.Kind) is { } toggle)
            {
                await executor.RunAsync(items, toggle, request, emit, token).ConfigureAwait(false);
            }
            else
            {
                await executor.RunAsync(items.Cast<GenesysCampaign>().ToList(), request, emit, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The steps by kind and action, in step order.</summary>
    private static IEnumerable<(OutboundObjectKind Kind, CampaignAction Action, List<UndoStep> Steps)> Groups(IReadOnlyList<UndoStep> steps) =>
        steps.GroupBy(s => (s.Kind, s.Action)).Select(g => (g.Key.Kind, g.Key.Action, g.ToList()));
}

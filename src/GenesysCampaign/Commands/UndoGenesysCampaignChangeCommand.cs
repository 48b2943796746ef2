using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Puts back what change records say was changed: campaigns, sequences and campaign rules, each to its state before the change, while it is still as the change left it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Undo, "GenesysCampaignChange", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class UndoGenesysCampaignChangeCommand : ChangeCmdlet
{
    private readonly List<GenesysCampaignStateChange> _records = new();
    private int _nulls;
    private ChangeRun? _run;
    private StateChangeExecutor? _executor;

    // Objects that could not be read (by kind and id): recorded Failed, never planned.
    private readonly HashSet<string> _unreadable = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Change records: from the change cmdlets, or Get-GenesysCampaignAuditLog. Only Changed ones are undone.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    public GenesysCampaignStateChange?[]? InputObject { get; set; }

    /// <summary>Put back objects changed since the change too, and go past a running sequence.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // A $null piped in holds nothing to undo: counted and said once, never the end of the undo (refused at
        // binding, it would stop the whole pipeline under -ErrorAction Stop before anything was put back).
        foreach (var record in InputObject ?? new GenesysCampaignStateChange?[] { null })
        {
            if (record is null)
            {
                _nulls++;
            }
            else
            {
                _records.Add(record);
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var cannot = new List<(GenesysCampaignStateChange Record, string Why)>();
        var steps = UndoPlan.Steps(_records, cannot);
        var api = RequireConnection().CreateClient(Pump);
        var operations = _records.Where(r => r.Outcome == StateChangeOutcome.Changed).Select(r => r.OperationId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var operationId = Guid.NewGuid().ToString();
        var reason = Reason ?? "Undo of operation " + string.Join(", ", operations);

        // One request per kind and action; every record of this undo shares one OperationId.
        var requests = steps.Select(s => (s.Kind, s.Action)).Distinct().ToDictionary(
            group => group,
            group =>
            {
                // A campaign goes back to a state it had: a running sequence (whose own undo may be in
                // this one, in the other order) does not stand in the way, as it did not for a hold.
                var request = NewRequest(group.Action, Force || group.Kind == OutboundObjectKind.Campaign);
                request.Reason = reason;
                request.OperationId = operationId;
                return request;
            });
        var positions = steps.Select((step, at) => (step.Id, at)).GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().at, StringComparer.OrdinalIgnoreCase);
        var run = _run = new ChangeRun(this, "object", id => positions.TryGetValue(id.Trim(), out var at) ? at : -1);
        foreach (var (record, why) in cannot)
        {
            run.Warn(why);
        }

        if (_nulls > 0)
        {
            run.Warn($"{_nulls} $null record(s) were given and skipped: they hold nothing to undo.");
        }

        if (steps.Count == 0)
        {
            // An undo that does nothing must not pass silently (an operation id mistyped, say).
            run.Warn($"Nothing to undo: none of the {_records.Count} record(s) given is a Changed one whose state before can be written.");
            return;
        }

        run.Execute(
            api,
            requests[(steps[0].Kind, steps[0].Action)],
            AuditLogPath,
            "UndoLookupFailed",
            (executor, _) => Plan(api, executor, steps, requests, run),
            (executor, approved, emit, token) => RunAsync(executor, steps, requests, approved, emit, token));
    }

    /// <summary>Reads each object now and plans its undo: not sent when it was changed since (unless -Force), else as its change cmdlet would.</summary>
    private List<PlannedChange> Plan(GenesysApiClient api, StateChangeExecutor executor, IReadOnlyList<UndoStep> steps, Dictionary<(OutboundObjectKind, CampaignAction), StateChangeRequest> requests, ChangeRun run)
    {
        _executor = executor;
        var current = Read(api, executor, steps, requests, run);
        var plans = new List<PlannedChange>();
        foreach (var group in Groups(steps))
        {
            var request = requests[(group.Kind, group.Action)];
            var toggle = ToggleKind.Of(group.Kind);
            var items = new List<IOutboundObject>();
            if (GenesysCampaignSchedule.ScheduleKindOf(group.Kind) is { } scheduleKind)
            {
                plans.AddRange(PlanSchedules(scheduleKind, group.Steps, current, request));
                continue;
            }

            foreach (var step in group.Steps.Where(s => current.ContainsKey(Key(s))))
            {
                var item = current[Key(step)];
                var state = toggle?.StateOf(item) ?? ((GenesysCampaign)item).Status;
                if (!Force && UndoPlan.ChangedSince(step, state, item.Version) is { } why)
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
                ? Pump.Run(token => executor.PlanAsync(items.Cast<GenesysCampaign>().ToList(), request, token), CancellationToken)
                : Pump.Run(token => executor.PlanAsync(items, toggle, request, token), CancellationToken);
            plans.AddRange(planned.Select(p => p.For(request, toggle)));
        }

        return plans;
    }

    /// <summary>
    /// A schedule's undo: put back from the body its removal kept (Restore), or removed again (the
    /// undo of a Restore); not while it is otherwise than that change left it (unless -Force).
    /// </summary>
    private IEnumerable<PlannedChange> PlanSchedules(ScheduleKind kind, IEnumerable<UndoStep> steps, Dictionary<string, IOutboundObject> current, StateChangeRequest request)
    {
        foreach (var step in steps.Where(s => !_unreadable.Contains(Key(s))))
        {
            var now = current.TryGetValue(Key(step), out var read) ? (GenesysCampaignSchedule)read : null;
            var state = now is null ? GenesysCampaignSchedule.Removed : GenesysCampaignSchedule.Scheduled;
            var restore = step.Action == CampaignAction.Restore;
            var noun = GenesysCampaignSchedule.Noun(kind);
            GenesysCampaignSchedule? target = now;
            if (restore)
            {
                target = UndoPlan.SavedSchedule(step, kind, DateTimeOffset.UtcNow, out var unreadable);
                if (target is null)
                {
                    // One damaged record: that schedule is not put back, and says why; the rest goes on.
                    _executor!.RecordInputError(step.Id, step.Kind, request, FailureKind.InvalidArgument, Failures.RecordUnreadable, $"The {noun} '{step.Newest.ObjectName ?? step.Id}' of {step.Id}, removed by operation {step.Newest.OperationId}, cannot be put back from the body its record kept: {unreadable}. Nothing was sent.", _run!.Write, step.Newest.ObjectName);
                    continue;
                }
            }
            else if (now is null)
            {
                _executor!.RecordUnchanged(step.Id, step.Newest.ObjectName, step.Kind, GenesysCampaignSchedule.Removed, request, $"The {noun} of {step.Id} is removed already; nothing was sent.", _run!.Write);
                continue;
            }

            if (restore && now is not null && ScheduleChange.SameBody(now, target!))
            {
                _executor!.RecordUnchanged(step.Id, step.Newest.ObjectName, step.Kind, GenesysCampaignSchedule.Scheduled, request, $"The {noun} '{target!.Name}' is back already, as its removal kept it; nothing was sent.", _run!.Write);
                continue;
            }

            var why = Force ? null : UndoPlan.ChangedSince(step, state, now?.Version ?? 0);
            yield return why is not null
                ? new PlannedChange(target!, state, false, why, Array.Empty<string>()) { NotSent = why }.For(request, null)
                : new PlannedChange(target!, state, true, restore ? $"Restore (put the {GenesysCampaignSchedule.Noun(kind)} back from the body its removal kept)" : $"Remove (delete the {GenesysCampaignSchedule.Noun(kind)} again)", Array.Empty<string>()).For(request, null);
        }
    }

    /// <summary>An object by kind and id: a campaign and its schedule have the same id.</summary>
    private static string Key(OutboundObjectKind kind, string id) => kind + ":" + id.ToUpperInvariant();

    private static string Key(UndoStep step) => Key(step.Kind, step.Id);

    /// <summary>The objects of the steps as they are now, by kind and id; an object gone is a NotFound record (a schedule gone is as its removal left it).</summary>
    private Dictionary<string, IOutboundObject> Read(GenesysApiClient api, StateChangeExecutor executor, IReadOnlyList<UndoStep> steps, Dictionary<(OutboundObjectKind, CampaignAction), StateChangeRequest> requests, ChangeRun run)
    {
        var current = new Dictionary<string, IOutboundObject>(StringComparer.OrdinalIgnoreCase);
        var campaignIds = steps.Where(s => s.Kind == OutboundObjectKind.Campaign).Select(s => s.Id).ToList();
        if (campaignIds.Count > 0)
        {
            foreach (var campaign in Pump.Run(token => api.GetCampaignsByIdAsync(campaignIds, null, token), CancellationToken))
            {
                current[Key(OutboundObjectKind.Campaign, campaign.Id)] = campaign;
            }
        }

        foreach (var step in steps)
        {
            var toggle = ToggleKind.Of(step.Kind);
            var scheduleKind = GenesysCampaignSchedule.ScheduleKindOf(step.Kind);
            try
            {
                if (scheduleKind is { } schedules)
                {
                    current[Key(step)] = Pump.Run(token => api.GetScheduleAsync(schedules, step.Id, null, token), CancellationToken);
                }
                else if (toggle is not null)
                {
                    current[Key(step)] = Pump.Run(token => api.GetObjectAsync(toggle, step.Id, null, token), CancellationToken);
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
                var (_, failure) = Failures.Classify(ex);
                executor.RecordInputError(step.Id, step.Kind, requests[(step.Kind, step.Action)], failure, Failures.CodeOf(ex), $"{ObjectNouns.Of(step.Kind, true)} '{step.Newest.ObjectName ?? step.Id}' could not be read, so it was not put back: {ex.Message}", run.Write);
                _unreadable.Add(Key(step));
                continue;
            }

            if (scheduleKind is not null)
            {
                continue;
            }

            if (!current.ContainsKey(Key(step)) && !_unreadable.Contains(Key(step)))
            {
                executor.RecordNotFound(step.Id, requests[(step.Kind, step.Action)], run.Write, $"It was changed by operation {step.Newest.OperationId} and cannot be put back.", toggle);
            }
        }

        return current;
    }

    /// <summary>Runs the approved undos group by group, in the order of the steps (campaigns, then sequences, then rules).</summary>
    private static async Task RunAsync(StateChangeExecutor executor, IReadOnlyList<UndoStep> steps, Dictionary<(OutboundObjectKind, CampaignAction), StateChangeRequest> requests, IReadOnlyList<IOutboundObject> approved, Action<GenesysCampaignStateChange, Exception?> emit, CancellationToken token)
    {
        foreach (var group in Groups(steps))
        {
            token.ThrowIfCancellationRequested();
            var items = approved.Where(a => a.ObjectKind == group.Kind && group.Steps.Any(s => string.Equals(s.Id, a.Id, StringComparison.OrdinalIgnoreCase))).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var request = requests[(group.Kind, group.Action)];
            if (GenesysCampaignSchedule.ScheduleKindOf(group.Kind) is not null)
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

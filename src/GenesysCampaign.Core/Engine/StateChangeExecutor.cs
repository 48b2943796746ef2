using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// Changes the status of many campaigns at once, at most ThrottleLimit at a time, and makes exactly
/// one record per campaign: audited (flushed) first, then handed to the caller. Cancellation stops
/// new writes; a write already sent is finished and recorded. How a change flows through it, and
/// how to add a kind of outbound object: docs/ARCHITECTURE.md.
/// </summary>
internal sealed class StateChangeExecutor
{
    private readonly GenesysApiClient _api;
    private readonly ICampaignWaiter _waiter;
    private readonly IAuditSink? _audit;
    private readonly IOperationLog _log;
    private readonly object _gate = new();
    private Task<CampaignDependencies>? _dependencies;

    // What a hold neutralises, as planned (PlanHoldAsync), for the warnings of what could not be changed.
    private HoldTargets? _hold;

    // Campaigns a Resume must not turn on (the org's active limit), with why; decided by PlanAsync.
    private IReadOnlyDictionary<string, string>? _overLimit;
    private WriteThrottle? _throttle;

    /// <summary>Creates an executor.</summary>
    public StateChangeExecutor(GenesysApiClient api, ICampaignWaiter waiter, IAuditSink? audit, IOperationLog? log = null)
    {
        _api = api;
        _waiter = waiter;
        _audit = audit;
        _log = log ?? NullOperationLog.Instance;
    }

    /// <summary>What the runs of this executor have done so far: writes accepted, records made (progress, summary, Ctrl+C).</summary>
    public RunTally Tally { get; } = new();

    /// <summary>
    /// Runs the change for every campaign. <paramref name="onRecord"/> is called once per campaign
    /// reached, from any thread, after its audit line is written (with the audit error, if any).
    /// </summary>
    public async Task RunAsync(IReadOnlyList<GenesysCampaign> campaigns, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, CancellationToken cancellationToken)
    {
        var unique = Unique(campaigns);

        // The limit as planned, never decided again here: a campaign the plan rejected was not asked
        // about at the prompt, so a place freed by a declined one must not turn it on unasked.
        if (request.Action == CampaignAction.Resume && _overLimit is null)
        {
            try
            {
                await PlanAsync(unique, request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        foreach (var campaign in unique)
        {
            _api.Campaigns.Remember(campaign); // Its kind tells the waiter which topics to listen on.
        }

        // The subscription goes out beside the first writes, not before them (the time to silence): a
        // change whose write was accepted before it was in place reads its campaign once when it is,
        // rather than trust events it may have missed (CampaignChange). On a thread of its own: what it
        // does before its PUT leaves (the topics, the body, the request) is not on the first write's way.
        // To the campaigns it may wait on only (StateRules.MayWaitOn): none for a Suspend or Stop without
        // -Wait, which a breaker saw held 5 s by a failing subscription.
        var ids = unique.Where(c => StateRules.MayWaitOn(request.Action, c, request.Force, request.Wait)).Select(c => c.Id).ToList();
        using var subscribing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscribed = ids.Count > 0
            ? Task.Run(() => _waiter.PrepareAsync(ids, subscribing.Token), CancellationToken.None)
            : Task.CompletedTask;
        var services = ServicesFor(cancellationToken, subscribed);

        await ForEachAsync(unique, request, onRecord, async (campaign, slot) =>
        {
            if (_overLimit is not null && _overLimit.TryGetValue(campaign.Id, out var overLimit))
            {
                var record = NewRecord(request, campaign);
                record.Outcome = StateChangeOutcome.Rejected;
                record.Failure = FailureKind.LimitsExceeded;
                record.ErrorCode = Failures.ActiveCampaignLimit;
                record.Message = overLimit;
                return record;
            }

            return await new CampaignChange(services, campaign, request, slot, cancellationToken).RunAsync().ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        // Every change is done: a subscription still being set up (notifications down, within its own 5 s
        // bounds) serves none, and the command does not wait for it. Awaited all the same, so that what it
        // threw is observed (a change that never waited did not).
        subscribing.Cancel();
        try
        {
            await subscribed.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Runs the change for every sequence or campaign rule of <paramref name="kind"/> (as given, or as
    /// read by id): a full-body PUT each, at most ThrottleLimit at a time, one record each, audited
    /// first, as <see cref="RunAsync(IReadOnlyList{GenesysCampaign}, StateChangeRequest, Action{GenesysCampaignStateChange, Exception?}, CancellationToken)"/>.
    /// </summary>
    public Task RunAsync(IReadOnlyList<IOutboundObject> items, ToggleKind kind, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, CancellationToken cancellationToken)
    {
        var services = ServicesFor(cancellationToken);
        return ForEachAsync(Unique(items), request, onRecord, (item, slot) => new ToggleChange(services, kind, item, request, slot, cancellationToken).RunAsync(), cancellationToken);
    }

    /// <summary>Runs the Remove or Restore of every schedule (Undo-GenesysCampaignChange; a hold removes them in RunHoldAsync).</summary>
    public Task RunAsync(IReadOnlyList<GenesysCampaignSchedule> schedules, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, CancellationToken cancellationToken)
    {
        var services = ServicesFor(cancellationToken);
        return ForEachAsync(schedules, request, onRecord, (schedule, slot) => new ScheduleChange(services, schedule, request, slot, cancellationToken).RunAsync(), cancellationToken);
    }

    /// <summary>
    /// The one run loop of every kind: each object's change at most ThrottleLimit at a time, its
    /// record published (audited, then handed on) once. Cancellation stops new changes: an object not
    /// yet reached has no write and no record. The throttle bounds writes, not waits: a change hands
    /// its slot back before waiting, so 50 campaigns take one settle, not five.
    /// </summary>
    private async Task ForEachAsync<T>(IReadOnlyList<T> items, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, Func<T, ThrottleSlot, Task<GenesysCampaignStateChange?>> change, CancellationToken cancellationToken)
    {
        var throttle = ThrottleFor(request);
        var tasks = items
            .Select(async item =>
            {
                try
                {
                    await throttle.TakeAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return; // Not reached: no write, no record.
                }

                var slot = new ThrottleSlot(throttle);
                try
                {
                    if (await change(item, slot).ConfigureAwait(false) is { } record)
                    {
                        Publish(record, onRecord);
                    }
                }
                finally
                {
                    slot.Release();
                }
            })
            .ToList();

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>
    /// The one throttle of this executor's writes, at the ThrottleLimit of its first run: a hold's campaigns,
    /// sequences, rules and schedules, changed beside each other, write at most -ThrottleLimit at once together
    /// (a breaker's trial saw a hold at -ThrottleLimit 1 write two at once), and a 429 that narrows it narrows
    /// them all. Never disposed: a SemaphoreSlim holds no handle unless one is asked of it.
    /// </summary>
    private WriteThrottle ThrottleFor(StateChangeRequest request) =>
        LazyInitializer.EnsureInitialized(ref _throttle, () => new WriteThrottle(request.ThrottleLimit))!;

    /// <summary>
    /// Starts what a run of campaigns will need while the campaigns given are still being read: the
    /// dependency lists (read together) and, for a run that waits, the waiter's notification channel.
    /// Returns at once; what fails here is met again, and said, where it is needed. The first stop of an
    /// emergency pause then leaves one round trip after the campaigns are read, not four.
    /// </summary>
    public void Prefetch(StateChangeRequest request, CancellationToken cancellationToken)
    {
        _ = DependenciesAsync(cancellationToken).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        if (request.Wait)
        {
            _waiter.WarmUp(cancellationToken);
        }
    }

    /// <summary>
    /// Decides, without writing, what <see cref="RunAsync(IReadOnlyList{GenesysCampaign}, StateChangeRequest, Action{GenesysCampaignStateChange, Exception?}, CancellationToken)"/> would do with each campaign as given: the
    /// state rules, then (for those it would write) what could block or undo the change, read once
    /// and kept for the run. One plan per campaign, in the order given.
    /// </summary>
    public async Task<IReadOnlyList<PlannedChange>> PlanAsync(IReadOnlyList<GenesysCampaign> campaigns, StateChangeRequest request, CancellationToken cancellationToken)
    {
        var plans = new List<PlannedChange>();
        foreach (var campaign in Unique(campaigns))
        {
            var warnings = new List<string>();
            var decision = StateRules.Decide(request.Action, campaign, request.Force);
            if (decision.Warning is not null)
            {
                warnings.Add(decision.Warning);
            }

            string? rejection = null;
            if (decision.Kind is DecisionKind.Write or DecisionKind.WaitToSettle)
            {
                var dependencies = await DependenciesAsync(cancellationToken).ConfigureAwait(false);
                rejection = dependencies.Check(campaign, request.Action, request.Force, warnings, request.Hold);
            }

            var plan = decision.Kind switch
            {
                DecisionKind.Unchanged => new PlannedChange(campaign, campaign.Status, false, decision.Message + " Nothing would be sent.", warnings),
                DecisionKind.Rejected => new PlannedChange(campaign, campaign.Status, false, "Would be rejected: " + decision.Message, warnings),
                _ when rejection is not null => new PlannedChange(campaign, campaign.Status, false, "Would be rejected: " + rejection, warnings),
                _ => new PlannedChange(campaign, campaign.Status, true, PlannedChange.DescribeWrite(request.Action, campaign), warnings),
            };
            plans.Add(plan);
        }

        if (request.Action == CampaignAction.Resume)
        {
            // The org's active limits: the campaigns this would turn on take the places left, in order.
            var turningOn = plans.Where(p => p.WouldWrite && !ActiveLimit.IsActive(p.State)).Select(p => (GenesysCampaign)p.Target).ToList();
            _overLimit = turningOn.Count == 0
                ? new Dictionary<string, string>()
                : await ActiveLimit.OverLimitAsync(_api, turningOn, _log, cancellationToken).ConfigureAwait(false);
            plans = plans.Select(p => _overLimit.TryGetValue(p.Target.Id, out var why) ? new PlannedChange(p.Target, p.State, false, "Would be rejected: " + why, p.Warnings) : p).ToList();
        }

        return plans;
    }

    /// <summary>
    /// Decides, without writing, what <see cref="RunAsync(IReadOnlyList{IOutboundObject}, ToggleKind, StateChangeRequest, Action{GenesysCampaignStateChange, Exception?}, CancellationToken)"/>
    /// would do with each sequence or rule as given (<see cref="ToggleDecisions.Decide"/>), with the warnings
    /// the run would give (what can undo a sequence's change). One plan each, in the order given.
    /// </summary>
    public async Task<IReadOnlyList<PlannedChange>> PlanAsync(IReadOnlyList<IOutboundObject> items, ToggleKind kind, StateChangeRequest request, CancellationToken cancellationToken)
    {
        var plans = new List<PlannedChange>();
        foreach (var item in Unique(items))
        {
            var decision = kind.Decide(request.Action, item, request.Force, request.HeldCampaigns);
            var warnings = new List<string>();
            if (decision.Warning is not null)
            {
                warnings.Add(decision.Warning);
            }

            var state = kind.StateOf(item);
            if (decision.Kind == DecisionKind.Write && item is GenesysCampaignSequence sequence && !request.Hold)
            {
                (await DependenciesAsync(cancellationToken).ConfigureAwait(false)).Check(sequence, request.Action, warnings);
            }

            plans.Add(decision.Kind switch
            {
                DecisionKind.Unchanged => new PlannedChange(item, state, false, decision.Message + " Nothing would be sent.", warnings),
                DecisionKind.Rejected => new PlannedChange(item, state, false, "Would be rejected: " + decision.Message, warnings),
                _ => new PlannedChange(item, state, true, $"{request.Action} (set {kind.Field} to {kind.BodyValue(kind.TargetOf(request.Action)).Trim('"')} by full-body PUT)", warnings),
            });
        }

        return plans;
    }

    /// <summary>
    /// Plans Suspend -Hold: the campaigns, as <see cref="PlanAsync(IReadOnlyList{GenesysCampaign}, StateChangeRequest, CancellationToken)"/>
    /// (a running sequence rejects nothing: it is turned off), then what could turn them back on
    /// (<see cref="CampaignDependencies.HoldFor"/>): sequences to turn off, rules to disable,
    /// schedules to remove, each once, each with its own plan and (in the run) its own record.
    /// </summary>
    public async Task<IReadOnlyList<PlannedChange>> PlanHoldAsync(IReadOnlyList<GenesysCampaign> campaigns, StateChangeRequest request, CancellationToken cancellationToken)
    {
        var plans = (await PlanAsync(campaigns, request, cancellationToken).ConfigureAwait(false)).ToList();
        var hold = _hold = (await DependenciesAsync(cancellationToken).ConfigureAwait(false)).HoldFor(Unique(campaigns));
        var sequences = HoldRequest(request, CampaignAction.Suspend, campaigns);
        var rules = HoldRequest(request, CampaignAction.Disable, campaigns);
        var schedules = HoldRequest(request, CampaignAction.Remove, campaigns);
        plans.AddRange((await PlanAsync(hold.Sequences, ToggleKind.Sequence, sequences, cancellationToken).ConfigureAwait(false)).Select(p => p.For(sequences, ToggleKind.Sequence)));
        plans.AddRange((await PlanAsync(hold.Rules, ToggleKind.CampaignRule, rules, cancellationToken).ConfigureAwait(false)).Select(p => p.For(rules, ToggleKind.CampaignRule)));
        plans.AddRange(hold.Schedules.Select(s => new PlannedChange(s, GenesysCampaignSchedule.Scheduled, true, $"Remove (delete the {OutboundKinds.Of(s.Kind).Noun}, keeping its whole body in the record)", Array.Empty<string>()).For(schedules, null)));
        return plans;
    }

    /// <summary>
    /// Runs Suspend -Hold as planned: the campaigns, and beside them (not after their settle) the
    /// sequences, rules and schedules approved, those in that order, in the same operation. One that
    /// cannot be changed says in its record's warnings which campaigns it can still turn back on. Ctrl+C:
    /// what was not reached has no write, yet the hold is incomplete, so unlike an unreached campaign
    /// each gets an Unchanged record (audited) saying what it can still turn on.
    /// </summary>
    public async Task RunHoldAsync(IReadOnlyList<IOutboundObject> approved, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, CancellationToken cancellationToken)
    {
        // The campaigns and what could turn them back on are changed together: with -Wait, a campaign
        // may take minutes to settle, and a rule or schedule must not have that long to start it again.
        var campaigns = RunAsync(approved.OfType<GenesysCampaign>().ToList(), request, onRecord, cancellationToken);
        var services = ServicesFor(cancellationToken);
        var sequences = HoldRequest(request, CampaignAction.Suspend, approved);
        var rules = HoldRequest(request, CampaignAction.Disable, approved);
        var schedules = HoldRequest(request, CampaignAction.Remove, approved);
        var reached = new HashSet<IOutboundObject>();
        GenesysCampaignStateChange? Held(IOutboundObject item, GenesysCampaignStateChange? record)
        {
            lock (reached)
            {
                if (record is not null)
                {
                    reached.Add(item);
                }
            }

            if (record is { Outcome: StateChangeOutcome.Failed or StateChangeOutcome.Rejected or StateChangeOutcome.TimedOut })
            {
                record.Warnings = record.Warnings.Concat(HeldWarnings(item, record.Outcome.ToString())).ToArray();
            }

            return record;
        }

        async Task HoldAsync()
        {
            await ForEachAsync(approved.OfType<GenesysCampaignSequence>().ToList(), sequences, onRecord, async (s, slot) => Held(s, await new ToggleChange(services, ToggleKind.Sequence, s, sequences, slot, cancellationToken).RunAsync().ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            await ForEachAsync(approved.OfType<GenesysCampaignRule>().ToList(), rules, onRecord, async (r, slot) => Held(r, await new ToggleChange(services, ToggleKind.CampaignRule, r, rules, slot, cancellationToken).RunAsync().ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            await ForEachAsync(approved.OfType<GenesysCampaignSchedule>().ToList(), schedules, onRecord, async (s, slot) => Held(s, await new ScheduleChange(services, s, schedules, slot, cancellationToken).RunAsync().ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(campaigns, HoldAsync()).ConfigureAwait(false);

        foreach (var item in cancellationToken.IsCancellationRequested ? approved.Where(o => o is not GenesysCampaign && !reached.Contains(o)) : Enumerable.Empty<IOutboundObject>())
        {
            var (kindRequest, kind) = item switch
            {
                GenesysCampaignSequence => (sequences, ToggleKind.Sequence),
                GenesysCampaignRule => (rules, ToggleKind.CampaignRule),
                _ => (schedules, (ToggleKind?)null),
            };
            var record = NewRecordOf(item, kindRequest, kind);
            record.Outcome = StateChangeOutcome.Unchanged;
            record.Message = $"{OutboundKinds.Noun(item.ObjectKind, true)} '{item.Name}' was not changed: the hold was stopped (Ctrl+C) before it was reached; nothing was sent for it.";
            record.Warnings = HeldWarnings(item, "the hold was stopped");
            Publish(record, onRecord);
        }
    }

    /// <summary>For an object a hold meant to change and did not (failed, declined): which campaigns it can still turn back on.</summary>
    private string[] HeldWarnings(IOutboundObject item, string why) =>
        _hold?.CampaignsOf(item) is { Count: > 0 } campaigns
            ? new[] { $"{OutboundKinds.Noun(item.ObjectKind, true)} '{item.Name}' was not changed ({why}): it can still turn campaign(s) {string.Join(", ", campaigns.Select(c => "'" + c + "'"))} back on." }
            : Array.Empty<string>();

    /// <summary>The request of one kind of change a hold makes, in the hold's operation.</summary>
    private static StateChangeRequest HoldRequest(StateChangeRequest hold, CampaignAction action, IEnumerable<IOutboundObject> campaigns)
    {
        var request = hold.As(action);
        request.Hold = true;
        request.HeldCampaigns.UnionWith(campaigns.OfType<GenesysCampaign>().Select(c => c.Id));
        return request;
    }

    /// <summary>
    /// What the changes of one run share, on this executor's client, waiter, log, tally and dependencies;
    /// <paramref name="subscribed"/> completes when the run's subscription is in place (none: at once).
    /// </summary>
    private Services ServicesFor(CancellationToken cancellationToken, Task? subscribed = null) =>
        new(_api, _waiter, _log, Tally, () => DependenciesAsync(cancellationToken)) { Subscribed = subscribed ?? Task.CompletedTask };

    /// <summary>Sequences, rules and schedules: read once per executor, when the first change that would write needs them.</summary>
    private Task<CampaignDependencies> DependenciesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _dependencies ??= CampaignDependencies.LoadAsync(_api, new RequestStats(), _log, cancellationToken);
        }
    }

    private static List<T> Unique<T>(IEnumerable<T> items)
        where T : IOutboundObject =>
        items.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Select(group => group.First()).ToList();

    /// <summary>
    /// The record for an id that matched no campaign (or, with <paramref name="kind"/>, no object of
    /// that kind): Failed, ObjectNotFound, audited; <c>hint</c> (how to give it otherwise) follows the message.
    /// </summary>
    public void RecordNotFound(string id, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, string? hint = null, ToggleKind? kind = null) =>
        RecordInputError(id, request, FailureKind.ObjectNotFound, Failures.NotFound(kind?.ObjectKind ?? OutboundObjectKind.Campaign), $"No {kind?.Noun ?? "campaign"} with id '{id}' was found." + (hint is null ? string.Empty : " " + hint), onRecord, kind);

    /// <summary>
    /// The record for input that never reached a request (a malformed id, an id not found): Failed,
    /// audited like any other, so every object given has its record. <paramref name="kind"/>: the
    /// sequence or rule the id was given for; null for a campaign.
    /// </summary>
    public void RecordInputError(string id, StateChangeRequest request, FailureKind failure, string code, string message, Action<GenesysCampaignStateChange, Exception?> onRecord, ToggleKind? kind = null) =>
        RecordInputError(id, kind?.ObjectKind ?? OutboundObjectKind.Campaign, request, failure, code, message, onRecord);

    /// <summary>The record for input that never reached a request, for an object of any <paramref name="kind"/> (named <paramref name="name"/> when known).</summary>
    public void RecordInputError(string id, OutboundObjectKind kind, StateChangeRequest request, FailureKind failure, string code, string message, Action<GenesysCampaignStateChange, Exception?> onRecord, string? name = null)
    {
        var record = NewRecord(request, kind, id, name, null, RequestedOf(kind, request.Action));
        record.CampaignId = kind == OutboundObjectKind.Campaign ? id : null;
        record.Outcome = StateChangeOutcome.Failed;
        record.Failure = failure;
        record.ErrorCode = code;
        record.Message = message;
        Publish(record, onRecord);
    }

    /// <summary>The record of an object left as it is, decided without a plan of its own (an undo of a schedule gone already): Unchanged, audited.</summary>
    public void RecordUnchanged(string id, string? name, OutboundObjectKind kind, string state, StateChangeRequest request, string message, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        var record = NewRecord(request, kind, id, name, state, RequestedOf(kind, request.Action));
        record.Outcome = StateChangeOutcome.Unchanged;
        record.Message = message;
        Publish(record, onRecord);
    }

    /// <summary>
    /// The record of a change record given that this change does not act on (<see cref="ChangeReversal"/>):
    /// Unchanged, about the object the given one is about, as it last showed it, audited.
    /// </summary>
    public void RecordNotActedOn(GenesysCampaignStateChange given, StateChangeRequest request, string message, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        // A record of another kind (a rule a hold disabled) asks nothing of it: its status is left as shown.
        var requested = given.ObjectKind == OutboundObjectKind.Campaign ? RequestedOf(given.ObjectKind, request.Action) : given.FinalStatus ?? string.Empty;
        var record = NewRecord(request, given.ObjectKind, given.ObjectId, given.ObjectName, given.FinalStatus, requested);
        record.CampaignId = given.CampaignId;
        record.CampaignName = given.CampaignName;
        record.MediaType = given.MediaType;
        record.Outcome = StateChangeOutcome.Unchanged;
        record.Message = message;
        Publish(record, onRecord);
    }

    /// <summary>The state <paramref name="action"/> leads an object of <paramref name="kind"/> to, as records show it.</summary>
    private static string RequestedOf(OutboundObjectKind kind, CampaignAction action) =>
        kind == OutboundObjectKind.Campaign ? StateRules.For(action).TargetStatus
        : ToggleKind.Of(kind) is { } toggle ? toggle.TargetOf(action)
        : action == CampaignAction.Remove ? GenesysCampaignSchedule.Removed : GenesysCampaignSchedule.Scheduled;

    /// <summary>
    /// The campaigns given by id, read in as few requests as the ids allow (<see cref="GenesysApiClient.GetCampaignsByIdAsync"/>).
    /// Every id gets a campaign or a Failed record (audited): one that cannot be an id (<c>invalid.campaign.id</c>,
    /// <paramref name="invalid"/> says why, no request), one that matches no campaign (<c>campaign.not.found</c>,
    /// <paramref name="notFoundHint"/> says how to give it otherwise).
    /// </summary>
    public async Task<IReadOnlyList<GenesysCampaign>> ReadCampaignsGivenAsync(
        IEnumerable<string> ids,
        StateChangeRequest request,
        Func<string, string> invalid,
        Func<string, string?> notFoundHint,
        Action<GenesysCampaignStateChange, Exception?> onRecord,
        CancellationToken cancellationToken)
    {
        var valid = ValidIds(ids, null, request, invalid, onRecord);
        return await CampaignFinder.GetByIdsAsync(
            _api,
            valid,
            (missing, why) => RecordNotFound(missing, request, onRecord, why is null ? notFoundHint(missing) : $"{why} {notFoundHint(missing)}".TrimEnd()),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The objects of <paramref name="kind"/> given by id, read one by one, each once, in the order given.
    /// Every id gets an object or a Failed record (audited): one that cannot be an id
    /// (<c>Invalid...Id</c>, <paramref name="invalid"/> says why, no request), one that matches nothing
    /// (not found, <paramref name="notFoundHint"/> says how to give it otherwise), one that cannot be read
    /// (a 403 of its division, Genesys down for it: that object's failure; the others are still read).
    /// </summary>
    public async Task<IReadOnlyList<IOutboundObject>> ReadGivenAsync(
        ToggleKind kind,
        IEnumerable<string> ids,
        StateChangeRequest request,
        Func<string, string> invalid,
        Func<string, string?> notFoundHint,
        Action<GenesysCampaignStateChange, Exception?> onRecord,
        CancellationToken cancellationToken)
    {
        var found = new List<IOutboundObject>();
        foreach (var id in ValidIds(ids, kind, request, invalid, onRecord))
        {
            try
            {
                found.Add(await _api.GetObjectAsync(kind, id, null, cancellationToken).ConfigureAwait(false));
            }
            catch (GenesysApiException ex) when (ex.StatusCode == 404)
            {
                RecordNotFound(id, request, onRecord, notFoundHint(id), kind);
            }
            catch (GenesysApiException ex)
            {
                var (_, failure) = ApiErrors.Classify(ex);
                RecordInputError(id, request, failure, ApiErrors.CodeOf(ex), $"{kind.Capitalized} '{id}' could not be read, so it was not changed: {ex.Message}", onRecord, kind);
            }
        }

        return found;
    }

    /// <summary>
    /// The ids given that can be ids, trimmed, each once (any case), in the order given; each one that cannot
    /// (empty, or with characters no Genesys id has) gets its Failed record, with no request.
    /// <paramref name="kind"/>: the sequence or rule kind; null for campaigns.
    /// </summary>
    private List<string> ValidIds(IEnumerable<string> ids, ToggleKind? kind, StateChangeRequest request, Func<string, string> invalid, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        var given = ids.ToList();
        foreach (var id in given.Where(id => !CampaignFinder.IsValidId(id)).Distinct(StringComparer.Ordinal))
        {
            RecordInputError(id, request, FailureKind.InvalidArgument, Failures.InvalidId(kind?.ObjectKind ?? OutboundObjectKind.Campaign), invalid(id), onRecord, kind);
        }

        return CampaignFinder.ValidIds(given);
    }

    /// <summary>
    /// Between plan and run, for every plan (each object given has one record): one decided already not
    /// to be sent (an undo of an object changed since) is recorded Unchanged with its reason; one that
    /// would write is put to <paramref name="confirm"/> (the cmdlet's -Confirm), and recorded Unchanged
    /// when declined; the rest, and those confirmed, are returned to be run (one that would not write is
    /// recorded by the run, as Unchanged or Rejected). <paramref name="request"/> and <paramref name="kind"/>
    /// serve the plans that carry none of their own.
    /// </summary>
    public IReadOnlyList<IOutboundObject> Approve(
        IReadOnlyList<PlannedChange> plans,
        StateChangeRequest request,
        ToggleKind? kind,
        Func<PlannedChange, bool> confirm,
        Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        var approved = new List<IOutboundObject>();
        foreach (var plan in plans)
        {
            var planRequest = plan.Request ?? request;
            var planKind = plan.Toggle ?? kind;
            if (plan.NotSent is { } why)
            {
                RecordNotSent(plan, planRequest, why, new[] { why }, onRecord, planKind);
            }
            else if (!plan.WouldWrite || confirm(plan))
            {
                approved.Add(plan.Target);
            }
            else
            {
                var name = plan.Target is GenesysCampaignSchedule schedule ? schedule.DisplayName : plan.Target.Name;
                RecordNotSent(plan, planRequest, $"{OutboundKinds.Noun(plan.Target.ObjectKind, capital: true)} '{name}' was not confirmed; nothing was sent.", HeldWarnings(plan.Target, "not confirmed"), onRecord, planKind);
            }
        }

        return approved;
    }

    /// <summary>The record of an object for which nothing is sent, decided before the run: Unchanged, with <paramref name="message"/>, audited.</summary>
    private void RecordNotSent(PlannedChange plan, StateChangeRequest request, string message, IReadOnlyList<string> warnings, Action<GenesysCampaignStateChange, Exception?> onRecord, ToggleKind? kind)
    {
        var record = NewRecordOf(plan.Target, request, kind);
        record.Outcome = StateChangeOutcome.Unchanged;
        record.Message = message;
        record.Warnings = warnings;
        Publish(record, onRecord);
    }

    /// <summary>A new record of any kind of object (a toggle kind's needs its <paramref name="kind"/>), with its version as read.</summary>
    private static GenesysCampaignStateChange NewRecordOf(IOutboundObject target, StateChangeRequest request, ToggleKind? kind)
    {
        var record = target switch
        {
            GenesysCampaign campaign => NewRecord(request, campaign),
            GenesysCampaignSchedule schedule => NewRecord(request, schedule),
            _ => NewRecord(request, kind!, target),
        };
        record.FinalVersion = target.Version;
        return record;
    }

    private void Publish(GenesysCampaignStateChange record, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        // Every record says who made it, on which org: the audit trail stands without its console.
        _api.Actor.Stamp(record);
        Exception? auditError = null;
        try
        {
            _audit?.Append(record);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            auditError = ex;
        }

        Tally.Recorded(record);
        onRecord(record, auditError);
    }

    internal static GenesysCampaignStateChange NewRecord(StateChangeRequest request, GenesysCampaign campaign)
    {
        var record = NewRecord(request, OutboundObjectKind.Campaign, campaign.Id, campaign.Name, campaign.Status, StateRules.For(request.Action).TargetStatus);
        record.CampaignId = campaign.Id;
        record.CampaignName = campaign.Name;
        record.MediaType = campaign.MediaType;
        return record;
    }

    internal static GenesysCampaignStateChange NewRecord(StateChangeRequest request, GenesysCampaignSchedule schedule)
    {
        var removing = request.Action == CampaignAction.Remove;
        var name = schedule.Name.Length > 0 ? schedule.Name : schedule.TargetName;
        return NewRecord(request, OutboundKinds.Of(schedule.Kind).ObjectKind, schedule.TargetId, name, removing ? GenesysCampaignSchedule.Scheduled : GenesysCampaignSchedule.Removed, removing ? GenesysCampaignSchedule.Removed : GenesysCampaignSchedule.Scheduled);
    }

    internal static GenesysCampaignStateChange NewRecord(StateChangeRequest request, ToggleKind kind, IOutboundObject item) =>
        NewRecord(request, kind.ObjectKind, item.Id, item.Name, kind.StateOf(item), kind.TargetOf(request.Action));

    private static GenesysCampaignStateChange NewRecord(StateChangeRequest request, OutboundObjectKind kind, string id, string? name, string? previous, string requested) => new()
    {
        Timestamp = DateTime.UtcNow,
        OperationId = request.OperationId,
        ObjectKind = kind,
        ObjectId = id,
        ObjectName = name,
        Action = request.Action,
        Reason = request.Reason,
        PreviousStatus = previous,
        RequestedStatus = requested,
        FinalStatus = previous,
    };

    /// <summary>What every change of one run shares.</summary>
    internal sealed class Services
    {
        public Services(GenesysApiClient api, ICampaignWaiter waiter, IOperationLog log, RunTally tally, Func<Task<CampaignDependencies>> dependencies)
        {
            Api = api;
            Waiter = waiter;
            Log = log;
            Tally = tally;
            Dependencies = dependencies;
        }

        public GenesysApiClient Api { get; }

        public ICampaignWaiter Waiter { get; }

        public IOperationLog Log { get; }

        /// <summary>Where each accepted write is counted as it is accepted.</summary>
        public RunTally Tally { get; }

        /// <summary>Completes once the waiter is subscribed to the run's campaigns (at once when no run waits).</summary>
        public Task Subscribed { get; init; } = Task.CompletedTask;

        /// <summary>Sequences, rules and schedules, read once per executor when the first write needs them.</summary>
        public Func<Task<CampaignDependencies>> Dependencies { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// Changes the status of many campaigns at once, at most ThrottleLimit at a time, and makes exactly
/// one record per campaign: audited (flushed) first, then handed to the caller. Cancellation stops
/// new writes; a write already sent is finished and recorded.
/// </summary>
public sealed class StateChangeExecutor
{
    private readonly GenesysApiClient _api;
    private readonly ICampaignWaiter _waiter;
    private readonly IAuditSink? _audit;
    private readonly IOperationLog _log;

    /// <summary>Creates an executor.</summary>
    public StateChangeExecutor(GenesysApiClient api, ICampaignWaiter waiter, IAuditSink? audit, IOperationLog? log = null)
    {
        _api = api;
        _waiter = waiter;
        _audit = audit;
        _log = log ?? NullOperationLog.Instance;
    }

    /// <summary>
    /// Runs the change for every campaign. <paramref name="onRecord"/> is called once per campaign
    /// reached, from any thread, after its audit line is written (with the audit error, if any).
    /// </summary>
    public async Task RunAsync(IReadOnlyList<GenesysCampaign> campaigns, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, CancellationToken cancellationToken)
    {
        var dependencyStats = new RequestStats();
        var dependencies = new Lazy<Task<CampaignDependencies>>(
            () => CampaignDependencies.LoadAsync(_api, dependencyStats, _log, cancellationToken),
            LazyThreadSafetyMode.ExecutionAndPublication);

        var unique = campaigns.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Select(group => group.First()).ToList();
        if (request.Wait || unique.Any(c => StateRules.IsTransitional(c.Status)))
        {
            // Subscribe before writing, so the events of the writes themselves are not missed.
            try
            {
                await _waiter.PrepareAsync(unique.Select(c => c.Id).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        using var throttle = new SemaphoreSlim(Math.Max(1, request.ThrottleLimit));
        var tasks = unique
            .Select(async campaign =>
            {
                try
                {
                    await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return; // Not reached: no write, no record.
                }

                // The throttle bounds writes, not waits: the slot is handed back before waiting for the
                // dialer, so 50 campaigns take one settle, not five.
                var slot = new ThrottleSlot(throttle);
                try
                {
                    var record = await ChangeOneAsync(campaign, request, dependencies, slot, cancellationToken).ConfigureAwait(false);
                    if (record is not null)
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

    /// <summary>The record for an id that matched no campaign: Failed, ObjectNotFound, audited.</summary>
    public void RecordNotFound(string campaignId, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord) =>
        RecordInputError(campaignId, request, FailureKind.ObjectNotFound, "not.found", $"No campaign with id '{campaignId}' was found.", onRecord);

    /// <summary>
    /// The record for input that never reached a request (a malformed id, a campaign not found):
    /// Failed, audited like any other, so every campaign given has its record.
    /// </summary>
    public void RecordInputError(string campaignId, StateChangeRequest request, FailureKind failure, string code, string message, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        var record = NewRecord(request, campaignId, null, null);
        record.Outcome = StateChangeOutcome.Failed;
        record.Failure = failure;
        record.ErrorCode = code;
        record.Message = message;
        Publish(record, onRecord);
    }

    /// <summary>The record for a campaign the user declined at the confirmation prompt: Unchanged, nothing sent, audited.</summary>
    public void RecordDeclined(GenesysCampaign campaign, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        var record = NewRecord(request, campaign.Id, campaign.Name, campaign.Status);
        record.Outcome = StateChangeOutcome.Unchanged;
        record.Message = $"Campaign '{campaign.Name}' was not confirmed; nothing was sent.";
        Publish(record, onRecord);
    }

    private void Publish(GenesysCampaignStateChange record, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        Exception? auditError = null;
        try
        {
            _audit?.Append(record);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            auditError = ex;
        }

        onRecord(record, auditError);
    }

    private async Task<GenesysCampaignStateChange?> ChangeOneAsync(GenesysCampaign campaign, StateChangeRequest request, Lazy<Task<CampaignDependencies>> dependencies, ThrottleSlot slot, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stats = new RequestStats();
        var warnings = new List<string>();
        var rule = StateRules.For(request.Action);
        var record = NewRecord(request, campaign.Id, campaign.Name, campaign.Status);
        var current = campaign;

        GenesysCampaignStateChange Done(StateChangeOutcome outcome, string message, string? finalStatus, FailureKind? failure = null, string? code = null)
        {
            record.Outcome = outcome;
            record.Message = message;
            record.FinalStatus = finalStatus;
            record.Failure = failure;
            record.ErrorCode = code;
            record.Warnings = warnings.Distinct().ToArray();
            record.Attempts = stats.Requests;
            record.CorrelationId = stats.LastCorrelationId;
            record.DurationMs = clock.ElapsedMilliseconds;
            record.Timestamp = DateTime.UtcNow;
            return record;
        }

        // The version of a write whose answer was lost (a timeout or dropped connection, then a retry
        // that met 409): if the campaign has since reached the target, that write is what did it.
        int? unansweredWriteVersion = null;
        var writeSent = false;
        try
        {
            for (var versionRetry = 0; ; versionRetry++)
            {
                var decision = StateRules.Decide(request.Action, current, request.Force);
                if (decision.Warning is not null)
                {
                    warnings.Add(decision.Warning);
                }

                if (decision.Kind == DecisionKind.Unchanged && unansweredWriteVersion is { } sent && current.Version > sent)
                {
                    var applied = $"Campaign '{current.Name}' set to {rule.TargetStatus} (was {record.PreviousStatus}); the answer to the write was lost, a read shows it applied.";
                    slot.Release();
                    return request.Wait
                        ? await WaitToSettleAsync(current, rule, request, stats, Done, StateChangeOutcome.Changed, applied, cancellationToken).ConfigureAwait(false)
                        : Done(StateChangeOutcome.Changed, applied, current.Status);
                }

                switch (decision.Kind)
                {
                    case DecisionKind.Unchanged:
                        if (request.Wait && StateRules.IsTransitional(current.Status))
                        {
                            slot.Release();
                            return await WaitToSettleAsync(current, rule, request, stats, Done, StateChangeOutcome.Unchanged, decision.Message, cancellationToken).ConfigureAwait(false);
                        }

                        return Done(StateChangeOutcome.Unchanged, decision.Message, current.Status);

                    case DecisionKind.Rejected:
                        return Done(StateChangeOutcome.Rejected, decision.Message, current.Status, FailureKind.InvalidOperation, "CampaignStateChangeRejected");

                    case DecisionKind.WaitToSettle:
                        _log.Verbose(decision.Message);
                        slot.Release();
                        var settled = await _waiter.WaitAsync(current, c => !StateRules.IsTransitional(c.Status), request.Timeout, stats, cancellationToken).ConfigureAwait(false);
                        if (!settled.Reached)
                        {
                            var last = settled.Last?.Status ?? current.Status;
                            return Done(StateChangeOutcome.TimedOut, $"Campaign '{current.Name}' was still {last} after {request.Timeout.TotalSeconds:0} s; it was not resumed.", last, FailureKind.OperationTimeout, "CampaignWaitTimedOut");
                        }

                        current = settled.Last!;
                        await slot.AcquireAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                }

                // A PUT replaces the whole campaign, so its body is always a read, never a notification's
                // body (which need not carry every field): read it, then decide again on what it says.
                if (current.FromNotification)
                {
                    current = await ReadAtLeastAsync(current.Id, current.Version, stats, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // A write: first what could block or undo it.
                var deps = await dependencies.Value.ConfigureAwait(false);
                var rejection = deps.Check(current, request.Action, request.Force, warnings);
                if (rejection is not null)
                {
                    return Done(StateChangeOutcome.Rejected, rejection, current.Status, FailureKind.InvalidOperation, "CampaignInRunningSequence");
                }

                // The last point at which Ctrl+C prevents the write.
                cancellationToken.ThrowIfCancellationRequested();
                var body = CampaignBody.WithStatus(current.Json, rule.TargetStatus);
                GenesysCampaign updated;
                try
                {
                    _log.Verbose($"{request.Action}: setting campaign '{current.Name}' ({current.Id}) from {current.Status} to {rule.TargetStatus} at version {current.Version}.");

                    // Not cancellable: once sent, a write is seen through so that it gets its record.
                    writeSent = true;
                    updated = await _api.PutCampaignAsync(current.Id, body, stats, CancellationToken.None).ConfigureAwait(false);
                }
                catch (GenesysApiException ex) when (ex.IsVersionConflict && versionRetry < request.MaxVersionRetries)
                {
                    _log.Verbose($"Campaign '{current.Name}' changed since it was read (stale version {current.Version}); reading it again.");
                    if (ex.Attempts > 1)
                    {
                        unansweredWriteVersion = current.Version;
                    }

                    // A conflict proves Genesys holds a newer version than the one sent; a read right after
                    // may lag it (eventual consistency), so read until it shows one. Not cancellable: a
                    // write was sent, and its record must say how it ended.
                    current = await ReadAtLeastAsync(current.Id, current.Version + 1, stats, CancellationToken.None).ConfigureAwait(false);
                    continue;
                }

                var message = $"Campaign '{updated.Name}' set to {rule.TargetStatus} (was {record.PreviousStatus}).";
                slot.Release();
                if (request.Wait)
                {
                    return await WaitToSettleAsync(updated, rule, request, stats, Done, StateChangeOutcome.Changed, message, cancellationToken).ConfigureAwait(false);
                }

                return Done(StateChangeOutcome.Changed, message, updated.Status);
            }
        }
        catch (GenesysApiException ex)
        {
            var (outcome, failure) = Classify(ex);
            var message = ApiErrors.IsActiveCampaignLimit(ex)
                ? $"Genesys Cloud refused to turn on campaign '{current.Name}': the org already has its limit of {ApiErrors.MaxActiveCampaigns} active campaigns (on, stopping or forced_stopping). {ex.Message}"
                : $"Campaign '{current.Name}': {ex.Message}";
            var failed = Done(outcome, message, current.Status, failure, ex.Code ?? (ex.StatusCode == 0 ? "connection.failed" : "http." + ex.StatusCode));

            // The error body's contextId when the answer carried no inin-correlation-id header.
            failed.CorrelationId ??= ex.CorrelationId;
            return failed;
        }
        catch (GenesysAuthenticationException ex)
        {
            return Done(StateChangeOutcome.Failed, ex.Message, current.Status, FailureKind.AuthenticationError, "authentication.failed");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before its write: nothing was sent for it, so no record. Stopped while retrying
            // after a conflict: a write was sent and may have applied, so the record says that.
            return writeSent
                ? Done(StateChangeOutcome.Failed, $"Campaign '{current.Name}': stopped while retrying a write that met a conflict; an earlier write may have applied, so check its status.", current.Status, FailureKind.OperationTimeout, "stopped.after.write")
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else went wrong (an answer no one expected), the campaign still gets its record.
            return Done(StateChangeOutcome.Failed, $"Campaign '{current.Name}': {ex.Message}", current.Status, FailureKind.InvalidOperation, "unexpected.error");
        }
    }

    /// <summary>
    /// Reads a campaign known to be at <paramref name="version"/> or later (seen in a notification, or
    /// proved newer by a conflict). A read may lag (eventual consistency), so it is read again,
    /// briefly, until it shows that version; after five reads the last one is taken as it is.
    /// </summary>
    private async Task<GenesysCampaign> ReadAtLeastAsync(string campaignId, int version, RequestStats stats, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await _api.GetCampaignAsync(campaignId, stats, cancellationToken).ConfigureAwait(false);
            if (read.Version >= version || attempt == 5)
            {
                return read;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<GenesysCampaignStateChange> WaitToSettleAsync(
        GenesysCampaign campaign,
        StateRule rule,
        StateChangeRequest request,
        RequestStats stats,
        Func<StateChangeOutcome, string, string?, FailureKind?, string?, GenesysCampaignStateChange> done,
        StateChangeOutcome outcome,
        string message,
        CancellationToken cancellationToken)
    {
        if (!StateRules.IsTransitional(campaign.Status))
        {
            return done(outcome, message, campaign.Status, null, null);
        }

        // Right after a PUT a read may still show the old status (eventual consistency), so a
        // settled status counts only when it is what the action leads to, or when a newer version
        // shows that something changed the campaign after this write.
        bool Settled(GenesysCampaign c) =>
            rule.ExpectedFinal.Contains(c.Status) || (!StateRules.IsTransitional(c.Status) && c.Version > campaign.Version);

        CampaignWaitResult result;
        try
        {
            result = await _waiter.WaitAsync(campaign, Settled, request.Timeout, stats, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Written but stopped while waiting: the record says so, it is not lost.
            return done(outcome, message + " Stopped before it settled.", campaign.Status, null, null);
        }

        var final = result.Last?.Status ?? campaign.Status;
        if (!result.Reached)
        {
            return done(StateChangeOutcome.TimedOut, $"{message} It was still {final} after {request.Timeout.TotalSeconds:0} s.", final, FailureKind.OperationTimeout, "CampaignWaitTimedOut");
        }

        if (!rule.ExpectedFinal.Contains(final))
        {
            message += $" It settled at {final}, not {string.Join("/", rule.ExpectedFinal)}: something else changed it.";
        }

        return done(outcome, message, final, null, null);
    }

    private static (StateChangeOutcome, FailureKind) Classify(GenesysApiException ex) => ex.StatusCode switch
    {
        400 or 409 when ApiErrors.IsActiveCampaignLimit(ex) => (StateChangeOutcome.Rejected, FailureKind.LimitsExceeded),
        400 or 409 or 422 => (StateChangeOutcome.Rejected, FailureKind.InvalidOperation),
        401 => (StateChangeOutcome.Failed, FailureKind.AuthenticationError),
        403 => (StateChangeOutcome.Failed, FailureKind.PermissionDenied),
        404 => (StateChangeOutcome.Failed, FailureKind.ObjectNotFound),
        429 => (StateChangeOutcome.Failed, FailureKind.LimitsExceeded),
        _ => (StateChangeOutcome.Failed, FailureKind.ConnectionError),
    };

    private static GenesysCampaignStateChange NewRecord(StateChangeRequest request, string id, string? name, string? previous) => new()
    {
        Timestamp = DateTime.UtcNow,
        OperationId = request.OperationId,
        CampaignId = id,
        CampaignName = name,
        Action = request.Action,
        Reason = request.Reason,
        PreviousStatus = previous,
        RequestedStatus = StateRules.For(request.Action).TargetStatus,
        FinalStatus = previous,
    };

    /// <summary>A throttle slot that is released once, whichever path lets it go first.</summary>
    private sealed class ThrottleSlot
    {
        private readonly SemaphoreSlim _throttle;
        private int _held = 1;

        public ThrottleSlot(SemaphoreSlim throttle) => _throttle = throttle;

        public void Release()
        {
            if (Interlocked.Exchange(ref _held, 0) == 1)
            {
                _throttle.Release();
            }
        }

        public async Task AcquireAsync(CancellationToken cancellationToken)
        {
            await _throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _held, 1);
        }
    }
}

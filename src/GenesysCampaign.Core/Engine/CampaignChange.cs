using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One campaign's change, the kind's part of <see cref="ObjectChange{T}"/>: decide (StateRules), check
/// what could block or undo it (once, before the first write), write (start/stop endpoint, else the
/// full-body PUT), decide again on each newer view, and wait for the dialer if asked.
/// </summary>
internal sealed class CampaignChange : ObjectChange<GenesysCampaign>
{
    private readonly StateRule _rule;

    // The write decided on (its status: what a read must show for a lost answer's write to have applied).
    private StateWrite _write = default!;

    // Genesys's refusal of a force write after which a read found the campaign moved on (off, say): the
    // record says the force stop was refused, not that none was needed.
    private string? _forceRefused;

    // This campaign's own refusal of the endpoint (its division may not grant it), for the message.
    private string? _endpointRefusal;
    private bool _triedEndpoint;

    public CampaignChange(StateChangeExecutor.Services services, GenesysCampaign campaign, StateChangeRequest request, ThrottleSlot slot, CancellationToken cancel)
        : base(services, request, campaign, StateChangeExecutor.NewRecord(request, campaign), slot, cancel)
    {
        _rule = StateRules.For(request.Action);
    }

    private GenesysApiClient Api => Services.Api;

    protected override string Subject => $"Campaign '{Current.Name}'";

    protected override string? StatusOf(GenesysCampaign view) => view.Status;

    protected override int VersionOf(GenesysCampaign view) => view.Version;

    protected override Task<GenesysCampaign> ReadAsync(CancellationToken cancellationToken) =>
        Api.GetCampaignAsync(Current.Kind, Current.Id, Open.Stats, cancellationToken);

    /// <summary>
    /// Besides a stale version, any 400 but the active-campaign limit: the campaign may have moved
    /// since it was read (a piped view already stopping or complete), and a read tells that where the
    /// refusal's words may not (only two texts are known, ApiErrors).
    /// </summary>
    protected override bool IsStaleView(GenesysApiException ex) =>
        !IsLimitRefusal(ex) && (ApiErrors.IsStaleVersion(ex) || ex.StatusCode == 400);

    /// <summary>The org's active-campaign limit, which only a Resume can meet (words of a maximum in a refused stop are no such limit).</summary>
    private bool IsLimitRefusal(GenesysApiException ex) => Request.Action == CampaignAction.Resume && ApiErrors.IsActiveCampaignLimit(ex);

    /// <summary>
    /// A refusal in known words (a stale version, an invalid transition) says the campaign moved, so it
    /// is read until a read shows it (reads lag); one in other words is read once: if the campaign is
    /// not where it was read, the change is decided again from there, else the refusal stands.
    /// </summary>
    protected override async Task<bool> ReadAgainAsync(GenesysApiException ex)
    {
        if (ApiErrors.IsStaleVersion(ex) || ApiErrors.IsInvalidTransition(ex))
        {
            return await base.ReadAgainAsync(ex).ConfigureAwait(false);
        }

        // One read, unless it lags the view written from (an older version): then it is read until it
        // does not, as reads may lag (LaggingReads); an older read is never taken for a move.
        var seen = Current;
        Current = await ReadUntilAsync(read => read.Version >= seen.Version, Cancel).ConfigureAwait(false);
        if (Current.Version < seen.Version || !Moved(Current, seen))
        {
            Current = Current.Version < seen.Version ? seen : Current;
            return false;
        }

        Services.Log.Verbose($"{Subject} was {Current.Status}, not {seen.Status} as read, when Genesys refused the write ({ex.Message}); deciding again.");
        return true;
    }

    protected override bool ShowsWrite(GenesysCampaign view) => StateRules.ShowsWrite(_write.Status, view.Status);

    /// <summary>A PUT replaces the whole campaign (an endpoint replaces nothing): the body before the first is what an undo puts back.</summary>
    protected override string? BodyReplacedBy(GenesysCampaign from, string write) =>
        write.StartsWith("PUT", StringComparison.Ordinal) ? from.Json : null;

    protected override string RefusedMessage(GenesysApiException ex) => IsLimitRefusal(ex)
        ? $"Genesys Cloud refused to turn on campaign '{Current.Name}': the org already has its limit of {Current.Kind.MaxActive} active {Current.Kind.Noun}s (on, stopping or forced_stopping). {ex.Message}"
        : base.RefusedMessage(ex) + NeitherWayPermitted(ex);

    protected override string ChangedThenFailedMessage() =>
        $"Campaign '{Current.Name}' was changed ({WrittenWith}; was {Open.Record.PreviousStatus}), but what followed failed: see Warnings.";

    // The executor subscribes to the campaigns' events after they were read, beside the first writes: a
    // campaign given as transitional can settle in between and send no event, so a wait on a view from
    // before any write of ours, or on one written before the subscription was in place, asks the waiter
    // to read it once. A write made once it was in place has its events heard.
    private bool ViewPredatesSubscription => !Written || WroteBeforeSubscribed;

    /// <summary>
    /// Passes until one ends the change: each decides on the campaign as last seen; before the first
    /// write, checks what could block it; sends the write; follows it. A pass goes round again on a
    /// newer view (read after a notification, a settle, a stale view, or a Stop's first write).
    /// </summary>
    protected override async Task<GenesysCampaignStateChange> ChangeAsync()
    {
        while (true)
        {
            var decision = StateRules.Decide(Request.Action, Current, Request.Force);
            if (decision.Warning is not null)
            {
                Open.Warnings.Add(decision.Warning);
            }

            switch (decision.Kind)
            {
                case DecisionKind.Unchanged:
                    return await NothingToWriteAsync(decision.Message).ConfigureAwait(false);

                case DecisionKind.Rejected:
                    return Done(StateChangeOutcome.Rejected, decision.Message, Current.Status, FailureKind.InvalidOperation, Failures.StateChangeRejected);

                case DecisionKind.WaitToSettle:
                    if (await WaitToSettleBeforeWritingAsync(decision.Message).ConfigureAwait(false) is { } timedOut)
                    {
                        return timedOut;
                    }

                    continue;
            }

            // A PUT replaces the whole campaign, so its body is always a read, never a notification's
            // body (which need not carry every field): read it, then decide again on what it says.
            if (Current.FromNotification)
            {
                var seen = Current.Version;
                Current = await ReadUntilAsync(read => read.Version >= seen, Cancel).ConfigureAwait(false);
                continue;
            }

            if (await StopsBeforeWriteAsync().ConfigureAwait(false) is { } stopped)
            {
                return stopped;
            }

            _write = StateRules.WriteFor(Request.Action, Current.Status);
            bool accepted;
            try
            {
                accepted = await SendAsync(WriteAsync).ConfigureAwait(false);
            }
            catch (GenesysApiException ex) when (_write.IsForceStop && (Written || ex.StatusCode is 400 or 403))
            {
                return await ForceStopRefusedAsync(ex).ConfigureAwait(false);
            }

            if (!accepted && _write.IsForceStop && !ClaimedLostAnswer)
            {
                // Refused as from a stale view: said in the record if no force write then follows (ChangedMessage).
                _forceRefused = StaleRefusal!.Message;
            }

            if (accepted && await AfterWriteAsync().ConfigureAwait(false) is { } record)
            {
                return record;
            }
        }
    }

    /// <summary>
    /// Before the first write: a running sequence (or another dependency) that rejects it. After a
    /// write (a Stop's force write to come): Ctrl+C records what was done. Null to go on and write.
    /// </summary>
    private async Task<GenesysCampaignStateChange?> StopsBeforeWriteAsync()
    {
        if (!Written)
        {
            var dependencies = await Services.Dependencies().ConfigureAwait(false);
            var rejection = dependencies.Check(Current, Request.Action, Request.Force, Open.Warnings, Request.Hold);
            return rejection is null
                ? null
                : Done(StateChangeOutcome.Rejected, rejection, Current.Status, FailureKind.InvalidOperation, Failures.CampaignInRunningSequence);
        }

        return Cancel.IsCancellationRequested
            ? Done(StateChangeOutcome.Changed, $"Campaign '{Current.Name}' was turned off (was {Open.Record.PreviousStatus}); stopped before the force stop was sent.", Current.Status)
            : null;
    }

    /// <summary>
    /// After an accepted write: a Stop's first write goes round again to force-stop a campaign still
    /// stopping (null); anything else is finished (waited for with -Wait).
    /// </summary>
    private async Task<GenesysCampaignStateChange?> AfterWriteAsync()
    {
        var from = WrittenFrom!;
        var answered = !ReferenceEquals(Current, from); // A PUT answers with the campaign; an endpoint without.
        if (Request.Action == CampaignAction.Stop && !_write.IsForceStop)
        {
            // Turned off; force stop is written while it is stopping. One that settled straight
            // to off (or anything else) needs no force.
            if (!answered)
            {
                Current = await ReadUntilAsync(read => Moved(read, from), Cancel).ConfigureAwait(false);
            }

            if (Current.Status == CampaignStatus.Stopping)
            {
                return null;
            }

            if (!Moved(Current, from))
            {
                // Reads still show it as it was (they can lag): a force write now would be refused.
                Open.Warnings.Add($"Force stop of campaign '{Current.Name}' was not sent: it still read as {Current.Status} after it was turned off (reads can lag); it is turning off normally, letting outstanding calls finish.");
                return await FinishAsync(() => $"Campaign '{Current.Name}' was turned off (was {Open.Record.PreviousStatus}); force stop was not sent (see Warnings).", lastIsAnswer: false).ConfigureAwait(false);
            }
        }

        return await FinishAsync(ChangedMessage, answered).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one write: the endpoint when there is one and this connection may use it, else the
    /// full-body PUT of the campaign as read. Returns the campaign a PUT answered with, or null for
    /// an endpoint (which answers without a body) and for a PUT whose answer is not the campaign:
    /// either is read after. Not cancellable once sent: it gets its record.
    /// </summary>
    private async Task<GenesysCampaign?> WriteAsync()
    {
        var write = _write;
        if (write.Endpoint is { } action && Api.StatusEndpoints.ShouldTry(Current.Kind.EndpointKey(action)))
        {
            Services.Log.Verbose($"{Request.Action}: asking campaign '{Current.Name}' ({Current.Id}) to {action} (now {Current.Status}).");
            Sending = "POST " + action;
            if (await TryEndpointAsync(action).ConfigureAwait(false))
            {
                return null;
            }
        }

        Services.Log.Verbose($"{Request.Action}: setting campaign '{Current.Name}' ({Current.Id}) from {Current.Status} to {write.Status} by PUT at version {Current.Version}.");
        Sending = "PUT " + write.Status;
        GenesysCampaign? updated;
        try
        {
            updated = await Api.PutCampaignAsync(Current, CampaignBody.WithStatus(Current.Json, write.Status), Open.Stats, Cancel).ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 403 && write.Endpoint is { } endpoint && !_triedEndpoint)
        {
            // The endpoint was given up on after another campaign's refusal, which may have been that
            // campaign's alone (permissions are per division): this one tries it itself.
            Api.StatusEndpoints.Forget(Current.Kind.EndpointKey(endpoint));
            Sending = "POST " + endpoint;
            if (await TryEndpointAsync(endpoint).ConfigureAwait(false))
            {
                return null;
            }

            throw;
        }

        return updated;
    }

    /// <summary>
    /// Posts to the endpoint. True when it was accepted; false when it turned out not to be usable
    /// on this connection (so the PUT is used, now and for the rest of the connection); throws
    /// anything else. What an answer tells is learned for the connection's later writes.
    /// </summary>
    private async Task<bool> TryEndpointAsync(string action)
    {
        var endpoints = Api.StatusEndpoints;
        var key = Current.Kind.EndpointKey(action);
        _triedEndpoint = true;
        try
        {
            await Api.PostCampaignActionAsync(Current, action, Open.Stats, Cancel).ConfigureAwait(false);
            endpoints.Learned(key, usable: true);
            return true;
        }
        catch (GenesysApiException ex) when (ApiErrors.MayMeanEndpointUnavailable(ex))
        {
            if (ex.StatusCode == 404 && !await ExistsAsync().ConfigureAwait(false))
            {
                throw; // The campaign is gone, not the endpoint: that tells nothing.
            }

            var refusal = $"POST {action} answered HTTP {ex.StatusCode}{(ex.Code is null ? string.Empty : " " + ex.Code)}";
            _endpointRefusal = refusal + ": " + ex.Message;
            if (ex.StatusCode == 403 && endpoints.HasWorked(key))
            {
                // It has worked for other campaigns on this connection: the refusal is this campaign's
                // (its division), not the endpoint's. The PUT is tried for this campaign only.
                Services.Log.Verbose($"The {action} endpoint was refused for campaign '{Current.Name}' ({refusal}) though it works for others on this connection; trying the full-body PUT for this campaign.");
                return false;
            }

            if (endpoints.Learned(key, usable: false, _endpointRefusal))
            {
                Services.Log.Verbose($"The {action} endpoint cannot be used with this connection ({refusal}); {Current.Kind.Noun}s are changed by full-body PUT instead ({Current.Kind.PermissionPrefix}:edit), for the rest of this connection.");
            }

            return false;
        }
        catch (GenesysApiException ex) when (ex.StatusCode is >= 400 and < 500 and not 404)
        {
            // Any other refusal shows the endpoint is there and permitted.
            endpoints.Learned(key, usable: true);
            throw;
        }
    }

    /// <summary>After a 404 from an endpoint: whether the campaign is still there (then the endpoint is not).</summary>
    private async Task<bool> ExistsAsync()
    {
        try
        {
            await ReadAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>A decision that nothing (more) is to be written: Unchanged, or Changed when a write of ours got it there.</summary>
    private async Task<GenesysCampaignStateChange> NothingToWriteAsync(string message)
    {
        // A write of ours that got it here (a force write that found the campaign already off, or a write
        // whose answer was lost and which a read shows applied) is Changed, and told as such.
        var outcome = Written ? StateChangeOutcome.Changed : StateChangeOutcome.Unchanged;
        Func<string> told = Written ? ChangedMessage : () => message;
        if (Request.Wait && StateRules.IsTransitional(Current.Status))
        {
            WrittenFrom ??= Current;
            return await FinishAsync(told, lastIsAnswer: true, outcome).ConfigureAwait(false);
        }

        return Done(outcome, told(), Current.Status);
    }

    /// <summary>Resume of a campaign still turning off: wait for the dialer, then decide again. Returns a record only on timeout.</summary>
    private async Task<GenesysCampaignStateChange?> WaitToSettleBeforeWritingAsync(string why)
    {
        Services.Log.Verbose(why);
        LetSlotGo();
        var settled = await WaitAsync(c => !StateRules.IsTransitional(c.Status), Request.Timeout).ConfigureAwait(false);
        if (settled.Gone)
        {
            return Gone($"Campaign '{Current.Name}' was waited on to settle before it was turned on.");
        }

        if (!settled.Reached)
        {
            var last = settled.Last?.Status ?? Current.Status;
            return Done(StateChangeOutcome.TimedOut, $"Campaign '{Current.Name}' was still {last} after {Request.Timeout.TotalSeconds:0} s; it was not resumed.", last, FailureKind.OperationTimeout, Failures.WaitTimedOut);
        }

        Current = settled.Last!; // SendAsync takes a slot again to write.
        return null;
    }

    /// <summary>A campaign deleted while waited on: the record says so at once (Failed, not found), not at the timeout.</summary>
    private GenesysCampaignStateChange Gone(string told) =>
        Done(StateChangeOutcome.Failed, $"{told} Then it was no longer there: a read of its id found no campaign (deleted meanwhile).", null, FailureKind.ObjectNotFound, Failures.NotFound(OutboundObjectKind.Campaign));

    /// <summary>Force stop refused or failed after the campaign was turned off: it is stopping normally, and the record says so.</summary>
    private async Task<GenesysCampaignStateChange> ForceStopRefusedAsync(GenesysApiException ex)
    {
        // A fault (5xx, no answer) after its retries is no refusal: the force write may have applied.
        if (Written && (ex.AnswerLost || ApiErrors.Classify(ex).Failure == FailureKind.ConnectionError))
        {
            Open.Warnings.Add($"Force stop of campaign '{Current.Name}' got no answer from Genesys ({ex.Message}); it may have applied: check the campaign's status.");
            var unknown = $"Campaign '{Current.Name}' was turned off (was {Open.Record.PreviousStatus}); whether the force stop ({Sending}) applied is not known (see Warnings).";
            if (!Request.Wait)
            {
                return Done(StateChangeOutcome.Changed, unknown, null); // The status read before the force write is not its status now.
            }

            return await FinishAsync(() => unknown, lastIsAnswer: true).ConfigureAwait(false);
        }

        Open.Warnings.Add($"Force stop of campaign '{Current.Name}' was refused ({ex.Message}); it is turning off normally, letting outstanding calls finish.");
        var message = Written
            ? $"Campaign '{Current.Name}' was turned off (was {Open.Record.PreviousStatus}); force stop was refused, so it is stopping normally."
            : $"Campaign '{Current.Name}' is already turning off; force stop was refused, so it is stopping normally.";
        WrittenFrom ??= Current;
        return await FinishAsync(() => message, lastIsAnswer: true, Written ? StateChangeOutcome.Changed : StateChangeOutcome.Unchanged).ConfigureAwait(false);
    }

    /// <summary>
    /// What a change of ours did, in words true of the campaign as last seen: turned off once off, and
    /// "is stopping" while the dialer lets outstanding calls finish (so a record without -Wait, or one
    /// that timed out, never says a campaign is off that is still stopping).
    /// </summary>
    private string ChangedMessage()
    {
        var lost = ClaimedLostAnswer
            ? " The answer to a write was lost; a read then showed the campaign where that write leads, so it is taken to have applied."
            : string.Empty;
        var was = Open.Record.PreviousStatus;
        if (Request.Action != CampaignAction.Stop)
        {
            return Current.Status == CampaignStatus.Stopping
                ? $"Campaign '{Current.Name}' is stopping (was {was}): Genesys took the stop, and the dialer lets outstanding calls finish.{lost}"
                : $"Campaign '{Current.Name}' set to {_rule.TargetStatus} (was {was}).{lost}";
        }

        if (WrittenWith!.IndexOf(CampaignStatus.ForcedOff, StringComparison.Ordinal) >= 0)
        {
            return Current.Status == CampaignStatus.ForcedStopping
                ? $"Campaign '{Current.Name}' is being force-stopped (forced_stopping; was {was}).{lost}"
                : $"Campaign '{Current.Name}' force-stopped (was {was}).{lost}";
        }

        if (_forceRefused is { } refused)
        {
            Open.Warnings.Add($"Force stop of campaign '{Current.Name}' was refused ({refused}); a read then showed it {Current.Status}.");
            return $"Campaign '{Current.Name}' was turned off (was {Open.Record.PreviousStatus}); the force stop was refused ({refused}), and it reached {Current.Status} without it.{lost}";
        }

        return $"Campaign '{Current.Name}' was turned off (was {Open.Record.PreviousStatus}) and reached {Current.Status} before a force stop was needed.{lost}";
    }

    /// <summary>
    /// Ends a change that was written (or found transitional): waits for the dialer with -Wait, else
    /// reports the last status seen, reading it once when the write answered without a body.
    /// </summary>
    private async Task<GenesysCampaignStateChange> FinishAsync(Func<string> told, bool lastIsAnswer, StateChangeOutcome outcome = StateChangeOutcome.Changed)
    {
        LetSlotGo();
        var from = WrittenFrom!;
        if (!Request.Wait)
        {
            if (!lastIsAnswer && ReferenceEquals(Current, from))
            {
                // An endpoint answers without the campaign: a read shows where it went.
                Current = await ReadUntilAsync(read => Moved(read, from), Cancel).ConfigureAwait(false);
            }

            if (!lastIsAnswer && !Moved(Current, from))
            {
                // Reads can lag a write: the status it shows is the one from before, not the final one.
                return Done(outcome, told() + $" A read right after still showed it {Current.Status} (reads can lag); its status now is not known.", null);
            }

            var unconfirmed = Request.Action == CampaignAction.Resume && outcome == StateChangeOutcome.Changed
                ? " Whether the dialer runs it is not confirmed: -Wait waits for that."
                : string.Empty;
            return Done(outcome, told() + unconfirmed, Current.Status);
        }

        // Right after a write a read may still show the campaign as it was (eventual consistency), so
        // a settled status counts only once the campaign has moved from the view written from.
        bool Settled(GenesysCampaign c) =>
            !StateRules.IsTransitional(c.Status) && (c.Version > from.Version || c.Status != from.Status);

        if (ReferenceEquals(Current, from) || !Settled(Current))
        {
            Services.Log.Verbose($"Campaign '{Current.Name}': {WrittenWith} accepted; waiting up to {Request.Timeout.TotalSeconds:0} s for the dialer to settle it (last seen {Current.Status}).");
            CampaignWaitResult result;
            try
            {
                result = await WaitAsync(Settled, Request.Timeout).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Written but stopped while waiting: the record says so, it is not lost. A view not read
                // since the write (an endpoint answers without the campaign) shows the status before it.
                // Not "set to off" then: nothing has shown it off (a new user's trial read that in the audit log).
                var unseen = ReferenceEquals(Current, from);
                return Done(
                    outcome,
                    unseen
                        ? $"Campaign '{Current.Name}': Genesys accepted {WrittenWith} (was {Open.Record.PreviousStatus}); stopped (Ctrl+C) before it was read again: its status now is not known."
                        : told() + " Stopped (Ctrl+C) before it settled.",
                    unseen ? null : Current.Status);
            }

            Current = result.Last ?? Current;
            if (result.Gone)
            {
                return Gone(told());
            }

            if (!result.Reached)
            {
                return Done(StateChangeOutcome.TimedOut, $"{told()} It was still {Current.Status} after {Request.Timeout.TotalSeconds:0} s.", Current.Status, FailureKind.OperationTimeout, Failures.WaitTimedOut);
            }
        }

        await ConfirmStartAsync().ConfigureAwait(false);
        var final = Current.Status;
        if (final == CampaignStatus.Invalid && Request.Action == CampaignAction.Resume && Written)
        {
            // Accepted, and then the dialer could not run it: the resume did not reach what it leads to.
            var errors = Current.Errors;
            if (errors.Count == 0)
            {
                try
                {
                    errors = (Current = await ReadAsync(Cancel).ConfigureAwait(false)).Errors;
                }
                catch (Exception ex) when (ex is GenesysApiException or OperationCanceledException)
                {
                    Open.Warnings.Add($"The errors of campaign '{Current.Name}' could not be read: {ex.Message}");
                }
            }

            var why = errors.Count > 0 ? string.Join(" ", errors.Select(e => e.TrimEnd('.') + ".")) : "it gives no errors.";
            return Done(StateChangeOutcome.Failed, $"Campaign '{Current.Name}' was turned on ({WrittenWith}; was {Open.Record.PreviousStatus}), but it is now invalid: the dialer cannot run it. {why}", final, FailureKind.InvalidResult, Failures.StateNotReached);
        }

        var elsewhere = _rule.ExpectedFinal.Contains(final)
            ? string.Empty
            : $" It settled at {final}, not {string.Join("/", _rule.ExpectedFinal)}: something else changed it.";
        return Done(outcome, told() + elsewhere, final);
    }

    /// <summary>
    /// A Resume that reached on is watched a little longer (<see cref="StateRules.StartConfirmation"/>, within
    /// -Timeout) for a start the dialer cannot run, which turns the campaign invalid; Ctrl+C or the time
    /// passing leaves it as reached. Current is the campaign as last seen.
    /// </summary>
    private async Task ConfirmStartAsync()
    {
        var left = Request.Timeout - Open.Elapsed;
        var window = left < StateRules.StartConfirmation ? left : StateRules.StartConfirmation;
        if (Request.Action != CampaignAction.Resume || Current.Status != CampaignStatus.On || window <= TimeSpan.Zero)
        {
            return;
        }

        Open.Settled(); // On now: the watch that follows is for a start the dialer cannot run, not the settle.
        Services.Tally.Seen(Open.Record, CampaignStatus.On);

        try
        {
            var watched = await WaitAsync(c => c.Status != CampaignStatus.On, window).ConfigureAwait(false);
            if (watched.Reached && watched.Last is { } moved)
            {
                Current = moved;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped while confirming: it was on when last seen.
        }
    }

    /// <summary>
    /// When the PUT fallback was refused for want of a permission after the endpoint was too: says
    /// both, since the fix is a permission on the OAuth client's role.
    /// </summary>
    private string NeitherWayPermitted(GenesysApiException ex)
    {
        if (ex.StatusCode != 403 || _rule.Write.Endpoint is not { } action || (_endpointRefusal ?? Api.StatusEndpoints.RefusalOf(Current.Kind.EndpointKey(action))) is not { } refusal)
        {
            return string.Empty;
        }

        return $". The {action} endpoint was refused too ({refusal}). Give the OAuth client's role {Current.Kind.PermissionPrefix}:{action} (least privilege) or {Current.Kind.PermissionPrefix}:edit, in the campaign's division (permissions are granted per division).";
    }

    /// <summary>
    /// Waits on the campaign as last seen, once the run's subscription is in place (its events are then heard).
    /// Waiting for the subscription counts against <paramref name="timeout"/>: with notifications down, the
    /// channel and then the subscription each take their own 5 s bound, and a breaker saw -Timeout 2 end after
    /// 12 s. Out of time before it is in place, the campaign is read once (the waiter's final read).
    /// </summary>
    private async Task<CampaignWaitResult> WaitAsync(Func<GenesysCampaign, bool> isDone, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        if (!Services.Subscribed.IsCompleted)
        {
            var over = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var outOfTime = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            outOfTime.CancelAfter(timeout);
            using (outOfTime.Token.Register(() => over.TrySetResult(true)))
            {
                await Task.WhenAny(Services.Subscribed, over.Task).ConfigureAwait(false);
            }

            Cancel.ThrowIfCancellationRequested();
        }

        var left = timeout - waited.Elapsed;
        return await Services.Waiter.WaitAsync(Current, isDone, left > TimeSpan.Zero ? left : TimeSpan.Zero, Open.Stats, ViewPredatesSubscription, Cancel).ConfigureAwait(false);
    }
}

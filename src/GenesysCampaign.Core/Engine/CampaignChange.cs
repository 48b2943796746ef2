using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One campaign's change, from the view it was given to its record: decide (StateRules), check
/// what could block or undo it (once, before the first write), write (start/stop endpoint, else the
/// full-body PUT), read again whenever the view proves stale, and wait for the dialer if asked.
/// Made and run once by <see cref="StateChangeExecutor"/>.
/// </summary>
internal sealed class CampaignChange
{
    private readonly StateChangeExecutor.Services _services;
    private readonly StateChangeRequest _request;
    private readonly StateRule _rule;
    private readonly ThrottleSlot _slot;
    private readonly CancellationToken _cancel;
    private readonly List<string> _writes = new();
    private readonly OpenRecord _open;
    private GenesysCampaign _current;

    // The view the last accepted write was made from (what "settled since" is measured against).
    private GenesysCampaign? _writtenFrom;

    // The write being sent, as the record names it ("POST stop", "PUT forced_off"); empty until one is.
    private string _sending = string.Empty;
    private int _staleReads;

    // This campaign's own refusal of the endpoint (its division may not grant it), for the message.
    private string? _endpointRefusal;
    private bool _triedEndpoint;

    public CampaignChange(StateChangeExecutor.Services services, GenesysCampaign campaign, StateChangeRequest request, ThrottleSlot slot, CancellationToken cancel)
    {
        _services = services;
        _current = campaign;
        _request = request;
        _rule = StateRules.For(request.Action);
        _slot = slot;
        _cancel = cancel;
        _open = new OpenRecord(StateChangeExecutor.NewRecord(request, campaign));
    }

    private GenesysApiClient Api => _services.Api;

    private bool Written => _writes.Count > 0;

    /// <summary>The campaign's record, or null when Ctrl+C came before anything was sent for it.</summary>
    public async Task<GenesysCampaignStateChange?> RunAsync()
    {
        try
        {
            return await DecideAndWriteAsync().ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (Written)
        {
            // Something failed after a write was accepted (a read, the force write): the change stands.
            _open.Warnings.Add($"After campaign '{_current.Name}' was changed ({WrittenWith}): {ex.Message}");
            var unseen = ReferenceEquals(_current, _writtenFrom); // Not read since the write: its status is not known.
            var changed = Done(StateChangeOutcome.Changed, $"Campaign '{_current.Name}' was changed ({WrittenWith}; was {_open.Record.PreviousStatus}), but what followed failed: see Warnings.", unseen ? null : _current.Status);
            changed.CorrelationId ??= ex.CorrelationId;
            return changed;
        }
        catch (GenesysApiException ex)
        {
            var (outcome, failure) = ApiErrors.Classify(ex);
            var message = ApiErrors.IsActiveCampaignLimit(ex)
                ? $"Genesys Cloud refused to turn on campaign '{_current.Name}': the org already has its limit of {_current.Kind.MaxActive} active {_current.Kind.Noun}s (on, stopping or forced_stopping). {ex.Message}"
                : $"Campaign '{_current.Name}': {ex.Message}{NeitherWayPermitted(ex)}";

            // A write that got no answer from Genesys itself may have applied: its status is not known.
            var unknown = ex.AnswerLost && _sending.Length > 0;
            if (unknown)
            {
                message += $" {_sending} got no answer from Genesys and may have applied: check the campaign's status.";
            }

            var failed = Done(outcome, message, unknown ? null : _current.Status, failure, ApiErrors.CodeOf(ex));

            // The refusing answer's correlation id (from its header, else the error body's contextId),
            // not that of a read made after it: it is the one Genesys support can trace.
            failed.CorrelationId = ex.CorrelationId ?? failed.CorrelationId;
            return failed;
        }
        catch (GenesysAuthenticationException ex)
        {
            return Done(StateChangeOutcome.Failed, ex.Message, _current.Status, FailureKind.AuthenticationError, Failures.AuthenticationFailed);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // Stopped before any write: nothing was sent for it, so no record. Stopped after one (while
            // retrying it after a conflict, say): it was attempted and may have applied, so it is recorded.
            return _sending.Length > 0
                ? Done(StateChangeOutcome.Failed, $"Campaign '{_current.Name}': stopped after a write was sent ({WrittenWith ?? _sending}); check its status.", _current.Status, FailureKind.OperationTimeout, Failures.StoppedAfterWrite)
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else went wrong (an answer no one expected), the campaign still gets its record.
            return Done(StateChangeOutcome.Failed, $"Campaign '{_current.Name}': {ex.Message}", _current.Status, FailureKind.InvalidOperation, Failures.Unexpected);
        }
    }

    private string? WrittenWith => Written ? string.Join("; ", _writes) : null;

    // The executor subscribes to the campaigns' events after they were read and before any write: a
    // campaign given as transitional can settle in between and send no event, so a wait on a view from
    // before any write of ours asks the waiter to read it once. After our write, its events are heard.
    private bool ViewPredatesSubscription => !Written;

    /// <summary>Passes until one ends the change: each decides on the view held and writes, or reads again when the view proved stale.</summary>
    private async Task<GenesysCampaignStateChange> DecideAndWriteAsync()
    {
        while (true)
        {
            if (await PassAsync().ConfigureAwait(false) is { } record)
            {
                return record;
            }
        }
    }

    /// <summary>
    /// One pass: decide on the campaign as last seen; before the first write, check what could block
    /// it; send the write; follow it. Returns the record when the change is over, or null to decide
    /// again on a newer view (read after a notification, a settle, a stale view, or a Stop's first write).
    /// </summary>
    private async Task<GenesysCampaignStateChange?> PassAsync()
    {
        var decision = StateRules.Decide(_request.Action, _current, _request.Force);
        if (decision.Warning is not null)
        {
            _open.Warnings.Add(decision.Warning);
        }

        switch (decision.Kind)
        {
            case DecisionKind.Unchanged:
                return await NothingToWriteAsync(decision.Message).ConfigureAwait(false);

            case DecisionKind.Rejected:
                return Done(StateChangeOutcome.Rejected, decision.Message, _current.Status, FailureKind.InvalidOperation, Failures.StateChangeRejected);

            case DecisionKind.WaitToSettle:
                return await WaitToSettleBeforeWritingAsync(decision.Message).ConfigureAwait(false);
        }

        // A PUT replaces the whole campaign, so its body is always a read, never a notification's
        // body (which need not carry every field): read it, then decide again on what it says.
        if (_current.FromNotification)
        {
            _current = await ReadAtLeastAsync(_current.Version, _cancel).ConfigureAwait(false);
            return null;
        }

        if (await StopsBeforeWriteAsync().ConfigureAwait(false) is { } stopped)
        {
            return stopped;
        }

        var write = StateRules.WriteFor(_request.Action, _current.Status);
        var sent = await SendAsync(write).ConfigureAwait(false);
        return sent.Ended ?? (sent.Again ? null : await AfterWriteAsync(write, sent.Answer).ConfigureAwait(false));
    }

    /// <summary>
    /// Before the first write: a running sequence (or another dependency) that rejects it, or Ctrl+C,
    /// the last point at which it prevents the write. After a write (a Stop's force write to come):
    /// Ctrl+C records what was done. Null to go on and write.
    /// </summary>
    private async Task<GenesysCampaignStateChange?> StopsBeforeWriteAsync()
    {
        if (!Written)
        {
            var dependencies = await _services.Dependencies().ConfigureAwait(false);
            var rejection = dependencies.Check(_current, _request.Action, _request.Force, _open.Warnings, _request.Hold);
            if (rejection is not null)
            {
                return Done(StateChangeOutcome.Rejected, rejection, _current.Status, FailureKind.InvalidOperation, Failures.CampaignInRunningSequence);
            }

            _cancel.ThrowIfCancellationRequested();
            return null;
        }

        return _cancel.IsCancellationRequested
            ? Done(StateChangeOutcome.Changed, $"Campaign '{_current.Name}' was turned off (was {_open.Record.PreviousStatus}); stopped before the force stop was sent.", _current.Status)
            : null;
    }

    /// <summary>
    /// Sends the write and reads what its refusals say: sent (with the PUT's answer, if any); again,
    /// when a refusal proved the view stale and the campaign was read again; or ended, when a force
    /// write was refused. Any other refusal is thrown.
    /// </summary>
    private async Task<Sent> SendAsync(StateWrite write)
    {
        try
        {
            return new Sent(await WriteAsync(write).ConfigureAwait(false), again: false, ended: null);
        }
        catch (GenesysApiException ex) when (IsStaleView(ex) && _staleReads < _request.MaxVersionRetries)
        {
            _staleReads++;
            var sentFrom = _current;
            if (await ReadAfterStaleAsync(ex).ConfigureAwait(false))
            {
                if (ex.AnswerLost && StateRules.ShowsWrite(write.Status, _current.Status))
                {
                    // An attempt went unanswered and its retry found the campaign where that write
                    // leads: that attempt is what moved it (the lesser error than calling our own
                    // change someone else's).
                    _writes.Add(_sending + " (answer lost)");
                    _writtenFrom = sentFrom;
                }

                return new Sent(null, again: true, ended: null);
            }

            // The view was current: the refusal stands.
            if (write.IsForceStop)
            {
                return new Sent(null, again: false, await ForceStopRefusedAsync(ex).ConfigureAwait(false));
            }

            throw;
        }
        catch (GenesysApiException ex) when (write.IsForceStop && (Written || ex.StatusCode is 400 or 403))
        {
            return new Sent(null, again: false, await ForceStopRefusedAsync(ex).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// After an accepted write: a Stop's first write goes round again to force-stop a campaign still
    /// stopping (null); anything else is finished (waited for with -Wait).
    /// </summary>
    private async Task<GenesysCampaignStateChange?> AfterWriteAsync(StateWrite write, GenesysCampaign? answer)
    {
        _writtenFrom = _current;
        if (answer is not null)
        {
            _current = answer;
        }

        if (_request.Action == CampaignAction.Stop && !write.IsForceStop)
        {
            // Turned off; force stop is written while it is stopping. One that settled straight
            // to off (or anything else) needs no force.
            _current = answer ?? await ReadChangedAsync(_writtenFrom).ConfigureAwait(false);
            if (_current.Status == CampaignStatus.Stopping)
            {
                return null;
            }

            if (!Moved(_current, _writtenFrom))
            {
                // Reads still show it as it was (they can lag): a force write now would be refused.
                _open.Warnings.Add($"Force stop of campaign '{_current.Name}' was not sent: it still read as {_current.Status} after it was turned off (reads can lag); it is turning off normally, letting outstanding calls finish.");
                _slot.Release();
                return await FinishAsync($"Campaign '{_current.Name}' was turned off (was {_open.Record.PreviousStatus}); force stop was not sent (see Warnings).", lastIsAnswer: false).ConfigureAwait(false);
            }
        }

        _slot.Release();
        return await FinishAsync(ChangedMessage(), answer is not null).ConfigureAwait(false);
    }

    /// <summary>What <see cref="SendAsync"/> found: the PUT's answer, or to go round again, or the record that ends the change.</summary>
    private readonly struct Sent
    {
        public Sent(GenesysCampaign? answer, bool again, GenesysCampaignStateChange? ended)
        {
            Answer = answer;
            Again = again;
            Ended = ended;
        }

        public GenesysCampaign? Answer { get; }

        public bool Again { get; }

        public GenesysCampaignStateChange? Ended { get; }
    }

    /// <summary>
    /// Sends one write: the endpoint when there is one and this connection may use it, else the
    /// full-body PUT of the campaign as read. Returns the campaign a PUT answered with, or null for
    /// an endpoint (which answers without a body) and for a PUT whose answer is not the campaign:
    /// either is read after. Not cancellable once sent: it gets its record.
    /// </summary>
    private async Task<GenesysCampaign?> WriteAsync(StateWrite write)
    {
        if (write.Endpoint is { } action && await Api.StatusEndpoints.ShouldTryAsync(_current.Kind.EndpointKey(action), _cancel).ConfigureAwait(false))
        {
            _services.Log.Verbose($"{_request.Action}: asking campaign '{_current.Name}' ({_current.Id}) to {action} (now {_current.Status}).");
            _sending = "POST " + action;
            if (await TryEndpointAsync(action).ConfigureAwait(false))
            {
                _writes.Add(_sending);
                return null;
            }
        }

        _services.Log.Verbose($"{_request.Action}: setting campaign '{_current.Name}' ({_current.Id}) from {_current.Status} to {write.Status} by PUT at version {_current.Version}.");
        _sending = "PUT " + write.Status;
        GenesysCampaign? updated;
        try
        {
            updated = await Api.PutCampaignAsync(_current, CampaignBody.WithStatus(_current.Json, write.Status), _open.Stats, CancellationToken.None).ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 403 && write.Endpoint is { } endpoint && !_triedEndpoint)
        {
            // The endpoint was given up on after another campaign's refusal, which may have been that
            // campaign's alone (permissions are per division): this one tries it itself.
            Api.StatusEndpoints.Forget(_current.Kind.EndpointKey(endpoint));
            _sending = "POST " + endpoint;
            if (await TryEndpointAsync(endpoint).ConfigureAwait(false))
            {
                _writes.Add(_sending);
                return null;
            }

            throw;
        }

        _writes.Add(_sending);
        _open.Record.ReplacedBody ??= _current.Json; // The body as it was before the first PUT: what an undo puts back.
        return updated;
    }

    /// <summary>
    /// Posts to the endpoint. True when it was accepted; false when it turned out not to be usable
    /// on this connection (so the PUT is used, now and for the rest of the connection); throws
    /// anything else. The first use on a connection tells the others what it found.
    /// </summary>
    private async Task<bool> TryEndpointAsync(string action)
    {
        var endpoints = Api.StatusEndpoints;
        var key = _current.Kind.EndpointKey(action);
        var told = false;
        _triedEndpoint = true;

        // Other writes wait for what this one finds out, so a transient answer (429, 5xx) lets them
        // go at once rather than after this write's retries.
        void Answered(int status)
        {
            if (status is 429 || (status >= 500 && status != 501)) // Faults, not refusals (501 is one).
            {
                endpoints.Inconclusive(key);
            }
        }

        try
        {
            await Api.PostCampaignActionAsync(_current, action, _open.Stats, CancellationToken.None, Answered).ConfigureAwait(false);
            endpoints.Learned(key, usable: true);
            told = true;
            return true;
        }
        catch (GenesysApiException ex) when (ApiErrors.MayMeanEndpointUnavailable(ex))
        {
            if (ex.StatusCode == 404 && !await ExistsAsync().ConfigureAwait(false))
            {
                throw; // The campaign is gone, not the endpoint.
            }

            var refusal = $"POST {action} answered HTTP {ex.StatusCode}{(ex.Code is null ? string.Empty : " " + ex.Code)}";
            _endpointRefusal = refusal + ": " + ex.Message;
            if (ex.StatusCode == 403 && endpoints.HasWorked(key))
            {
                // It has worked for other campaigns on this connection: the refusal is this campaign's
                // (its division), not the endpoint's. The PUT is tried for this campaign only.
                _services.Log.Verbose($"The {action} endpoint was refused for campaign '{_current.Name}' ({refusal}) though it works for others on this connection; trying the full-body PUT for this campaign.");
                told = true;
                return false;
            }

            if (endpoints.Learned(key, usable: false, _endpointRefusal))
            {
                _services.Log.Verbose($"The {action} endpoint cannot be used with this connection ({refusal}); {_current.Kind.Noun}s are changed by full-body PUT instead ({_current.Kind.PermissionPrefix}:edit), for the rest of this connection.");
            }

            told = true;
            return false;
        }
        catch (GenesysApiException ex) when (ex.StatusCode is >= 400 and < 500 and not 404)
        {
            // Any other refusal shows the endpoint is there and permitted.
            endpoints.Learned(key, usable: true);
            told = true;
            throw;
        }
        finally
        {
            // No answer (or a 404 for a campaign that is gone) tells nothing: the next use finds out.
            if (!told)
            {
                endpoints.Inconclusive(key);
            }
        }
    }

    /// <summary>After a 404 from an endpoint: whether the campaign is still there (then the endpoint is not).</summary>
    private async Task<bool> ExistsAsync()
    {
        try
        {
            await Api.GetCampaignAsync(_current.Kind, _current.Id, _open.Stats, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Any 409, a 400 about the version, or a 400 saying the transition is invalid (ApiErrors).</summary>
    private static bool IsStaleView(GenesysApiException ex) =>
        !ApiErrors.IsActiveCampaignLimit(ex) && (ApiErrors.IsStaleVersion(ex) || ApiErrors.IsInvalidTransition(ex));

    /// <summary>
    /// Reads the campaign after a refusal that says the view may be stale. A version conflict proves
    /// Genesys holds a newer version, and a read right after may lag it (eventual consistency), so it
    /// is read until it shows one. An invalid transition is read once: if the campaign has not moved,
    /// the refusal is genuine (returns false). Not cancellable: a write may have been sent.
    /// </summary>
    private async Task<bool> ReadAfterStaleAsync(GenesysApiException ex)
    {
        var seen = _current;
        if (ApiErrors.IsStaleVersion(ex))
        {
            _services.Log.Verbose($"Campaign '{seen.Name}' changed since it was read (stale version {seen.Version}); reading it again.");
            _current = await ReadAtLeastAsync(seen.Version + 1, CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        // Read until it shows the move, for a read may lag it; if it never does, the refusal is genuine.
        _current = await ReadUntilAsync(read => Moved(read, seen), CancellationToken.None).ConfigureAwait(false);
        var moved = Moved(_current, seen);
        if (moved)
        {
            _services.Log.Verbose($"Campaign '{seen.Name}' was {_current.Status}, not {seen.Status} as read; deciding again.");
        }

        return moved;
    }

    /// <summary>A decision that nothing (more) is to be written: Unchanged, or Changed when a write of ours got it there.</summary>
    private async Task<GenesysCampaignStateChange> NothingToWriteAsync(string message)
    {
        var outcome = StateChangeOutcome.Unchanged;
        if (Written)
        {
            // A write of ours got it here: a force write that found the campaign already off, or a
            // write whose answer was lost and which a read shows applied.
            outcome = StateChangeOutcome.Changed;
            message = ChangedMessage();
        }

        _slot.Release();
        if (_request.Wait && StateRules.IsTransitional(_current.Status))
        {
            _writtenFrom ??= _current;
            return await FinishAsync(message, lastIsAnswer: true, outcome).ConfigureAwait(false);
        }

        return Done(outcome, message, _current.Status);
    }

    /// <summary>Resume of a campaign still turning off: wait for the dialer, then decide again. Returns a record only on timeout.</summary>
    private async Task<GenesysCampaignStateChange?> WaitToSettleBeforeWritingAsync(string why)
    {
        _services.Log.Verbose(why);
        _slot.Release();
        var settled = await _services.Waiter.WaitAsync(_current, c => !StateRules.IsTransitional(c.Status), _request.Timeout, _open.Stats, ViewPredatesSubscription, _cancel).ConfigureAwait(false);
        if (!settled.Reached)
        {
            var last = settled.Last?.Status ?? _current.Status;
            return Done(StateChangeOutcome.TimedOut, $"Campaign '{_current.Name}' was still {last} after {_request.Timeout.TotalSeconds:0} s; it was not resumed.", last, FailureKind.OperationTimeout, Failures.WaitTimedOut);
        }

        _current = settled.Last!;
        await _slot.AcquireAsync(_cancel).ConfigureAwait(false);
        return null;
    }

    /// <summary>Force stop refused or failed after the campaign was turned off: it is stopping normally, and the record says so.</summary>
    private async Task<GenesysCampaignStateChange> ForceStopRefusedAsync(GenesysApiException ex)
    {
        _slot.Release();
        _open.Warnings.Add($"Force stop of campaign '{_current.Name}' was refused ({ex.Message}); it is turning off normally, letting outstanding calls finish.");
        var message = Written
            ? $"Campaign '{_current.Name}' was turned off (was {_open.Record.PreviousStatus}); force stop was refused, so it is stopping normally."
            : $"Campaign '{_current.Name}' is already turning off; force stop was refused, so it is stopping normally.";
        _writtenFrom ??= _current;
        return await FinishAsync(message, lastIsAnswer: true, Written ? StateChangeOutcome.Changed : StateChangeOutcome.Unchanged).ConfigureAwait(false);
    }

    private string ChangedMessage()
    {
        var lost = _writes.Any(w => w.EndsWith("(answer lost)", StringComparison.Ordinal))
            ? " The answer to a write was lost; a read then showed the campaign where that write leads, so it is taken to have applied."
            : string.Empty;
        if (_request.Action != CampaignAction.Stop)
        {
            return $"Campaign '{_current.Name}' set to {_rule.TargetStatus} (was {_open.Record.PreviousStatus}).{lost}";
        }

        return _writes.Any(w => w.IndexOf(CampaignStatus.ForcedOff, StringComparison.Ordinal) >= 0)
            ? $"Campaign '{_current.Name}' force-stopped (was {_open.Record.PreviousStatus}).{lost}"
            : $"Campaign '{_current.Name}' was turned off (was {_open.Record.PreviousStatus}) and reached {_current.Status} before a force stop was needed.{lost}";
    }

    /// <summary>Whether a read shows the campaign moved from a view (a newer version or another status).</summary>
    private static bool Moved(GenesysCampaign read, GenesysCampaign from) => read.Version > from.Version || read.Status != from.Status;

    /// <summary>
    /// Ends a change that was written (or found transitional): waits for the dialer with -Wait, else
    /// reports the last status seen, reading it once when the write answered without a body.
    /// </summary>
    private async Task<GenesysCampaignStateChange> FinishAsync(string message, bool lastIsAnswer, StateChangeOutcome outcome = StateChangeOutcome.Changed)
    {
        var from = _writtenFrom!;
        if (!_request.Wait)
        {
            if (!lastIsAnswer && ReferenceEquals(_current, from))
            {
                // An endpoint answers without the campaign: a read shows where it went.
                _current = await ReadChangedAsync(from).ConfigureAwait(false);
            }

            if (!lastIsAnswer && !Moved(_current, from))
            {
                // Reads can lag a write: the status it shows is the one from before, not the final one.
                return Done(outcome, message + $" A read right after still showed it {_current.Status} (reads can lag); its status now is not known.", null);
            }

            return Done(outcome, message, _current.Status);
        }

        // Right after a write a read may still show the campaign as it was (eventual consistency), so
        // a settled status counts only once the campaign has moved from the view written from.
        bool Settled(GenesysCampaign c) =>
            !StateRules.IsTransitional(c.Status) && (c.Version > from.Version || c.Status != from.Status);

        if (!ReferenceEquals(_current, from) && Settled(_current))
        {
            return Done(outcome, message, _current.Status);
        }

        CampaignWaitResult result;
        try
        {
            result = await _services.Waiter.WaitAsync(_current, Settled, _request.Timeout, _open.Stats, ViewPredatesSubscription, _cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Written but stopped while waiting: the record says so, it is not lost. A view not read
            // since the write (an endpoint answers without the campaign) shows the status before it.
            var unseen = ReferenceEquals(_current, from);
            return Done(outcome, message + (unseen ? " Stopped before it settled; its status now is not known." : " Stopped before it settled."), unseen ? null : _current.Status);
        }

        var final = result.Last?.Status ?? _current.Status;
        if (!result.Reached)
        {
            return Done(StateChangeOutcome.TimedOut, $"{message} It was still {final} after {_request.Timeout.TotalSeconds:0} s.", final, FailureKind.OperationTimeout, Failures.WaitTimedOut);
        }

        if (!_rule.ExpectedFinal.Contains(final))
        {
            message += $" It settled at {final}, not {string.Join("/", _rule.ExpectedFinal)}: something else changed it.";
        }

        return Done(outcome, message, final);
    }

    /// <summary>
    /// Reads a campaign known to be at <paramref name="version"/> or later (seen in a notification, or
    /// proved newer by a conflict). A read may lag (eventual consistency), so it is read again,
    /// briefly, until it shows that version; see <see cref="ReadUntilAsync"/>.
    /// </summary>
    private Task<GenesysCampaign> ReadAtLeastAsync(int version, CancellationToken cancellationToken) =>
        ReadUntilAsync(read => read.Version >= version, cancellationToken);

    /// <summary>Reads a campaign just written without an answer body until it shows the write (a new version or status).</summary>
    private Task<GenesysCampaign> ReadChangedAsync(GenesysCampaign from) =>
        ReadUntilAsync(read => Moved(read, from), CancellationToken.None);

    /// <summary>Reads the campaign until <paramref name="shows"/> holds (<see cref="LaggingReads"/>).</summary>
    private Task<GenesysCampaign> ReadUntilAsync(Func<GenesysCampaign, bool> shows, CancellationToken cancellationToken) =>
        LaggingReads.UntilAsync(token => Api.GetCampaignAsync(_current.Kind, _current.Id, _open.Stats, token), shows, cancellationToken);

    /// <summary>
    /// When the PUT fallback was refused for want of a permission after the endpoint was too: says
    /// both, since the fix is a permission on the OAuth client's role.
    /// </summary>
    private string NeitherWayPermitted(GenesysApiException ex)
    {
        if (ex.StatusCode != 403 || _rule.Write.Endpoint is not { } action || (_endpointRefusal ?? Api.StatusEndpoints.RefusalOf(_current.Kind.EndpointKey(action))) is not { } refusal)
        {
            return string.Empty;
        }

        return $". The {action} endpoint was refused too ({refusal}). Give the OAuth client's role {_current.Kind.PermissionPrefix}:{action} (least privilege) or {_current.Kind.PermissionPrefix}:edit, in the campaign's division (permissions are granted per division).";
    }

    private GenesysCampaignStateChange Done(StateChangeOutcome outcome, string message, string? finalStatus, FailureKind? failure = null, string? code = null) =>
        _open.Close(outcome, message, finalStatus, _current.Version, WrittenWith, failure, code);
}

using System;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One sequence's or campaign rule's change, from the object as given to its record: decide
/// (<see cref="ToggleDecisions.Decide"/>); PUT the whole body read with only the kind's field changed;
/// on a stale version read it again and decide again; with -Wait, read until a read shows the new
/// state. The record keeps the body the PUT replaced. Made and run once by <see cref="StateChangeExecutor"/>.
/// </summary>
internal sealed class ToggleChange
{
    private readonly StateChangeExecutor.Services _services;
    private readonly ToggleKind _kind;
    private readonly StateChangeRequest _request;
    private readonly ThrottleSlot _slot;
    private readonly CancellationToken _cancel;
    private readonly OpenRecord _open;
    private readonly string _target;
    private IOutboundObject _current;

    // The write being sent ("PUT off"), empty until one is; what was written, null until a write is accepted.
    private string _sending = string.Empty;
    private string? _written;

    public ToggleChange(StateChangeExecutor.Services services, ToggleKind kind, IOutboundObject item, StateChangeRequest request, ThrottleSlot slot, CancellationToken cancel)
    {
        _services = services;
        _kind = kind;
        _current = item;
        _request = request;
        _slot = slot;
        _cancel = cancel;
        _target = kind.TargetOf(request.Action);
        _open = new OpenRecord(StateChangeExecutor.NewRecord(request, kind, item));
    }

    private string Noun => _kind.Noun;

    private string State => _kind.StateOf(_current);

    /// <summary>The record, or null when Ctrl+C came before anything was sent.</summary>
    public async Task<GenesysCampaignStateChange?> RunAsync()
    {
        try
        {
            return await ChangeAsync().ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (_written is not null)
        {
            // The PUT was accepted; a read after it failed: the change stands.
            _open.Warnings.Add($"After {Noun} '{_current.Name}' was changed ({_written}): {ex.Message}");
            return Done(StateChangeOutcome.Changed, ChangedMessage() + " What followed failed: see Warnings.", null);
        }
        catch (GenesysApiException ex)
        {
            var (outcome, failure) = ApiErrors.Classify(ex);
            var message = $"{_kind.Capitalized} '{_current.Name}': {ex.Message}";
            if (ex.StatusCode == 403)
            {
                message += $" Give the OAuth client's role {_kind.EditPermission}, in the {Noun}'s division.";
            }

            // A PUT that got no answer from Genesys may have applied: the state is not known.
            var unknown = ex.AnswerLost && _sending.Length > 0;
            if (unknown)
            {
                message += $" {_sending} got no answer from Genesys and may have applied: check the {Noun}.";
            }

            var failed = Done(outcome, message, unknown ? null : State, failure, ApiErrors.CodeOf(ex));
            failed.CorrelationId = ex.CorrelationId ?? failed.CorrelationId;
            return failed;
        }
        catch (GenesysAuthenticationException ex)
        {
            return Done(StateChangeOutcome.Failed, ex.Message, State, FailureKind.AuthenticationError, Failures.AuthenticationFailed);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // Stopped before the PUT: nothing sent, no record. After it (re-reading a conflict): recorded.
            return _sending.Length > 0
                ? Done(StateChangeOutcome.Failed, $"{_kind.Capitalized} '{_current.Name}': stopped after a write was sent ({_sending}); check its state.", State, FailureKind.OperationTimeout, Failures.StoppedAfterWrite)
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Done(StateChangeOutcome.Failed, $"{_kind.Capitalized} '{_current.Name}': {ex.Message}", State, FailureKind.InvalidOperation, Failures.Unexpected);
        }
    }

    private async Task<GenesysCampaignStateChange> ChangeAsync()
    {
        for (var staleReads = 0; ; staleReads++)
        {
            var decision = _kind.Decide(_request.Action, _current, _request.Force, _request.HeldCampaigns);
            if (decision.Warning is not null)
            {
                _open.Warnings.Add(decision.Warning);
            }

            if (decision.Kind == DecisionKind.Rejected)
            {
                return Done(StateChangeOutcome.Rejected, decision.Message, State, FailureKind.InvalidOperation, Failures.StateChangeRejected);
            }

            if (decision.Kind == DecisionKind.Unchanged)
            {
                // A PUT of ours whose answer was lost, and a read shows it applied, is ours (as for campaigns).
                return _written is null ? Done(StateChangeOutcome.Unchanged, decision.Message, State) : Done(StateChangeOutcome.Changed, ChangedMessage(), State);
            }

            if (_written is null && staleReads == 0)
            {
                await WarnOfDependenciesAsync().ConfigureAwait(false);
            }

            _cancel.ThrowIfCancellationRequested(); // The last point at which Ctrl+C prevents the write.
            var sentFrom = _current;
            _sending = "PUT " + _target;
            _services.Log.Verbose($"{_request.Action}: setting {Noun} '{_current.Name}' ({_current.Id}) from {State} to {_target} by PUT at version {_current.Version}.");
            IOutboundObject? answer;
            try
            {
                answer = await _services.Api.PutObjectAsync(_kind, _current, _kind.BodyWith(_current, _target), _open.Stats, CancellationToken.None).ConfigureAwait(false);
            }
            catch (GenesysApiException ex) when (ApiErrors.IsStaleVersion(ex) && staleReads < _request.MaxVersionRetries)
            {
                // Genesys holds a newer version: read until a read shows it (reads can lag), then decide again.
                _services.Log.Verbose($"The {Noun} '{sentFrom.Name}' changed since it was read (stale version {sentFrom.Version}); reading it again.");
                _current = await ReadUntilAsync(read => read.Version > sentFrom.Version, CancellationToken.None).ConfigureAwait(false);
                if (ex.AnswerLost && State == _target)
                {
                    // An attempt went unanswered and its retry found the object where that PUT leads.
                    Wrote(sentFrom, _sending + " (answer lost)");
                }

                continue;
            }

            Wrote(sentFrom, _sending);

            // Accepted; an answer that is not the whole object says nothing more: read it (a failed
            // read leaves the change recorded, with a warning).
            _current = answer ?? await ReadUntilAsync(read => read.Version > sentFrom.Version, CancellationToken.None).ConfigureAwait(false);
            _slot.Release();
            return await FinishAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What can undo the change of a sequence (its schedule, rules), as warnings; rules have none.</summary>
    private async Task WarnOfDependenciesAsync()
    {
        if (_current is GenesysCampaignSequence sequence && !_request.Hold)
        {
            (await _services.Dependencies().ConfigureAwait(false)).Check(sequence, _request.Action, _open.Warnings);
        }
    }

    private void Wrote(IOutboundObject from, string how)
    {
        _written = how;
        _open.Record.ReplacedBody = from.ToJson();
    }

    /// <summary>
    /// Without -Wait, the state the PUT answered with. With it, reads each second until a read shows
    /// the object has settled, up to -Timeout: in the new state, or moved on from the PUT's answer
    /// (a newer version: a sequence that stopped itself because its campaign could not be started,
    /// say). The PUT's answer alone is not taken as settled, for Genesys acts on the change after it.
    /// </summary>
    private async Task<GenesysCampaignStateChange> FinishAsync()
    {
        if (!_request.Wait)
        {
            return Done(StateChangeOutcome.Changed, ChangedMessage() + SettledElsewhere(), State);
        }

        var answered = _current;
        var deadline = _open.Elapsed + _request.Timeout;
        try
        {
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _cancel).ConfigureAwait(false);
                _current = await _services.Api.GetObjectAsync(_kind, _current.Id, _open.Stats, _cancel).ConfigureAwait(false);
            }
            while (State != _target && _current.Version <= answered.Version && _open.Elapsed < deadline);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            return Done(StateChangeOutcome.Changed, ChangedMessage() + " Stopped before a read showed it settled.", null);
        }

        if (State == _target || _current.Version > answered.Version)
        {
            return Done(StateChangeOutcome.Changed, ChangedMessage() + SettledElsewhere(), State);
        }

        return Done(StateChangeOutcome.TimedOut, $"{ChangedMessage()} Reads still showed it {State} after {_request.Timeout.TotalSeconds:0} s.", State, FailureKind.OperationTimeout, Failures.WaitTimedOut);
    }

    /// <summary>When the object as last seen is not in the state written (a sequence that stopped itself, say): what it is, and why.</summary>
    private string SettledElsewhere()
    {
        if (State == _target)
        {
            return string.Empty;
        }

        var why = _current is GenesysCampaignSequence { StopMessage: { Length: > 0 } stop } ? $" ({stop})" : string.Empty;
        return $" It is now {State}{why}: something else changed it.";
    }

    private string ChangedMessage()
    {
        var lost = _written?.EndsWith("(answer lost)", StringComparison.Ordinal) == true
            ? " The answer to the PUT was lost; a read then showed the change, so it is taken to have applied."
            : string.Empty;
        return $"{_kind.Capitalized} '{_current.Name}' set to {_target} (was {_open.Record.PreviousStatus}).{lost}";
    }

    /// <summary>Reads the object until <paramref name="shows"/> holds (<see cref="LaggingReads"/>).</summary>
    private Task<IOutboundObject> ReadUntilAsync(Func<IOutboundObject, bool> shows, CancellationToken cancellationToken) =>
        LaggingReads.UntilAsync(token => _services.Api.GetObjectAsync(_kind, _current.Id, _open.Stats, token), shows, cancellationToken);

    private GenesysCampaignStateChange Done(StateChangeOutcome outcome, string message, string? finalStatus, FailureKind? failure = null, string? code = null) =>
        _open.Close(outcome, message, finalStatus, _current.Version, _written, failure, code);
}

using System;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One sequence's or campaign rule's change, the kind's part of <see cref="ObjectChange{T}"/>: decide
/// (<see cref="ToggleDecisions.Decide"/>); PUT the whole body read with only the kind's field changed;
/// read it back; with -Wait, read until a read shows the new state. The record keeps the body the PUT
/// replaced.
/// </summary>
internal sealed class ToggleChange : ObjectChange<IOutboundObject>
{
    private readonly ToggleKind _kind;
    private readonly string _target;

    public ToggleChange(StateChangeExecutor.Services services, ToggleKind kind, IOutboundObject item, StateChangeRequest request, ThrottleSlot slot, CancellationToken cancel)
        : base(services, request, item, StateChangeExecutor.NewRecord(request, kind, item), slot, cancel)
    {
        _kind = kind;
        _target = kind.TargetOf(request.Action);
    }

    private string Noun => _kind.Noun;

    private string State => _kind.StateOf(Current);

    protected override string Subject => $"{_kind.Capitalized} '{Current.Name}'";

    protected override string? StatusOf(IOutboundObject view) => _kind.StateOf(view);

    protected override int VersionOf(IOutboundObject view) => view.Version;

    protected override Task<IOutboundObject> ReadAsync(CancellationToken cancellationToken) =>
        Services.Api.GetObjectAsync(_kind, Current.Id, Open.Stats, cancellationToken);

    protected override bool ShowsWrite(IOutboundObject view) => _kind.StateOf(view) == _target;

    protected override string? BodyReplacedBy(IOutboundObject from, string write) => from.ToJson();

    protected override string RefusedMessage(GenesysApiException ex) =>
        base.RefusedMessage(ex) + (ex.StatusCode == 403 ? $" Give the OAuth client's role {_kind.EditPermission}, in the {Noun}'s division." : string.Empty);

    protected override string ChangedThenFailedMessage() => ChangedMessage() + " What followed failed: see Warnings.";

    protected override async Task<GenesysCampaignStateChange> ChangeAsync()
    {
        while (true)
        {
            var decision = _kind.Decide(Request.Action, Current, Request.Force, Request.HeldCampaigns);
            if (decision.Warning is not null)
            {
                Open.Warnings.Add(decision.Warning);
            }

            if (decision.Kind == DecisionKind.Rejected)
            {
                return Done(StateChangeOutcome.Rejected, decision.Message, State, FailureKind.InvalidOperation, Failures.StateChangeRejected);
            }

            if (decision.Kind == DecisionKind.Unchanged)
            {
                // A PUT of ours whose answer was lost, and a read shows it applied, is ours (as for campaigns).
                return Written ? Done(StateChangeOutcome.Changed, ChangedMessage(), State) : Done(StateChangeOutcome.Unchanged, decision.Message, State);
            }

            if (Sending.Length == 0)
            {
                await WarnOfDependenciesAsync().ConfigureAwait(false);
            }

            if (await SendAsync(PutAsync).ConfigureAwait(false))
            {
                // Accepted; an answer that is not the whole object says nothing more: read it (a failed
                // read leaves the change recorded, with a warning).
                if (ReferenceEquals(Current, WrittenFrom))
                {
                    var from = WrittenFrom!;
                    Current = await ReadUntilAsync(read => read.Version > from.Version, Cancel).ConfigureAwait(false);
                }

                return await FinishAsync().ConfigureAwait(false);
            }
        }
    }

    private Task<IOutboundObject?> PutAsync()
    {
        Sending = "PUT " + _target;
        Services.Log.Verbose($"{Request.Action}: setting {Noun} '{Current.Name}' ({Current.Id}) from {State} to {_target} by PUT at version {Current.Version}.");
        return Services.Api.PutObjectAsync(_kind, Current, _kind.BodyWith(Current, _target), Open.Stats, Cancel);
    }

    /// <summary>What can undo the change of a sequence (its schedule, rules), as warnings; rules have none.</summary>
    private async Task WarnOfDependenciesAsync()
    {
        if (Current is GenesysCampaignSequence sequence && !Request.Hold)
        {
            (await Services.Dependencies().ConfigureAwait(false)).Check(sequence, Request.Action, Open.Warnings);
        }
    }

    /// <summary>
    /// Without -Wait, the state the PUT answered with. With it, reads each second until a read shows
    /// the object has settled, up to -Timeout: in the new state, or moved on from the PUT's answer
    /// (a newer version: a sequence that stopped itself because its campaign could not be started,
    /// say). The PUT's answer alone is not taken as settled, for Genesys acts on the change after it.
    /// </summary>
    private async Task<GenesysCampaignStateChange> FinishAsync()
    {
        LetSlotGo();
        if (!Request.Wait)
        {
            var unconfirmed = Current is GenesysCampaignSequence && State == _target && Request.Action == CampaignAction.Resume
                ? " Whether it runs is not confirmed (a sequence stops itself when its campaign cannot start): -Wait waits for that."
                : string.Empty;
            return Done(StateChangeOutcome.Changed, ChangedMessage() + SettledElsewhere() + unconfirmed, State);
        }

        var answered = Current;
        var deadline = Open.Elapsed + Request.Timeout;
        try
        {
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Cancel).ConfigureAwait(false);
                Current = await ReadAsync(Cancel).ConfigureAwait(false);
            }
            while (State != _target && Current.Version <= answered.Version && Open.Elapsed < deadline);
        }
        catch (OperationCanceledException) when (Cancel.IsCancellationRequested)
        {
            return Done(StateChangeOutcome.Changed, ChangedMessage() + " Stopped before a read showed it settled.", null);
        }

        if (Request.Action == CampaignAction.Resume && State != _target && Current.Version > answered.Version && Current is GenesysCampaignSequence { StopMessage: { Length: > 0 } stop })
        {
            // Accepted, and then the sequence stopped itself: the change did not reach what it leads to.
            return Done(StateChangeOutcome.Failed, $"{ChangedMessage()} It then stopped itself: {stop}", State, FailureKind.InvalidResult, Failures.StateNotReached);
        }

        if (State == _target || Current.Version > answered.Version)
        {
            return Done(StateChangeOutcome.Changed, ChangedMessage() + SettledElsewhere(), State);
        }

        return Done(StateChangeOutcome.TimedOut, $"{ChangedMessage()} Reads still showed it {State} after {Request.Timeout.TotalSeconds:0} s.", State, FailureKind.OperationTimeout, Failures.WaitTimedOut);
    }

    /// <summary>When the object as last seen is not in the state written (a sequence that stopped itself, say): what it is, and why.</summary>
    private string SettledElsewhere()
    {
        if (State == _target)
        {
            return string.Empty;
        }

        var why = Current is GenesysCampaignSequence { StopMessage: { Length: > 0 } stop } ? $" ({stop})" : string.Empty;
        return $" It is now {State}{why}: something else changed it.";
    }

    private string ChangedMessage()
    {
        var lost = ClaimedLostAnswer
            ? " The answer to the PUT was lost; a read then showed the change, so it is taken to have applied."
            : string.Empty;
        return $"{_kind.Capitalized} '{Current.Name}' set to {_target} (was {Open.Record.PreviousStatus}).{lost}";
    }
}

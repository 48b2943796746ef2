using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// The one change runner: what every object's change shares, whatever its kind. It owns the record
/// (one per object, whatever happens: <see cref="RunAsync"/>), the write as sent and as accepted,
/// the re-read on a stale view and the claim of a write whose answer was lost (<see cref="SendAsync"/>),
/// the throttle slot, and the reads that may lag a write. The code of a kind is only its decision,
/// its write and its read back: <see cref="CampaignChange"/>, <see cref="ToggleChange"/>,
/// <see cref="ScheduleChange"/>. Made and run once by <see cref="StateChangeExecutor"/>.
/// </summary>
/// <typeparam name="T">The object as read: its view, of which <see cref="Current"/> is the latest.</typeparam>
internal abstract class ObjectChange<T>
    where T : class
{
    private const string AnswerLost = " (answer lost)";
    private readonly List<string> _writes = new();
    private readonly ThrottleSlot _slot;
    private int _staleReads;

    protected ObjectChange(StateChangeExecutor.Services services, StateChangeRequest request, T view, GenesysCampaignStateChange record, ThrottleSlot slot, CancellationToken cancel)
    {
        Services = services;
        Request = request;
        Current = view;
        Open = new OpenRecord(record);
        Open.Stats.Turn = slot; // A 429 the change meets gives the slot up for its wait (GenesysApiClient.SendAsync).
        slot.WaitingChanged = waiting => services.Tally.Waiting(Open.Record, waiting);
        _slot = slot;
        Cancel = cancel;
    }

    protected StateChangeExecutor.Services Services { get; }

    protected StateChangeRequest Request { get; }

    protected CancellationToken Cancel { get; }

    /// <summary>The record while the change runs.</summary>
    protected OpenRecord Open { get; }

    /// <summary>The object as last seen: as given, then as each read or accepted write showed it.</summary>
    protected T Current { get; set; }

    /// <summary>
    /// The view "moved since" is measured against: the one the last accepted write was sent from, or, for a
    /// change that waits without writing (a campaign found turning off), the view it waits from; null until either.
    /// </summary>
    protected T? WrittenFrom { get; set; }

    /// <summary>The write being sent, as the record names it ("POST stop", "PUT off", "DELETE"); empty until one is.</summary>
    protected string Sending { get; set; } = string.Empty;

    /// <summary>Whether a write of this change was accepted (or claimed: its answer was lost, and a read showed it).</summary>
    protected bool Written => _writes.Count > 0;

    /// <summary>The writes accepted, as the record's WrittenWith names them; null until one is.</summary>
    protected string? WrittenWith => Written ? string.Join("; ", _writes) : null;

    /// <summary>Whether a write accepted was sent before the run's subscription to events was in place (its events may be missed).</summary>
    protected bool WroteBeforeSubscribed { get; private set; }

    /// <summary>The refusal that last sent the change round again as from a stale view (<see cref="SendAsync"/>); null until one did.</summary>
    protected GenesysApiException? StaleRefusal { get; private set; }

    /// <summary>Whether a write is taken to have applied though its answer was lost (the messages say so).</summary>
    protected bool ClaimedLostAnswer => _writes.Any(w => w.EndsWith(AnswerLost, StringComparison.Ordinal));

    /// <summary>The object, as messages name it ("Campaign 'Dialer-001'").</summary>
    protected abstract string Subject { get; }

    /// <summary>The status a view shows, as the record names it.</summary>
    protected abstract string? StatusOf(T view);

    /// <summary>The version a view shows.</summary>
    protected abstract int VersionOf(T view);

    /// <summary>Reads the object back (one GET).</summary>
    protected abstract Task<T> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The kind's change: decide, write (by <see cref="SendAsync"/>), read back; returns its record.</summary>
    protected abstract Task<GenesysCampaignStateChange> ChangeAsync();

    /// <summary>
    /// Whether a refusal of a write says the view it was sent from may be stale: by default any 409 or a
    /// 400 about the version (<see cref="ApiErrors.IsStaleVersion"/>); a kind says its own (a campaign adds
    /// an invalid transition; a schedule restore takes only a 400 or 409 after a lost answer).
    /// </summary>
    protected virtual bool IsStaleView(GenesysApiException ex) => ApiErrors.IsStaleVersion(ex);

    /// <summary>Whether a view shows what the write being sent would have made of the object (so a lost answer's write applied).</summary>
    protected abstract bool ShowsWrite(T view);

    /// <summary>The body a write from <paramref name="from"/> replaced (what an undo puts back), or null when it replaced none.</summary>
    protected virtual string? BodyReplacedBy(T from, string write) => null;

    /// <summary>The message of a record whose write was refused: the subject and Genesys's message, and the kind's hint.</summary>
    protected virtual string RefusedMessage(GenesysApiException ex) => $"{Subject}: {ex.Message}";

    /// <summary>The message of a record whose write was accepted and what followed failed.</summary>
    protected abstract string ChangedThenFailedMessage();

    /// <summary>
    /// The record, or null when Ctrl+C came before anything was sent. Whatever fails, an object that
    /// was reached gets its record: a change that stands though what followed failed, a refusal (with
    /// its outcome, failure kind and code: <see cref="ApiErrors.Classify"/>), a write that got no
    /// answer and may have applied, a stop after a write was sent, an answer no one expected.
    /// </summary>
    public async Task<GenesysCampaignStateChange?> RunAsync()
    {
        try
        {
            return await ChangeAsync().ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (Written)
        {
            // Something failed after a write was accepted (a read, a second write): the change stands.
            Open.Warnings.Add($"{Subject} was changed ({WrittenWith}); what followed failed: {ex.Message}");
            var unseen = ReferenceEquals(Current, WrittenFrom); // Not read since the write: its status is not known.
            var changed = Done(StateChangeOutcome.Changed, ChangedThenFailedMessage(), unseen ? null : StatusOf(Current));
            changed.CorrelationId ??= ex.CorrelationId;
            return changed;
        }
        catch (GenesysApiException ex)
        {
            var (outcome, failure) = ApiErrors.Classify(ex, turningOn: Request.Action == CampaignAction.Resume);
            var message = RefusedMessage(ex);

            // A write that got no answer from Genesys itself may have applied: its state is not known.
            var unknown = ex.AnswerLost && Sending.Length > 0;
            if (unknown)
            {
                message += $" {Sending} got no answer from Genesys and may have applied: check its status.";
            }

            var failed = Done(outcome, message, unknown ? null : StatusOf(Current), failure, ApiErrors.CodeOf(ex));

            // The refusing answer's correlation id (from its header, else the error body's contextId),
            // not that of a read made after it: it is the one Genesys support can trace.
            failed.CorrelationId = ex.CorrelationId ?? failed.CorrelationId;
            return failed;
        }
        catch (GenesysAuthenticationException ex)
        {
            return Done(StateChangeOutcome.Failed, ex.Message, StatusOf(Current), FailureKind.AuthenticationError, Failures.AuthenticationFailed);
        }
        catch (OperationCanceledException ex) when (Cancel.IsCancellationRequested && Written)
        {
            // Stopped (Ctrl+C) after a write was accepted: the change stands. Stopped before a second write
            // was sent (a Stop's force stop waiting out a 429, say), the object is as last read, if read since.
            var unseen = ReferenceEquals(Current, WrittenFrom);
            if (ex is RequestStoppedException stopped && (stopped.Sent == 0 || stopped.StoppedWhileRateLimited))
            {
                var wait = stopped.Sent == 0 ? string.Empty : " again after Genesys asked it to wait (HTTP 429, rate limited)";
                Open.Warnings.Add($"{Subject} was changed ({WrittenWith}); {Sending} was not sent{wait}: stopped (Ctrl+C) first.");
                return Done(StateChangeOutcome.Changed, ChangedThenFailedMessage(), unseen ? null : StatusOf(Current));
            }

            // Stopped while reading back a write that was accepted: where it went is not known. Reads are
            // cancellable, writes never are once sent.
            Open.Warnings.Add($"{Subject} was changed ({WrittenWith}); stopped (Ctrl+C) before it was read back: its status now is not known.");
            return Done(StateChangeOutcome.Changed, ChangedThenFailedMessage(), null);
        }
        catch (OperationCanceledException ex) when (Cancel.IsCancellationRequested)
        {
            // Stopped before any write was sent: nothing was, so no record. Stopped after one (while
            // waiting out its 429, or reading again after a conflict): it was attempted, so recorded.
            if (Open.Stats.WritesSent == 0)
            {
                return null;
            }

            if (ex is RequestStoppedException { StoppedWhileRateLimited: true } && StaleRefusal?.AnswerLost != true)
            {
                // Every attempt was answered and refused, the last with a 429: the status read is the status.
                return Done(StateChangeOutcome.Failed, $"{Subject}: stopped (Ctrl+C) while Genesys asked {Sending} to wait (HTTP 429, rate limited), before it was sent again; it was not applied.", StatusOf(Current), FailureKind.OperationTimeout, Failures.StoppedWhileRateLimited);
            }

            // It may have applied: its status is not known (the one read before it would say it had not).
            var refused = StaleRefusal is { } stale ? $", which Genesys refused as from a stale view ({stale.Message}), before it was sent again" : string.Empty;
            return Done(StateChangeOutcome.Failed, $"{Subject}: stopped after a write was sent ({WrittenWith ?? Sending}){refused}; check its status.", null, FailureKind.OperationTimeout, Failures.StoppedAfterWrite);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else went wrong (an answer no one expected), the object still gets its record.
            return Done(StateChangeOutcome.Failed, $"{Subject}: {ex.Message}", StatusOf(Current), FailureKind.InvalidOperation, Failures.Unexpected);
        }
    }

    /// <summary>
    /// Sends one write from the view held: <paramref name="write"/> names it in <see cref="Sending"/>
    /// and sends it (not cancellable once sent: it gets its record). True when it was accepted, with
    /// <see cref="Current"/> the answer if the write answered with the object. False when its refusal
    /// proved the view stale: the object was read again into <see cref="Current"/> (and a write whose
    /// answer was lost and which the read shows applied is claimed), so decide again. This is what
    /// happens on a 409, for every kind: at most <see cref="StateChangeRequest.MaxVersionRetries"/>
    /// times, then the refusal is thrown, as is any other.
    /// </summary>
    protected async Task<bool> SendAsync(Func<Task<T?>> write)
    {
        // A write that follows a wait (which let the slot go) takes one again; before the first write,
        // this is the last point at which Ctrl+C prevents it.
        await _slot.TakeAsync(Cancel).ConfigureAwait(false);
        if (!Written)
        {
            Cancel.ThrowIfCancellationRequested();
        }

        var from = Current;

        // Whether the subscription was in place before the write left, not when its answer came: one
        // answered after it may have applied, and published its event, before it (a missed settle).
        var subscribed = Services.Subscribed.IsCompleted;
        T? answer;
        try
        {
            answer = await write().ConfigureAwait(false);
        }
        catch (GenesysApiException ex) when (IsStaleView(ex) && _staleReads < Request.MaxVersionRetries)
        {
            _staleReads++;
            StaleRefusal = ex;
            bool moved;
            GenesysApiException? readFailed = null;
            try
            {
                moved = await ReadAgainAsync(ex).ConfigureAwait(false);
            }
            catch (GenesysApiException failed)
            {
                // The read is not the write: what the record tells is Genesys's refusal.
                (moved, readFailed) = (false, failed);
            }


            if (readFailed is not null)
            {
                Open.Warnings.Add($"{Subject} could not be read again after Genesys refused the write: {readFailed.Message}");
            }

            if (!moved)
            {
                throw; // The view was current (or could not be read): the refusal stands.
            }

            if (ex.AnswerLost && ShowsWrite(Current))
            {
                // An attempt went unanswered and its retry was refused because the object is already
                // where that write leads: that attempt is what moved it (the lesser error than calling
                // our own change someone else's).
                Wrote(from, Sending + AnswerLost, subscribed);
            }

            return false;
        }

        Wrote(from, Sending, subscribed);
        Current = answer ?? Current;
        return true;
    }

    /// <summary>
    /// Reads the object after a refusal that says the view may be stale. A version conflict proves
    /// Genesys holds a newer version, and a read right after may lag it, so it is read until it shows
    /// one. Any other is read until it shows a move: if it never does, the refusal is genuine (false).
    /// Ctrl+C stops the read (a write may have been sent: the record says to check the object).
    /// </summary>
    protected virtual async Task<bool> ReadAgainAsync(GenesysApiException ex)
    {
        var seen = Current;
        if (ApiErrors.IsStaleVersion(ex))
        {
            Services.Log.Verbose($"{Subject} changed since it was read (stale version {VersionOf(seen)}); reading it again.");
            Current = await ReadUntilAsync(read => VersionOf(read) > VersionOf(seen), Cancel).ConfigureAwait(false);
            return true;
        }

        Current = await ReadUntilAsync(read => Moved(read, seen), Cancel).ConfigureAwait(false);
        if (!Moved(Current, seen))
        {
            return false;
        }

        Services.Log.Verbose($"{Subject} was {StatusOf(Current)}, not {StatusOf(seen)} as read; deciding again.");
        return true;
    }

    /// <summary>
    /// The change writes no more, or waits before it writes again: its throttle slot goes to the next
    /// object, for the throttle bounds writes, not waits (50 campaigns take one settle, not five).
    /// </summary>
    protected void LetSlotGo() => _slot.Release();

    /// <summary>Whether a read shows the object moved from a view (a newer version or another status).</summary>
    protected bool Moved(T read, T from) => VersionOf(read) > VersionOf(from) || StatusOf(read) != StatusOf(from);

    /// <summary>Reads the object until <paramref name="shows"/> holds (<see cref="LaggingReads"/>).</summary>
    protected Task<T> ReadUntilAsync(Func<T, bool> shows, CancellationToken cancellationToken) =>
        LaggingReads.UntilAsync(ReadAsync, shows, cancellationToken);

    /// <summary>Closes the record: how the change ended, with the last version seen when the status is known.</summary>
    protected GenesysCampaignStateChange Done(StateChangeOutcome outcome, string message, string? finalStatus, FailureKind? failure = null, string? code = null) =>
        Open.Close(outcome, message, finalStatus, VersionOf(Current), WrittenWith, failure, code);

    private void Wrote(T from, string write, bool subscribedWhenSent)
    {
        _writes.Add(write);
        WroteBeforeSubscribed |= !subscribedWhenSent;
        _slot.Answered();
        Open.Written();
        Services.Tally.Accepted(Open.Record);
        WrittenFrom = from;
        Open.Record.ReplacedBody ??= BodyReplacedBy(from, write); // The body before the first write that replaced one.
    }
}

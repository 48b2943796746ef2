using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// One change's record while the change runs (a campaign's, a sequence's or a rule's): what the change
/// takes (requests, time, warnings) is counted here, and <see cref="Close"/> fills the record in, once
/// the change is over.
/// </summary>
internal sealed class OpenRecord
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _writeCorrelationId;
    private DateTime? _settledAt;

    public OpenRecord(GenesysCampaignStateChange record) => Record = record;

    /// <summary>The record as made when the change began (its object, action and state before).</summary>
    public GenesysCampaignStateChange Record { get; }

    /// <summary>The requests the change makes, counted.</summary>
    public RequestStats Stats { get; } = new();

    /// <summary>Cautions for the record, each kept once.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>
    /// A write of the change was accepted just now: the first sets the record's WrittenAt; the last gives
    /// its CorrelationId, the one Genesys support can trace (not that of a batched read made after it).
    /// </summary>
    public void Written()
    {
        Record.WrittenAt ??= DateTime.UtcNow;
        _writeCorrelationId = Stats.LastCorrelationId ?? _writeCorrelationId;
    }

    /// <summary>
    /// The object was seen in the state the change leads to, before the change is over (a Resume watches an
    /// on campaign 5 s more): the record's SettledAt, if it ends Changed and settled.
    /// </summary>
    public void Settled() => _settledAt ??= DateTime.UtcNow;

    /// <summary>Time since the change began.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Fills the record in with how the change ended; <paramref name="finalVersion"/> goes with a known final status only.</summary>
    public GenesysCampaignStateChange Close(StateChangeOutcome outcome, string message, string? finalStatus, int finalVersion, string? writtenWith, FailureKind? failure = null, string? code = null)
    {
        var record = Record;
        record.Outcome = outcome;
        record.Message = message;
        record.FinalStatus = finalStatus;
        record.FinalVersion = finalStatus is null ? null : finalVersion;
        record.Failure = failure;
        record.ErrorCode = code;
        record.WrittenWith = writtenWith;
        record.Warnings = Warnings.Distinct().ToArray();
        record.Attempts = Stats.Requests;
        record.CorrelationId = _writeCorrelationId ?? Stats.LastCorrelationId;
        record.DurationMs = _clock.ElapsedMilliseconds;
        record.Timestamp = DateTime.UtcNow;

        // Settled: a write of this change was accepted and the object was seen in a state it rests in.
        // Without -Wait a pause closes while the campaign is still stopping: no SettledAt.
        record.SettledAt = outcome == StateChangeOutcome.Changed && record.WrittenAt is not null && finalStatus is not null && !StateRules.IsTransitional(finalStatus)
            ? _settledAt ?? record.Timestamp
            : null;
        return record;
    }
}

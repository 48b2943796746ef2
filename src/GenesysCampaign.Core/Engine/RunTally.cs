using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// What a run has done so far, counted as it happens, from any thread: the objects whose write
/// Genesys accepted (<see cref="Accepted"/>, at the write, long before a stopping campaign settles)
/// and the records made (<see cref="Recorded"/>, as the executor publishes them, whether or not the
/// pipeline can still take them). What a changing cmdlet's progress, its end-of-run summary and its
/// warning after Ctrl+C say: <see cref="Progress"/>, <see cref="Summary"/>, <see cref="Interrupted"/>.
/// </summary>
internal sealed class RunTally
{
    private readonly object _gate = new();
    private readonly HashSet<string> _accepted = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GenesysCampaignStateChange> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _waiting = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised (on the thread that counted) after each write accepted and each record made.</summary>
    public event Action? Changed;

    /// <summary>Objects whose write Genesys accepted so far.</summary>
    public int AcceptedCount
    {
        get
        {
            lock (_gate)
            {
                return _accepted.Count;
            }
        }
    }

    /// <summary>Records made so far.</summary>
    public int RecordCount
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>The records made so far (the last of each object), in no set order.</summary>
    public IReadOnlyList<GenesysCampaignStateChange> Records()
    {
        lock (_gate)
        {
            return _records.Values.ToList();
        }
    }

    /// <summary>A write for the object <paramref name="record"/> is about was accepted (counted once per object).</summary>
    public void Accepted(GenesysCampaignStateChange record)
    {
        lock (_gate)
        {
            _accepted.Add(KeyOf(record));
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// The object was seen settled in <paramref name="status"/> before its record is made (a Resume watches an
    /// on campaign 5 s more): the progress says so from now, not "not settled yet" until the record.
    /// </summary>
    public void Seen(GenesysCampaignStateChange record, string status)
    {
        lock (_gate)
        {
            _seen[KeyOf(record)] = status;
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// The object's write waits out a 429 (<paramref name="waiting"/>), or no longer does: the progress says how
    /// many wait, so a rate-limited run does not read as hung (a new user's trial: 18 campaigns waited 10 s unsaid).
    /// </summary>
    public void Waiting(GenesysCampaignStateChange record, bool waiting)
    {
        lock (_gate)
        {
            if (waiting)
            {
                _waiting.Add(KeyOf(record));
            }
            else
            {
                _waiting.Remove(KeyOf(record));
            }
        }

        Changed?.Invoke();
    }

    /// <summary>The object's record was made: its outcome, and the status it was left in.</summary>
    public void Recorded(GenesysCampaignStateChange record)
    {
        lock (_gate)
        {
            _waiting.Remove(KeyOf(record));
            _records[KeyOf(record)] = record;
            if (record.WrittenWith is not null)
            {
                _accepted.Add(KeyOf(record)); // A write claimed after its answer was lost counts too.
            }
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// While the run goes, in a line: "12 writes accepted: 9 off, 3 not settled yet". An accepted
    /// write whose record is not made yet is one whose object has not settled (with -Wait) or not been
    /// read back; a record says the status it was left in (stopping, without -Wait).
    /// </summary>
    public string Progress()
    {
        lock (_gate)
        {
            var byStatus = CountsByStatus(_accepted.Select(key => _records.TryGetValue(key, out var record) ? record.FinalStatus ?? "not known" : _seen.TryGetValue(key, out var seen) ? seen : "not settled yet"));
            var unchanged = _records.Values.Count(r => r.WrittenWith is null && r.Outcome == StateChangeOutcome.Unchanged);
            var refused = _records.Values.Count(r => r.WrittenWith is null && r.Outcome != StateChangeOutcome.Unchanged);
            var line = _accepted.Count > 0 ? $"{Plural(_accepted.Count, "write")} accepted: " + string.Join(", ", byStatus) : "No write accepted yet";
            line += unchanged > 0 ? $"; {unchanged} with nothing to write" : string.Empty;
            line += _waiting.Count > 0 ? $"; {_waiting.Count} waiting out a rate limit (429)" : string.Empty;
            return refused > 0 ? $"{line}; {refused} refused or failed" : line;
        }
    }

    /// <summary>
    /// The end of a run, in a line: the records by outcome, writes against no-ops, the time it took, and
    /// where the campaigns were left, by status as last seen, so the console says whether contact stopped
    /// (a hold's "98 objects: 26 Changed, 72 Unchanged" did not, in a new user's trial).
    /// "Suspend-GenesysCampaign: 40 campaigns in 12.3 s: 31 Changed, 9 Unchanged. 31 written, 9 with nothing written. Campaigns as last seen: 38 off, 2 stopping."
    /// </summary>
    public string Summary(string command, string noun, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var records = _records.Values.ToList();
            var outcomes = Enum.GetValues(typeof(StateChangeOutcome)).Cast<StateChangeOutcome>()
                .Select(outcome => (outcome, count: records.Count(r => r.Outcome == outcome)))
                .Where(o => o.count > 0)
                .Select(o => $"{o.count} {o.outcome}");
            var written = records.Count(r => r.WrittenWith is not null);
            var line = $"{command}: {Plural(records.Count, NounOf(records.Select(r => r.ObjectKind), noun))} in {Seconds(elapsed)}";
            line += records.Count > 0 ? ": " + string.Join(", ", outcomes) + "." : ".";
            line += $" {written} written, {records.Count - written} with nothing written.";
            var campaigns = CountsByStatus(records.Where(r => r.ObjectKind == OutboundObjectKind.Campaign).Select(r => r.FinalStatus ?? "not known"));
            return campaigns.Count > 0 ? $"{line} Campaigns as last seen: {string.Join(", ", campaigns)}." : line;
        }
    }

    /// <summary>
    /// What -WhatIf would have done, in a line: "What if: Suspend-GenesysCampaign would write 21 of 96 campaigns and send
    /// nothing for 75; 2 given in error (see the errors)." Errors are the records of bad input.
    /// </summary>
    public string WhatIfSummary(string command, string noun, IReadOnlyList<PlannedChange> plans)
    {
        int errors, decided;
        List<OutboundObjectKind> kinds;
        lock (_gate)
        {
            errors = _records.Values.Count(r => r.Outcome is StateChangeOutcome.Rejected or StateChangeOutcome.Failed);
            decided = _records.Values.Count(r => r.Outcome == StateChangeOutcome.Unchanged); // Decided before the plan (a record given, not acted on).
            kinds = plans.Select(p => p.Target.ObjectKind).Concat(_records.Values.Where(r => r.Outcome == StateChangeOutcome.Unchanged).Select(r => r.ObjectKind)).ToList();
        }

        var writing = plans.Count(p => p.WouldWrite && p.NotSent is null);
        var total = plans.Count + decided;
        var line = $"What if: {command} would write {writing} of {Plural(total, NounOf(kinds, noun))}";
        line += writing < total ? $" and send nothing for {total - writing}" : string.Empty;
        return errors > 0 ? $"{line}; {errors} given in error (see the errors)." : line + ".";
    }

    /// <summary>
    /// After Ctrl+C: how many writes were sent, how many have settled; then, of the objects the run was to
    /// change (<paramref name="approved"/>), those left as they were: stopped while their write waited out a 429 (not
    /// applied), stopped after a write whose outcome is not known, not reached; where the audit log is, and the
    /// undo of what was written, by <paramref name="operationId"/>, when there is a log to undo from. The
    /// pipeline takes no records after Ctrl+C, so this line is all the console shows: a new user's trial stopped
    /// a hold during a rate limit and read "8 writes accepted: 8 settled" while 18 campaigns still dialed.
    /// </summary>
    public string Interrupted(string? auditLogPath, IEnumerable<IOutboundObject> approved, string? operationId = null)
    {
        lock (_gate)
        {
            var settled = _accepted.Count(key => _records.TryGetValue(key, out var r) && r.FinalStatus is { } s && !StateRules.IsTransitional(s));
            var line = $"Stopped (Ctrl+C) after {Plural(_accepted.Count, "write")} accepted by Genesys: {settled} settled, "
                + $"{_accepted.Count - settled} not yet (Genesys goes on with them; read them with Get-GenesysCampaign).";
            var unsent = _records.Values.Where(r => r.WrittenWith is null && r.ErrorCode == Failures.StoppedWhileRateLimited).ToList();
            if (unsent.Count > 0)
            {
                line += $" {Plural(unsent.Count, NounOf(unsent.Select(r => r.ObjectKind), "object"))} not changed: Genesys asked their writes to wait (429, rate limited) and they were not sent again; as last seen: {string.Join(", ", CountsByStatus(unsent.Select(r => r.FinalStatus ?? "not known")))}.";
            }

            var unknown = _records.Values.Count(r => r.WrittenWith is null && r.ErrorCode == Failures.StoppedAfterWrite);
            line += unknown > 0 ? $" {unknown} stopped after a write was sent, which may have applied: check their status." : string.Empty;
            var notReached = approved.Count(o => !_records.ContainsKey(KeyOf(o.ObjectKind, o.Id)) && !_accepted.Contains(KeyOf(o.ObjectKind, o.Id)));
            line += notReached > 0 ? $" {notReached} not reached: nothing was sent for them." : string.Empty;
            line += unsent.Count + notReached > 0 ? " Run the command again to change what is left." : string.Empty;
            var where = auditLogPath is null
                ? " No audit log was being written (-AuditLogPath or $env:GENESYS_CAMPAIGN_AUDIT_LOG)."
                : $" Every write sent has its line in the audit log '{auditLogPath}'.";

            // The records it would be found by never reached the console: the undo is named whole.
            var undo = auditLogPath is not null && operationId is not null && _accepted.Count > 0
                ? $" To put back what it changed: Get-GenesysCampaignAuditLog '{auditLogPath}' -OperationId {operationId} | Undo-GenesysCampaignChange."
                : string.Empty;
            return line + where + undo;
        }
    }

    private static string KeyOf(GenesysCampaignStateChange record) => KeyOf(record.ObjectKind, record.ObjectId);

    private static string KeyOf(OutboundObjectKind kind, string id) => kind + ":" + id;

    /// <summary>"9 off", "3 not settled yet": how many of each status, the most common first (ties as they first came).</summary>
    private static List<string> CountsByStatus(IEnumerable<string> statuses) =>
        statuses.GroupBy(status => status, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}").ToList();

    /// <summary>What the objects are called: their kind's noun when they are all of one kind (none: <paramref name="given"/>), else "object" (a hold, an undo).</summary>
    internal static string NounOf(IEnumerable<OutboundObjectKind> kinds, string given)
    {
        var distinct = kinds.Distinct().ToList();
        return distinct.Count switch
        {
            0 => given,
            1 => OutboundKinds.Noun(distinct[0]),
            _ => "object",
        };
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}

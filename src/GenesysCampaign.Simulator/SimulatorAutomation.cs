using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// What the simulated org does by itself: schedules turn their campaigns and sequences on and off as
/// the <see cref="SimulatorClock"/> passes their edges; a sequence turned on starts its current
/// campaign and, as each campaign becomes complete, the next; a triggered rule performs its actions.
/// Store callbacks only queue what changed; the work runs under this class's own lock, which is taken
/// before any store lock and never while one is held.
/// </summary>
internal sealed class SimulatorAutomation : IDisposable
{
    private const int MaxLog = 1000;

    private readonly object _pump = new();
    private readonly SimulatorState _state;
    private readonly ConcurrentQueue<Action> _queued = new();
    private readonly List<AutomationEntry> _log = [];
    private readonly Timer _timer;
    private DateTimeOffset _evaluatedUntil;

    public SimulatorAutomation(SimulatorState state)
    {
        _state = state;
        _evaluatedUntil = state.Clock.UtcNow;

        // Real time moves the clock too: a schedule edge a minute away is passed a minute later.
        _timer = new Timer(_ => RunQuietly(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    /// <summary>A copy of what the org did by itself, oldest first (the last 1000).</summary>
    public IReadOnlyList<AutomationEntry> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Store callback (under a store lock): a campaign changed; a completion may move a sequence on.</summary>
    public void CampaignChanged(string id, string json)
    {
        if (json.Contains("\"campaignStatus\":\"complete\"", StringComparison.Ordinal))
        {
            _queued.Enqueue(() => CampaignCompleted(id));
        }
    }

    /// <summary>Store callback (under the sequence store's lock): a sequence turned on starts running.</summary>
    public void SequenceChanged(string id, JsonObject? before, JsonObject after)
    {
        var was = JsonBodies.Text(before, "status");
        var now = JsonBodies.Text(after, "status");
        if (now == CampaignStatuses.On && was != CampaignStatuses.On)
        {
            var restart = was == CampaignStatuses.Complete;
            _queued.Enqueue(() => StartSequence(id, restart));
        }
        else if (now == CampaignStatuses.Off && was == CampaignStatuses.On && _state.Options.SequenceOffStopsCurrentCampaign)
        {
            _queued.Enqueue(() => StopCurrentCampaign(id));
        }
    }

    /// <summary>Passes every schedule edge up to the clock's now and runs everything queued, to the end.</summary>
    public void Run()
    {
        lock (_pump)
        {
            var now = _state.Clock.UtcNow;
            if (now > _evaluatedUntil)
            {
                PassSchedules(_evaluatedUntil, now);
                _evaluatedUntil = now;
            }

            // Each action may queue more (a campaign completed, a sequence turned on): run until quiet.
            for (var guard = 0; guard < 10_000 && _queued.TryDequeue(out var next); guard++)
            {
                next();
            }
        }
    }

    /// <summary>Makes the rule's condition true: if it is enabled, its actions run. Returns what they did.</summary>
    public IReadOnlyList<AutomationEntry> TriggerRule(string ruleId)
    {
        var rule = _state.CampaignRules.TryGet(ruleId) ?? throw new KeyNotFoundException($"No simulated campaign rule has id '{ruleId}'.");
        var entries = new List<AutomationEntry>();
        lock (_pump)
        {
            var source = "rule:" + JsonBodies.Text(rule, "id");
            if (rule["enabled"] is not JsonValue enabled || !enabled.TryGetValue<bool>(out var on) || !on)
            {
                entries.Add(Record(source, JsonBodies.Text(rule, "id") ?? ruleId, "trigger", "disabled"));
                return entries;
            }

            foreach (var action in (rule["campaignRuleActions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var type = JsonBodies.Text(action, "actionType") ?? string.Empty;
                var targets = action["campaignRuleActionEntities"] as JsonObject;
                if (targets?["useTriggeringEntity"] is JsonValue flag && flag.TryGetValue<bool>(out var triggering) && triggering)
                {
                    targets = rule["campaignRuleEntities"] as JsonObject;
                }

                entries.AddRange(Perform(source, type, targets));
            }
        }

        Run();
        return entries;
    }

    /// <summary>Marks the campaign complete (as its dialer would on finishing its list), then runs what follows.</summary>
    public void CompleteCampaign(string id)
    {
        var store = _state.StoreOf(id) ?? throw new KeyNotFoundException($"No simulated campaign has id '{id}'.");
        store.SetStatus(id, CampaignStatuses.Complete);
        Run();
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>The timer's run: a failure must not take the process down; the next tick tries again.</summary>
    private void RunQuietly()
    {
        try
        {
            Run();
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ObjectDisposedException or FormatException)
        {
            Record("timer", string.Empty, "run", "failed: " + ex.Message);
        }
    }

    private List<AutomationEntry> Perform(string source, string actionType, JsonObject? targets)
    {
        string[] campaignKeys = ["campaigns", "smsCampaigns", "emailCampaigns"];
        return actionType switch
        {
            "turnOnCampaign" or "turnOffCampaign" => campaignKeys
                .SelectMany(key => Ids(targets, key))
                .Select(id => TurnCampaign(source, id, actionType == "turnOnCampaign", actionType))
                .ToList(),
            "turnOnSequence" or "turnOffSequence" => Ids(targets, "sequences")
                .Select(id => TurnSequence(source, id, actionType == "turnOnSequence", actionType))
                .ToList(),
            _ => [Record(source, string.Join(",", campaignKeys.Append("sequences").SelectMany(k => Ids(targets, k))), actionType, "not simulated")],
        };
    }

    private void PassSchedules(DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var kind in ScheduleKind.All)
        {
            foreach (var schedule in kind.Store(_state).Snapshot())
            {
                // A jump over several edges applies only the last: the state the target would be in now.
                if (ScheduleEdges.LastEdge(schedule, from, to) is not { } on)
                {
                    continue;
                }

                var source = "schedule:" + JsonBodies.Text(schedule, "id");
                var target = JsonBodies.Text(schedule[kind.TargetKey], "id") ?? string.Empty;
                if (kind.TargetKey == "sequence")
                {
                    TurnSequence(source, target, on, on ? "on" : "off");
                }
                else
                {
                    TurnCampaign(source, target, on, on ? "on" : "off");
                }
            }
        }
    }

    /// <summary>On: from off, complete or forced_off, through the transition rules (the active caps apply). Off: from on only.</summary>
    private AutomationEntry TurnCampaign(string source, string id, bool on, string action)
    {
        var store = _state.StoreOf(id);
        if (store is null)
        {
            return Record(source, id, action, "not found");
        }

        var status = store.GetStatus(id);
        var wanted = on
            ? status is CampaignStatuses.Off or CampaignStatuses.Complete or CampaignStatuses.ForcedOff
            : status == CampaignStatuses.On;
        if (!wanted)
        {
            return Record(source, id, action, "unchanged");
        }

        var outcome = store.ChangeStatus(id, on ? CampaignStatuses.On : CampaignStatuses.Off);
        return Record(source, id, action, outcome.Json is null ? outcome.ErrorMessage ?? "refused" : "changed");
    }

    private AutomationEntry TurnSequence(string source, string id, bool on, string action)
    {
        var status = on ? CampaignStatuses.On : CampaignStatuses.Off;
        var changed = false;
        var outcome = _state.Sequences.Update(id, current =>
        {
            if (current is null)
            {
                return DocumentChange.Fail(404, GenesysErrorCodes.NotFound, "not found");
            }

            if (JsonBodies.Text(current, "status") == status || (!on && JsonBodies.Text(current, "status") == CampaignStatuses.Complete))
            {
                return DocumentChange.Fail(200, null, "unchanged");
            }

            current["status"] = status;
            changed = true;
            return DocumentChange.To(current);
        });
        return Record(source, id, action, changed ? "changed" : outcome.ErrorMessage ?? "unchanged");
    }

    /// <summary>The sequence just turned on: from the start when it had completed, then its current campaign runs.</summary>
    private void StartSequence(string id, bool restart)
    {
        if (restart)
        {
            _state.Sequences.Update(id, current => current is null ? DocumentChange.Fail(404, null, "gone") : DocumentChange.To(Reset(current)));
        }

        RunCurrent(id);
    }

    /// <summary>
    /// Turns on the running sequence's current campaign if it is off. A complete one moves the sequence on;
    /// an invalid one stops the sequence with the stop message of the fixture.
    /// </summary>
    private void RunCurrent(string sequenceId)
    {
        var sequence = _state.Sequences.TryGet(sequenceId);
        if (sequence is null || JsonBodies.Text(sequence, "status") != CampaignStatuses.On || CurrentCampaignId(sequence) is not { } campaignId)
        {
            return;
        }

        var source = "sequence:" + sequenceId;
        var store = _state.StoreOf(campaignId);
        var status = store?.GetStatus(campaignId);
        switch (status)
        {
            case CampaignStatuses.Complete:
                Advance(sequenceId, campaignId);
                return;
            case CampaignStatuses.Invalid or null:
                var name = JsonBodies.Text(CampaignRef(sequence, CurrentIndex(sequence)), "name") ?? campaignId;
                _state.Sequences.Update(sequenceId, current =>
                {
                    if (current is null)
                    {
                        return DocumentChange.Fail(404, null, "gone");
                    }

                    current["status"] = CampaignStatuses.Off;
                    current["stopMessage"] = $"Campaign {name} could not be started because it is {(status is null ? "missing" : "invalid")}.";
                    return DocumentChange.To(current);
                });
                Record(source, sequenceId, "off", $"campaign {campaignId} is {status ?? "missing"}");
                return;
            default:
                TurnCampaign(source, campaignId, on: true, "on");
                return;
        }
    }

    private void CampaignCompleted(string campaignId)
    {
        foreach (var sequence in _state.Sequences.Snapshot())
        {
            if (JsonBodies.Text(sequence, "status") == CampaignStatuses.On
                && string.Equals(CurrentCampaignId(sequence), campaignId, StringComparison.OrdinalIgnoreCase))
            {
                Advance(JsonBodies.Text(sequence, "id")!, campaignId);
            }
        }
    }

    /// <summary>The current campaign is complete: the next one runs, or the sequence completes (or, repeating, starts over).</summary>
    private void Advance(string sequenceId, string completedCampaignId)
    {
        var finished = false;
        var moved = false;
        _state.Sequences.Update(sequenceId, current =>
        {
            if (current is null || !string.Equals(CurrentCampaignId(current), completedCampaignId, StringComparison.OrdinalIgnoreCase))
            {
                return DocumentChange.Fail(409, null, "moved on already");
            }

            var count = (current["campaigns"] as JsonArray)?.Count ?? 0;
            var next = CurrentIndex(current) + 1;
            if (next < count)
            {
                current["currentCampaign"] = next;
            }
            else if (current["repeat"] is JsonValue repeat && repeat.TryGetValue<bool>(out var again) && again)
            {
                current["currentCampaign"] = 0;
            }
            else
            {
                current["status"] = CampaignStatuses.Complete;
                finished = true;
            }

            moved = true;
            return DocumentChange.To(current);
        });

        if (moved)
        {
            Record("sequence:" + sequenceId, sequenceId, finished ? "complete" : "advance", "changed");
            if (!finished)
            {
                RunCurrent(sequenceId);
            }
        }
    }

    private void StopCurrentCampaign(string sequenceId)
    {
        if (_state.Sequences.TryGet(sequenceId) is { } sequence && CurrentCampaignId(sequence) is { } campaignId)
        {
            TurnCampaign("sequence:" + sequenceId, campaignId, on: false, "off");
        }
    }

    private static JsonObject Reset(JsonObject sequence)
    {
        sequence["currentCampaign"] = 0;
        if (sequence.ContainsKey("stopMessage"))
        {
            sequence["stopMessage"] = null;
        }

        return sequence;
    }

    private static int CurrentIndex(JsonObject sequence) =>
        sequence["currentCampaign"] is JsonValue value && value.TryGetValue<int>(out var index) ? index : 0;

    private static JsonNode? CampaignRef(JsonObject sequence, int index) =>
        sequence["campaigns"] is JsonArray campaigns && index >= 0 && index < campaigns.Count ? campaigns[index] : null;

    private static string? CurrentCampaignId(JsonObject sequence) => JsonBodies.Text(CampaignRef(sequence, CurrentIndex(sequence)), "id");

    private static IEnumerable<string> Ids(JsonObject? entities, string key) =>
        (entities?[key] as JsonArray ?? []).Select(r => JsonBodies.Text(r, "id")).OfType<string>();

    private AutomationEntry Record(string source, string target, string action, string outcome)
    {
        var entry = new AutomationEntry(_state.Clock.UtcNow, source, target, action, outcome);
        lock (_log)
        {
            _log.Add(entry);
            if (_log.Count > MaxLog)
            {
                _log.RemoveAt(0);
            }
        }

        return entry;
    }
}

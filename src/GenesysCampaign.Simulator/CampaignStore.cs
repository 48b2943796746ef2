using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The campaigns, as the JSON documents Genesys would hold, plus the dialer timers that settle
/// <c>stopping</c>/<c>forced_stopping</c>. One lock guards everything: campaign counts are small and
/// correctness (version checks, the active cap) matters more than throughput here. Every change is
/// reported to the change callback while the lock is still held, so notifications about one
/// campaign leave in the order the changes happened (stopping before off).
/// </summary>
internal sealed class CampaignStore : IDisposable
{
    /// <summary>
    /// A caller that awaited Task.Delay(DialerDelay) must see the settled status, but Task.Delay runs on
    /// a coarse monotonic tick (4-16 ms) and can wake a little before the wall-clock deadline. Settling
    /// this much early is invisible to clients and makes that re-read deterministic. Capped at a quarter
    /// of the delay so an immediate re-read with a short delay still shows the transitional status.
    /// </summary>
    private static readonly TimeSpan MaxSettleTolerance = TimeSpan.FromMilliseconds(20);

    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _campaigns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PendingSettle> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StaleView> _stale = new(StringComparer.OrdinalIgnoreCase);

    // Each campaign's JSON text, made once per change (every change goes through Changed): a list
    // page is then a join of texts instead of copying and serialising 100 documents under the lock.
    private readonly Dictionary<string, string> _texts = new(StringComparer.OrdinalIgnoreCase);

    // The whole list in one sort order, kept until the next change: paging through thousands of
    // campaigns then sorts once, not once per page.
    private (long Changes, string Key, List<JsonObject> Sorted)? _sorted;
    private long _changes;
    private readonly SimulatorOptions _options;
    private readonly Action<string, string>? _changed;
    private readonly CampaignKind _kind;
    private readonly Dictionary<string, JsonObject> _failsToStart = new(StringComparer.OrdinalIgnoreCase);
    private readonly DialerJitter _jitter = new();
    private readonly CancellationTokenSource _disposed = new();
    private long _generation;

    /// <param name="options">Live options (dialer delay and jitter, active cap, stale-read window).</param>
    /// <param name="seed">The initial campaigns; seeding reports no changes.</param>
    /// <param name="changed">
    /// Called with the campaign id and its new JSON after every change, under the store lock: it must
    /// be quick and must not call back into the store.
    /// </param>
    /// <param name="kind">Voice (the default) or messaging: the active cap and the 404 wording.</param>
    public CampaignStore(SimulatorOptions options, IEnumerable<JsonObject> seed, Action<string, string>? changed = null, CampaignKind? kind = null)
    {
        _options = options;
        _changed = changed;
        _kind = kind ?? CampaignKind.Voice;
        lock (_gate)
        {
            foreach (var campaign in seed)
            {
                var id = IdOf(campaign);
                _campaigns[id] = campaign;
                if (CampaignTransitions.SettledStatus(StatusOf(campaign)) is not null)
                {
                    ScheduleSettle(id);
                }
            }
        }
    }

    /// <summary>What the store holds, as a 404 names it: <c>Campaign</c> or <c>Messaging campaign</c>.</summary>
    public string Noun => _kind.Noun;

    /// <summary>
    /// Makes a campaign one whose start Genesys accepts but the dialer cannot run (its contact list or
    /// queue gone): once turned on, after the dialer delay, it becomes <c>invalid</c> with
    /// <paramref name="error"/> (a RestErrorDetail) as its <c>errors[]</c>.
    /// </summary>
    public void FailToStart(string id, JsonObject error)
    {
        lock (_gate)
        {
            Get(id);
            _failsToStart[id] = error;
        }
    }

    /// <summary>Which campaigns it keeps.</summary>
    public CampaignKind Kind => _kind;

    /// <summary>
    /// Runs <paramref name="reader"/> under the lock, after settling due timers, over the campaigns as
    /// the API serves them (see <see cref="SimulatorOptions.StaleReadWindow"/>). The reader must copy what it keeps.
    /// </summary>
    public T Read<T>(Func<IEnumerable<JsonObject>, T> reader)
    {
        lock (_gate)
        {
            SettleDue();
            var now = DateTimeOffset.UtcNow;
            return reader(_stale.Count == 0 ? _campaigns.Values : _campaigns.Select(entry => Served(entry.Key, entry.Value, now)));
        }
    }

    /// <summary>
    /// Like <see cref="Read{T}"/> over every campaign in the order <paramref name="sort"/> gives,
    /// sorting only after a change or for a new <paramref name="sortKey"/>.
    /// </summary>
    public T ReadSorted<T>(string sortKey, Func<IEnumerable<JsonObject>, List<JsonObject>> sort, Func<List<JsonObject>, T> reader)
    {
        lock (_gate)
        {
            SettleDue();
            if (_stale.Count > 0)
            {
                var now = DateTimeOffset.UtcNow;
                return reader(sort(_campaigns.Select(entry => Served(entry.Key, entry.Value, now))));
            }

            if (_sorted is not { } cache || cache.Changes != _changes || cache.Key != sortKey)
            {
                _sorted = cache = (_changes, sortKey, sort(_campaigns.Values));
            }

            return reader(cache.Sorted);
        }
    }

    /// <summary>The campaign's JSON as a GET by id serves it: possibly stale, see <see cref="SimulatorOptions.StaleReadWindow"/>.</summary>
    public string? TryGetServedJson(string id)
    {
        lock (_gate)
        {
            SettleDue();
            return _campaigns.TryGetValue(id, out var campaign)
                ? SimulatorJson.Serialize(Served(id, campaign, DateTimeOffset.UtcNow))
                : null;
        }
    }

    public bool Exists(string id)
    {
        lock (_gate)
        {
            return _campaigns.ContainsKey(id);
        }
    }

    public string? TryGetJson(string id)
    {
        lock (_gate)
        {
            SettleDue();
            return _campaigns.TryGetValue(id, out var campaign) ? SimulatorJson.Serialize(campaign) : null;
        }
    }

    public string GetJson(string id) => TryGetJson(id) ?? throw NotFound(id);

    public string GetStatus(string id)
    {
        lock (_gate)
        {
            SettleDue();
            return StatusOf(Get(id));
        }
    }

    public int GetVersion(string id)
    {
        lock (_gate)
        {
            SettleDue();
            return VersionOf(Get(id));
        }
    }

    /// <summary>Sets a status directly (no transition rules), bumping the version as any edit does.</summary>
    public void SetStatus(string id, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        lock (_gate)
        {
            SettleDue();
            var campaign = Get(id);
            campaign["campaignStatus"] = status;
            Touch(campaign, DateTimeOffset.UtcNow);
            _pending.Remove(id);
            if (CampaignTransitions.SettledStatus(status) is not null)
            {
                ScheduleSettle(id);
            }

            Changed(campaign);
        }
    }

    /// <summary>Bumps the version as a concurrent editor would.</summary>
    public bool TryBumpVersion(string id)
    {
        lock (_gate)
        {
            SettleDue();
            if (!_campaigns.TryGetValue(id, out var campaign))
            {
                return false;
            }

            Touch(campaign, DateTimeOffset.UtcNow);
            Changed(campaign);
            return true;
        }
    }

    public void BumpVersion(string id)
    {
        if (!TryBumpVersion(id))
        {
            throw NotFound(id);
        }
    }

    /// <summary>
    /// Full replacement: the stored document becomes <paramref name="body"/> as sent, except for
    /// version, dateModified and campaignStatus, which the server owns. The version and the status
    /// transition are both checked, in the order <see cref="SimulatorOptions.CheckVersionFirst"/> says.
    /// </summary>
    public PutOutcome Put(string id, JsonObject body, int sentVersion, string? requestedStatus)
    {
        lock (_gate)
        {
            SettleDue();
            if (!_campaigns.TryGetValue(id, out var current))
            {
                return PutOutcome.Fail(404, GenesysErrorCodes.NotFound, $"{_kind.Noun} {id} not found");
            }

            var versionError = sentVersion == VersionOf(current)
                ? null
                : PutOutcome.Fail(409, _options.ConflictCode, CampaignTransitions.WrongVersionMessage);
            if (_options.CheckVersionFirst && versionError is not null)
            {
                return versionError;
            }

            var decision = Decide(current, requestedStatus ?? StatusOf(current), CampaignTransitions.Via.Put);
            if (!decision.Allowed)
            {
                return PutOutcome.Fail(400, decision.ErrorCode!, decision.ErrorMessage!);
            }

            return versionError ?? Apply(id, current, body, decision.NewStatus!);
        }
    }

    /// <summary>
    /// <c>POST .../start</c> (<paramref name="requestedStatus"/> <c>on</c>) or <c>.../stop</c> (<c>off</c>):
    /// no body and no version, so only the transition is checked; the stored document is kept.
    /// </summary>
    public PutOutcome ChangeStatus(string id, string requestedStatus)
    {
        lock (_gate)
        {
            SettleDue();
            if (!_campaigns.TryGetValue(id, out var current))
            {
                return PutOutcome.Fail(404, GenesysErrorCodes.NotFound, $"{_kind.Noun} {id} not found");
            }

            var decision = Decide(current, requestedStatus, CampaignTransitions.Via.Endpoint);
            if (!decision.Allowed)
            {
                return PutOutcome.Fail(400, decision.ErrorCode!, decision.ErrorMessage!);
            }

            var body = (JsonObject)current.DeepClone();
            return Apply(id, current, body, decision.NewStatus!);
        }
    }

    /// <summary>Must hold the lock.</summary>
    private TransitionDecision Decide(JsonObject current, string requested, CampaignTransitions.Via via)
    {
        var activeOthers = _campaigns.Values.Count(c => !ReferenceEquals(c, current) && CampaignStatuses.IsActive(StatusOf(c)));
        return CampaignTransitions.Decide(StatusOf(current), requested, activeOthers, _options, via, _kind);
    }

    /// <summary>
    /// <c>DELETE</c>: removes the campaign and answers with its last JSON. An active one (on, stopping)
    /// is refused unless <see cref="SimulatorOptions.AllowDeletingActiveCampaigns"/>: stricter, UNCONFIRMED.
    /// </summary>
    public PutOutcome Delete(string id)
    {
        lock (_gate)
        {
            SettleDue();
            if (!_campaigns.TryGetValue(id, out var current))
            {
                return PutOutcome.Fail(404, GenesysErrorCodes.NotFound, $"{_kind.Noun} {id} not found");
            }

            if (CampaignStatuses.IsActive(StatusOf(current)) && !_options.AllowDeletingActiveCampaigns)
            {
                return PutOutcome.Fail(400, GenesysErrorCodes.BadRequest, $"{_kind.Noun} {IdOf(current)} cannot be deleted while it is {StatusOf(current)}: stop it first");
            }

            var key = IdOf(current);
            _campaigns.Remove(key);
            _pending.Remove(key);
            _stale.Remove(key);
            _texts.Remove(key);
            _changes++;
            return PutOutcome.Ok(SimulatorJson.Serialize(current));
        }
    }

    /// <summary>Must hold the lock. Stores <paramref name="body"/> as the campaign's new document at the next version.</summary>
    private PutOutcome Apply(string id, JsonObject current, JsonObject body, string newStatus)
    {
        var currentStatus = StatusOf(current);
        var now = DateTimeOffset.UtcNow;
        body["version"] = VersionOf(current) + 1;
        body["dateModified"] = SeedRefs.Timestamp(now);
        body["campaignStatus"] = newStatus;
        _campaigns[id] = body;

        // The replaced document is never changed again (settles and bumps edit the stored one),
        // so keeping a reference to it is a safe snapshot.
        var window = _options.StaleReadWindow;
        if (window > TimeSpan.Zero)
        {
            _stale[id] = new StaleView(current, now + window);
        }

        // Re-sending the status while stopping keeps the running timer: the dialer does not restart.
        if (newStatus != currentStatus)
        {
            _pending.Remove(id);
            if (CampaignTransitions.SettledStatus(newStatus) is not null || (newStatus == CampaignStatuses.On && _failsToStart.ContainsKey(id)))
            {
                ScheduleSettle(id);
            }
        }

        // Every accepted change bumps the version, so every one is a change worth announcing.
        Changed(body);
        return PutOutcome.Ok(SimulatorJson.Serialize(body));
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private static string IdOf(JsonObject campaign) => campaign["id"]!.GetValue<string>();

    private static string StatusOf(JsonObject campaign) =>
        campaign["campaignStatus"] is JsonValue value && value.TryGetValue<string>(out var status) ? status : string.Empty;

    private static int VersionOf(JsonObject campaign) =>
        campaign["version"] is JsonValue value && value.TryGetValue<int>(out var version) ? version : 0;

    private static void Touch(JsonObject campaign, DateTimeOffset when)
    {
        campaign["version"] = VersionOf(campaign) + 1;
        campaign["dateModified"] = SeedRefs.Timestamp(when);
    }

    private static KeyNotFoundException NotFound(string id) => new($"No simulated campaign has id '{id}'.");

    private JsonObject Get(string id) => _campaigns.TryGetValue(id, out var campaign) ? campaign : throw NotFound(id);

    /// <summary>Must hold the lock. Reports a change with the document's own id, whatever casing the caller used.</summary>
    private void Changed(JsonObject campaign)
    {
        var id = IdOf(campaign);
        var json = SimulatorJson.Serialize(campaign);
        _texts[id] = json;
        _changes++;
        _changed?.Invoke(id, json);
    }

    /// <summary>
    /// Must hold the lock (call it from a <see cref="Read{T}"/> reader). The JSON text of a campaign as
    /// served; a stale snapshot (see <see cref="SimulatorOptions.StaleReadWindow"/>) is serialised afresh.
    /// </summary>
    public string TextOf(JsonObject served)
    {
        var id = IdOf(served);
        if (!_campaigns.TryGetValue(id, out var current) || !ReferenceEquals(current, served))
        {
            return SimulatorJson.Serialize(served);
        }

        if (!_texts.TryGetValue(id, out var text))
        {
            text = SimulatorJson.Serialize(served);
            _texts[id] = text;
        }

        return text;
    }

    /// <summary>Must hold the lock. The document a read serves: the pre-PUT snapshot while its window lasts.</summary>
    private JsonObject Served(string id, JsonObject campaign, DateTimeOffset now)
    {
        if (!_stale.TryGetValue(id, out var view))
        {
            return campaign;
        }

        if (view.Until > now)
        {
            return view.Before;
        }

        _stale.Remove(id);
        return campaign;
    }

    /// <summary>Must hold the lock. Arms a dialer timer for a campaign that just became transitional.</summary>
    private void ScheduleSettle(string id)
    {
        var delay = _options.DialerDelay + _jitter.Next(_options.DialerDelayJitter);
        var settle = new PendingSettle(DateTimeOffset.UtcNow + delay, ++_generation);
        _pending[id] = settle;

        // Task.Run so a zero delay cannot settle re-entrantly inside the caller's lock.
        _ = Task.Run(() => RunTimerAsync(id, settle));
    }

    private async Task RunTimerAsync(string id, PendingSettle settle)
    {
        try
        {
            while (true)
            {
                var wait = settle.Due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    // Timer and wall clock differ in granularity; the loop re-checks rather than trusting either.
                    await Task.Delay(wait, _disposed.Token).ConfigureAwait(false);
                }

                lock (_gate)
                {
                    SettleDue();
                    if (!_pending.TryGetValue(id, out var still) || still.Generation != settle.Generation)
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Simulator stopped; nothing left to settle.
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the loop check and Task.Delay.
        }
    }

    /// <summary>
    /// Must hold the lock. Settles every campaign whose timer is due. Called on every read too, so a
    /// re-read after the dialer delay always shows the settled status even if the timer runs late.
    /// </summary>
    private void SettleDue()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var tolerance = TimeSpan.FromTicks(Math.Min(MaxSettleTolerance.Ticks, _options.DialerDelay.Ticks / 4));
        var now = DateTimeOffset.UtcNow + tolerance;
        List<KeyValuePair<string, PendingSettle>>? due = null;
        foreach (var entry in _pending)
        {
            if (entry.Value.Due <= now)
            {
                (due ??= []).Add(entry);
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var (id, settle) in due)
        {
            _pending.Remove(id);
            if (!_campaigns.TryGetValue(id, out var campaign))
            {
                continue;
            }

            if (StatusOf(campaign) == CampaignStatuses.On && _failsToStart.TryGetValue(id, out var error))
            {
                campaign["campaignStatus"] = CampaignStatuses.Invalid;
                campaign["errors"] = new JsonArray(error.DeepClone());
                Touch(campaign, settle.Due);
                Changed(campaign);
            }
            else if (CampaignTransitions.SettledStatus(StatusOf(campaign)) is { } settled)
            {
                campaign["campaignStatus"] = settled;
                Touch(campaign, settle.Due);
                Changed(campaign);
            }
        }
    }

    private sealed record PendingSettle(DateTimeOffset Due, long Generation);

    private sealed record StaleView(JsonObject Before, DateTimeOffset Until);
}

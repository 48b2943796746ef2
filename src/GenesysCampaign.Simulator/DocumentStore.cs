using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Versioned JSON documents of one kind (sequences, campaign rules, one kind of schedule), in seed
/// order, keyed by their id or, for schedules, by the id of what they schedule. One lock per store;
/// the change callback runs under it and must only record the change (it must not call a store).
/// </summary>
internal sealed class DocumentStore
{
    private readonly object _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, JsonObject> _documents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<JsonObject, string> _keyOf;
    private readonly Action<string, JsonObject?, JsonObject>? _changed;

    /// <param name="noun">What a 404 calls one document: <c>Sequence</c>, <c>Campaign rule</c>, ...</param>
    /// <param name="seed">The initial documents; seeding reports no changes.</param>
    /// <param name="keyOf">The key of a document: its id, or the id of the entity it schedules.</param>
    /// <param name="changed">Called with the key, the replaced document (null when new) and the stored one.</param>
    public DocumentStore(string noun, IEnumerable<JsonObject> seed, Func<JsonObject, string> keyOf, Action<string, JsonObject?, JsonObject>? changed = null)
    {
        Noun = noun;
        _keyOf = keyOf;
        _changed = changed;
        foreach (var document in seed)
        {
            var key = keyOf(document);
            _order.Add(key);
            _documents[key] = document;
        }
    }

    /// <summary>What a 404 calls one document.</summary>
    public string Noun { get; }

    /// <summary>Copies of every document, in order.</summary>
    public List<JsonObject> Snapshot()
    {
        lock (_gate)
        {
            return _order.Select(key => (JsonObject)_documents[key].DeepClone()).ToList();
        }
    }

    /// <summary>A copy of the document with <paramref name="key"/>, or null.</summary>
    public JsonObject? TryGet(string key)
    {
        lock (_gate)
        {
            return _documents.TryGetValue(key, out var document) ? (JsonObject)document.DeepClone() : null;
        }
    }

    public bool Exists(string key)
    {
        lock (_gate)
        {
            return _documents.ContainsKey(key);
        }
    }

    /// <summary>
    /// Under the lock, <paramref name="change"/> sees a copy of the current document (null when there is
    /// none) and returns the next one or a failure. The next is stored at the next version, with
    /// <c>dateModified</c> now (and <c>dateCreated</c> when new).
    /// </summary>
    public PutOutcome Update(string key, Func<JsonObject?, DocumentChange> change)
    {
        lock (_gate)
        {
            _documents.TryGetValue(key, out var current);
            var decision = change(current is null ? null : (JsonObject)current.DeepClone());
            if (decision.Next is not { } next)
            {
                return decision.Failure ?? PutOutcome.Fail(500, GenesysErrorCodes.InternalServerError, "No change decided");
            }

            var now = SeedRefs.Timestamp(DateTimeOffset.UtcNow);
            next["version"] = (current is null ? 0 : VersionOf(current)) + 1;
            next["dateModified"] = now;
            if (current is null)
            {
                next["dateCreated"] ??= now;
                _order.Add(key);
            }

            _documents[key] = next;
            _changed?.Invoke(key, current, next);
            return PutOutcome.Ok(SimulatorJson.Serialize(next));
        }
    }

    /// <summary>Someone else saved the document unchanged: its version moves on (a PUT from the old view meets a 409).</summary>
    public void TryBumpVersion(string key) =>
        Update(key, current => current is null ? DocumentChange.Fail(404, GenesysErrorCodes.NotFound, $"{Noun} {key} not found") : DocumentChange.To(current));

    /// <summary>Removes the document; false when there was none.</summary>
    public bool Delete(string key)
    {
        lock (_gate)
        {
            if (!_documents.Remove(key))
            {
                return false;
            }

            _order.RemoveAll(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            return true;
        }
    }

    public static int VersionOf(JsonObject document) =>
        document["version"] is JsonValue value && value.TryGetValue<int>(out var version) ? version : 0;

    /// <summary>The key of a document as this store computes it.</summary>
    public string KeyOf(JsonObject document) => _keyOf(document);
}

/// <summary>What <see cref="DocumentStore.Update"/> is to store: the next document, or why not.</summary>
internal sealed record DocumentChange(JsonObject? Next, PutOutcome? Failure)
{
    public static DocumentChange To(JsonObject next) => new(next, null);

    public static DocumentChange Fail(int status, string? code, string message) => new(null, PutOutcome.Fail(status, code, message));
}

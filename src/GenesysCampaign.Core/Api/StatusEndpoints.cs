using System;
using System.Collections.Generic;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// Which of the start and stop endpoints one connection may use (docs/genesys-api.md: they need
/// <c>outbound:campaign:start</c> / <c>:stop</c>, and an org or proxy may lack them). Learned from the
/// first answer that tells and kept for the connection's life. Nobody waits for that first answer:
/// the writes sent before it try the endpoint too (an emergency pause's first wave goes out at once,
/// and a role that lacks the endpoint pays one refusal per write of that wave, not per campaign).
/// A 403 is not always the endpoint's: Genesys grants permissions per division, so one campaign's
/// 403 does not undo an endpoint that has worked (<see cref="HasWorked"/>), and an endpoint given
/// up on because of a 403 is tried again (<see cref="Forget"/>) when the PUT is refused too.
/// </summary>
internal sealed class StatusEndpoints
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Whether to try <paramref name="action"/> (<c>start</c> or <c>stop</c>): true unless it was learned to be unusable.</summary>
    public bool ShouldTry(string action)
    {
        lock (_gate)
        {
            return !_entries.TryGetValue(action, out var entry) || entry.Usable;
        }
    }

    /// <summary>
    /// Records what a use found. Returns true when this is news (the first refusal), so the caller
    /// says it once.
    /// </summary>
    public bool Learned(string action, bool usable, string? refusal = null)
    {
        lock (_gate)
        {
            var news = !_entries.TryGetValue(action, out var entry) || entry.Usable != usable;
            _entries[action] = new Entry(usable, usable ? null : refusal);
            return news && !usable;
        }
    }

    /// <summary>Whether the endpoint has been accepted on this connection (and not given up on since).</summary>
    public bool HasWorked(string action)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(action, out var entry) && entry.Usable;
        }
    }

    /// <summary>Forgets what was learned, so the next use finds out again.</summary>
    public void Forget(string action)
    {
        lock (_gate)
        {
            _entries.Remove(action);
        }
    }

    /// <summary>Why <paramref name="action"/>'s endpoint is not used, or null when it is (or is not known yet).</summary>
    public string? RefusalOf(string action)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(action, out var entry) ? entry.Refusal : null;
        }
    }

    private sealed record Entry(bool Usable, string? Refusal);
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// Which of the start and stop endpoints one connection may use (docs/genesys-api.md: they need
/// <c>outbound:campaign:start</c> / <c>:stop</c>, and an org or proxy may lack them). Learned from the
/// first answer and kept for the connection's life, so a bulk run pays for a refusal once: while
/// the first use of an endpoint is in flight, other uses of it wait for its answer, but never more
/// than <see cref="ProbeWait"/>; and once a first use ended without telling (a fault), nobody waits.
/// A 403 is not always the endpoint's: Genesys grants permissions per division, so one campaign's
/// 403 does not undo an endpoint that has worked (<see cref="HasWorked"/>), and an endpoint given
/// up on because of a 403 is tried again (<see cref="Forget"/>) when the PUT is refused too.
/// </summary>
internal sealed class StatusEndpoints
{
    /// <summary>The longest a write waits for the first use of its endpoint to tell.</summary>
    public static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(3);

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether to try <paramref name="action"/> (<c>start</c> or <c>stop</c>). True also when nothing is
    /// known yet: the caller is then the one that finds out, and must call <see cref="Learned"/> (or
    /// <see cref="Inconclusive"/>) once it has an answer.
    /// </summary>
    public async Task<bool> ShouldTryAsync(string action, CancellationToken cancellationToken)
    {
        var waitUntil = DateTime.UtcNow + ProbeWait;
        while (true)
        {
            Task probe;
            lock (_gate)
            {
                if (!_entries.TryGetValue(action, out var entry))
                {
                    _entries[action] = new Entry(null, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), null);
                    return true;
                }

                if (entry.Usable is { } usable)
                {
                    return usable;
                }

                if (entry.Probe is null)
                {
                    return true; // Unknown, and no longer waited for.
                }

                probe = entry.Probe.Task;
            }

            var left = waitUntil - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return true; // The first use is slow: go ahead rather than hold the run.
            }

            await Task.WhenAny(probe, Task.Delay(left, cancellationToken)).ConfigureAwait(false);

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Records what the first use found. Returns true when this is news (the first refusal), so the
    /// caller says it once.
    /// </summary>
    public bool Learned(string action, bool usable, string? refusal = null)
    {
        TaskCompletionSource<bool>? probe;
        bool news;
        lock (_gate)
        {
            _entries.TryGetValue(action, out var entry);
            news = entry?.Usable != usable;
            probe = entry?.Probe;
            _entries[action] = new Entry(usable, null, usable ? null : refusal);
        }

        probe?.TrySetResult(usable);
        return news && !usable;
    }

    /// <summary>
    /// A use ended without telling (a fault, a campaign that is gone): writes stop waiting and go
    /// ahead, and the first answer that tells is learned.
    /// </summary>
    public void Inconclusive(string action)
    {
        TaskCompletionSource<bool>? probe = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(action, out var entry) && entry.Usable is null && entry.Probe is not null)
            {
                probe = entry.Probe;
                _entries[action] = new Entry(null, null, null);
            }
        }

        probe?.TrySetResult(false);
    }

    /// <summary>Whether the endpoint has been accepted on this connection (and not given up on since).</summary>
    public bool HasWorked(string action)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(action, out var entry) && entry.Usable == true;
        }
    }

    /// <summary>Forgets what was learned, so the next use finds out again.</summary>
    public void Forget(string action)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(action, out var entry) && entry.Usable is not null)
            {
                _entries.Remove(action);
            }
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

    private sealed record Entry(bool? Usable, TaskCompletionSource<bool>? Probe, string? Refusal);
}

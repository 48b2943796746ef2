using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// Which of the start and stop endpoints one connection may use (genesys-api.md: they need
/// <c>outbound:campaign:start</c> / <c>:stop</c>, and an org or proxy may lack them). Learned from the
/// first answer and kept for the connection's life, so a bulk run pays for a refusal once: while
/// the first use of an endpoint is in flight, other uses of it wait for its answer.
/// </summary>
public sealed class StatusEndpoints
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether to try <paramref name="action"/> (<c>start</c> or <c>stop</c>). True also when nothing is
    /// known yet: the caller is then the one that finds out, and must call <see cref="Learned"/> (or
    /// <see cref="Inconclusive"/>) once it has an answer.
    /// </summary>
    public async Task<bool> ShouldTryAsync(string action, CancellationToken cancellationToken)
    {
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

                probe = entry.Probe!.Task;
            }

            var cancelled = new TaskCompletionSource<bool>();
            using (cancellationToken.Register(() => cancelled.TrySetCanceled()))
            {
                await Task.WhenAny(probe, cancelled.Task).ConfigureAwait(false);
            }

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

    /// <summary>The first use ended without telling (a fault, a campaign-specific refusal): the next use finds out.</summary>
    public void Inconclusive(string action)
    {
        TaskCompletionSource<bool>? probe = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(action, out var entry) && entry.Usable is null)
            {
                probe = entry.Probe;
                _entries.Remove(action);
            }
        }

        probe?.TrySetResult(false);
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

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Per-token sliding 60-second request budget, reported through the <c>inin-ratelimit-*</c> headers
/// and enforced with 429 when <see cref="SimulatorOptions.RateLimitPerMinute"/> is above 0.
/// </summary>
internal sealed class RateLimiter(SimulatorOptions options)
{
    /// <summary>
    /// UNCONFIRMED choice: with no limit configured the simulator still has to send
    /// <c>inin-ratelimit-allowed</c>; a large number keeps clients that pace themselves from slowing down.
    /// </summary>
    public const int UnlimitedAllowed = 1_000_000;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts a request against <paramref name="key"/> unless the budget is spent.</summary>
    public RateLimitState TryAcquire(string key)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            var window = Trim(key, now);
            var limit = options.RateLimitPerMinute;
            if (limit > 0 && window.Count >= limit)
            {
                return State(window, now, limit, allowed: false);
            }

            window.Enqueue(now);
            return State(window, now, limit, allowed: true);
        }
    }

    /// <summary>Reports the budget without counting a request (for rejected or non-API requests).</summary>
    public RateLimitState Peek(string key)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            return State(Trim(key, now), now, options.RateLimitPerMinute, allowed: true);
        }
    }

    private Queue<DateTimeOffset> Trim(string key, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            window = new Queue<DateTimeOffset>();
            _windows[key] = window;
        }

        while (window.Count > 0 && now - window.Peek() >= Window)
        {
            window.Dequeue();
        }

        return window;
    }

    private static RateLimitState State(Queue<DateTimeOffset> window, DateTimeOffset now, int limit, bool allowed)
    {
        // Seconds until the oldest counted request leaves the window, at least 1 so clients always wait.
        var reset = window.Count == 0 ? 60 : Math.Max(1, (int)Math.Ceiling((window.Peek() + Window - now).TotalSeconds));
        return new RateLimitState(allowed, limit > 0 ? limit : UnlimitedAllowed, window.Count, reset);
    }
}

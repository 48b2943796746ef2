using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Resilience;

/// <summary>
/// Paces requests by the <c>inin-ratelimit-allowed/count/reset</c> headers every answer carries, so
/// a bulk run waits for the window to turn over instead of provoking 429s. Shared by every request
/// of one connection (the budget is per token). 429 handling stays as the backstop.
/// </summary>
internal sealed class RateBudget
{
    /// <summary>Requests left unspent in each window, for other clients sharing the token.</summary>
    internal const int Reserve = 2;

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The budget is a per-minute window (docs/genesys-api.md), so no reset is further off than this. A
    /// larger value (an epoch time, say) is read as this rather than as a reason to stop for years.
    /// </summary>
    private static readonly TimeSpan LongestWindow = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private readonly Func<DateTime> _clock;
    private int _allowed;
    private int _used;
    private DateTime _resetAt;

    /// <summary>Creates an empty budget: nothing is paced until an answer says what the limit is.</summary>
    public RateBudget(Func<DateTime>? clock = null) => _clock = clock ?? (() => DateTime.UtcNow);

    /// <summary>Requests a minute Genesys allows when no answer has said yet (docs/genesys-api.md: 300 per client-credentials token).</summary>
    public const int DefaultAllowedPerMinute = 300;

    /// <summary>Requests allowed in the window, as the last answer said; <see cref="DefaultAllowedPerMinute"/> until one has.</summary>
    public int Allowed
    {
        get
        {
            lock (_gate)
            {
                return _allowed > 0 ? _allowed : DefaultAllowedPerMinute;
            }
        }
    }

    /// <summary>
    /// The shortest interval between polls of <paramref name="campaigns"/> campaigns (one list request
    /// per 100 each time) that keeps polling within half of the budget, leaving the rest to the writes
    /// and to whatever else shares the token.
    /// </summary>
    public TimeSpan PollingInterval(int campaigns)
    {
        var requestsPerPoll = Math.Max(1, (campaigns + 99) / 100);
        return TimeSpan.FromMinutes(requestsPerPoll / (Allowed / 2.0));
    }

    /// <summary>
    /// Whether the last answer said the token's window still had room: a 429 then is one resource's own
    /// limit (docs/genesys-api.md: some limits are per resource), not the token's. False when no answer said.
    /// </summary>
    public bool HasRoom
    {
        get
        {
            lock (_gate)
            {
                return _allowed > 0 && _used < _allowed;
            }
        }
    }

    /// <summary>Times a request had to wait for the window (for tests and the benchmark).</summary>
    public int Waits { get; private set; }

    /// <summary>Waits, if the window is spent, until it resets; then counts the request.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var waited = false;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _clock();
                if (now >= _resetAt && _resetAt != default)
                {
                    _used = 0;
                    _resetAt = default;
                }

                // The reserve never takes the whole window (an allowance of 1 or 2 still lets requests
                // through), and with no reset time known there is nothing to wait for.
                if (_allowed <= 0 || _resetAt == default || _used < _allowed - Math.Min(Reserve, _allowed - 1))
                {
                    _used++;
                    return;
                }

                wait = _resetAt - now;
                if (!waited)
                {
                    waited = true;
                    Waits++;
                }
            }

            // Timers may fire a little early; never spin on sub-millisecond delays.
            await Task.Delay(wait > MinimumWait ? wait : MinimumWait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes what an answer's headers say; unparsable values are ignored.</summary>
    public void Observe(string? allowed, string? count, string? resetSeconds)
    {
        if (!int.TryParse(allowed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) || a <= 0
            || !int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c)
            || !double.TryParse(resetSeconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            || double.IsNaN(r))
        {
            return;
        }

        lock (_gate)
        {
            _allowed = a;
            _used = Math.Max(c, 0);
            _resetAt = _clock() + TimeSpan.FromSeconds(Math.Min(Math.Max(r, 0), LongestWindow.TotalSeconds));
        }
    }
}

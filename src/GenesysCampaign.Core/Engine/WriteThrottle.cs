using System;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// How many changes of one run may write at once: at most <c>-ThrottleLimit</c>, fewer after a 429 that
/// was not one resource's own (the token's budget spent, or not said). Such a 429 halves the places
/// (at most once per the wait it asked for, never below one); each write accepted after it gives one
/// back, so the number in flight comes back as answers flow again. A place given up is not handed out
/// again until it is owed back (<see cref="Release"/> keeps it).
/// </summary>
internal sealed class WriteThrottle : IDisposable
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _places;
    private readonly int _most;
    private readonly Func<DateTime> _clock;
    private int _owed;      // Places to keep as they come back (a shrink not yet served).
    private int _kept;      // Places kept out of use.
    private DateTime _shrunkUntil;

    /// <summary>A throttle of <paramref name="most"/> places (at least one).</summary>
    public WriteThrottle(int most, Func<DateTime>? clock = null)
    {
        _most = Math.Max(1, most);
        _places = new SemaphoreSlim(_most);
        _clock = clock ?? (() => DateTime.UtcNow);
    }

    /// <summary>Places in use or free now: <c>-ThrottleLimit</c> less those given up after 429s.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _most - _owed - _kept;
            }
        }
    }

    /// <summary>Waits for a place.</summary>
    public Task TakeAsync(CancellationToken cancellationToken) => _places.WaitAsync(cancellationToken);

    /// <summary>Gives a place back: to the next write, or kept while the throttle is shrunk.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (_owed > 0)
            {
                _owed--;
                _kept++;
                return;
            }
        }

        _places.Release();
    }

    /// <summary>A 429 not of one resource's own: halves the places, unless they were halved within the last wait asked.</summary>
    public void RateLimited(TimeSpan wait)
    {
        lock (_gate)
        {
            var now = _clock();
            var limit = _most - _owed - _kept;
            if (now < _shrunkUntil || limit <= 1)
            {
                return;
            }

            _owed += limit - Math.Max(1, limit / 2);
            _shrunkUntil = now + wait;
        }
    }

    /// <summary>A write was accepted: one place given up comes back.</summary>
    public void Answered()
    {
        lock (_gate)
        {
            if (_owed > 0)
            {
                _owed--;
                return;
            }

            if (_kept == 0)
            {
                return;
            }

            _kept--;
        }

        _places.Release();
    }

    /// <inheritdoc />
    public void Dispose() => _places.Dispose();
}

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Counts <c>/api/v2</c> requests in flight and remembers the most seen at once, overall and for PUTs,
/// so a benchmark can check that a client keeps to its concurrency limit. Lock-free: it sits on every request.
/// </summary>
internal sealed class ConcurrencyTracker
{
    private int _inFlight;
    private int _writesInFlight;
    private int _maxRequests;
    private int _maxWrites;
    private long _requests;

    public int MaxRequests => Volatile.Read(ref _maxRequests);

    public int MaxWrites => Volatile.Read(ref _maxWrites);

    /// <summary>API requests started since the simulator started or since <see cref="Reset"/>.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Counts a request in; the returned lease counts it out once, however often it is ended.</summary>
    public Lease Enter(bool isWrite)
    {
        Interlocked.Increment(ref _requests);
        RaiseMax(ref _maxRequests, Interlocked.Increment(ref _inFlight));
        if (isWrite)
        {
            RaiseMax(ref _maxWrites, Interlocked.Increment(ref _writesInFlight));
        }

        return new Lease(this, isWrite);
    }

    /// <summary>
    /// Starts the maxima again from what is in flight now (not from 0, which would hide requests
    /// already running) and zeroes the request count.
    /// </summary>
    public void Reset()
    {
        Volatile.Write(ref _maxRequests, Volatile.Read(ref _inFlight));
        Volatile.Write(ref _maxWrites, Volatile.Read(ref _writesInFlight));
        Interlocked.Exchange(ref _requests, 0);
    }

    private static void RaiseMax(ref int max, int value)
    {
        var seen = Volatile.Read(ref max);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private void Exit(bool isWrite)
    {
        Interlocked.Decrement(ref _inFlight);
        if (isWrite)
        {
            Interlocked.Decrement(ref _writesInFlight);
        }
    }

    /// <summary>One request's place in the count.</summary>
    internal sealed class Lease(ConcurrencyTracker tracker, bool isWrite)
    {
        private int _ended;

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                tracker.Exit(isWrite);
            }
        }
    }
}

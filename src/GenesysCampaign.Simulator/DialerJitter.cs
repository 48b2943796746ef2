namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The random extra wait of each dialer settle (<see cref="SimulatorOptions.DialerDelayJitter"/>).
/// One seeded generator behind a lock: <see cref="Random"/> is not thread-safe and a fixed seed
/// makes a benchmark run repeat.
/// </summary>
internal sealed class DialerJitter
{
    private readonly object _gate = new();
    private readonly Random _random = new(1234);

    /// <summary>A uniform draw in [0, <paramref name="max"/>]; zero (and no draw) when there is no jitter.</summary>
    public TimeSpan Next(TimeSpan max)
    {
        if (max <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            return TimeSpan.FromTicks(_random.NextInt64(max.Ticks + 1));
        }
    }
}

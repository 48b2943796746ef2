namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The simulated org's wall clock for schedules: real UTC time plus an offset that only grows
/// (<see cref="GenesysSimulator.AdvanceClock"/>, <c>POST /__sim/clock/advance</c>). Timestamps,
/// dialer delays, tokens and channels stay on real time.
/// </summary>
internal sealed class SimulatorClock
{
    private long _offsetTicks;

    /// <summary>Real UTC time plus the offset.</summary>
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow + Offset;

    /// <summary>How far the clock has been moved ahead of real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock ahead; it never goes back, so an edge already passed is never passed twice.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero, nameof(by));
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}

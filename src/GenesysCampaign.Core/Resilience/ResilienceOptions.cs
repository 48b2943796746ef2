using System;

namespace GenesysCloud.Outbound.Resilience;

/// <summary>Every knob of the retry pipeline, in one place (docs/ARCHITECTURE.md, "Where each rule lives").</summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries after the first attempt (429, 502/503/504, network faults, non-JSON answers).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Wait for a 429 that carries no Retry-After (the .NET SDK's 3 s).</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A 429 asking for longer than this is not waited out: the request fails (the .NET SDK's 180 s).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>First backoff for 5xx and network faults; doubled each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest single backoff.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>One HTTP attempt (its token fetch, then its send and answer) may take this long before it counts as a fault; time queued for a turn is not the attempt's.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>No retry starts once one request's attempts and waits have taken this long; time queued for a turn (the rate budget, a place among the writes) is not counted.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Which requests get a fault and how often. The injector copies the rule when it is added,
/// so changing this object afterwards has no effect.
/// </summary>
public sealed class FaultRule
{
    /// <summary>The failure to inject.</summary>
    public FaultKind Kind { get; set; }

    /// <summary>HTTP method to match (case-insensitive); null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Substring of the path to match (case-insensitive), e.g. a campaign id; null matches any.</summary>
    public string? PathContains { get; set; }

    /// <summary>How many matching requests get the fault before the rule is spent. Ignored when <see cref="Rate"/> is above 0.</summary>
    public int Count { get; set; } = 1;

    /// <summary>
    /// When above 0, each matching request gets the fault with this probability and the rule never
    /// wears out. Draws come from a per-rule <c>Random(42)</c>, so runs repeat.
    /// </summary>
    public double Rate { get; set; }

    /// <summary>
    /// When true, the first request to each distinct path that matches gets the fault and later ones
    /// go through; the rule never wears out (<see cref="Count"/> and <see cref="Rate"/> are ignored). With
    /// <see cref="FaultKind.RateLimit429"/> on <c>/stop</c>: a per-resource limit met by every campaign's first stop.
    /// </summary>
    public bool OncePerPath { get; set; }

    /// <summary>Seconds sent in <c>Retry-After</c> for <see cref="FaultKind.RateLimit429"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Delay for <see cref="FaultKind.Slow"/>.</summary>
    public int DelayMs { get; set; } = 2000;

    /// <summary>The message of <see cref="FaultKind.BadRequest400"/>, when not the default one.</summary>
    public string? Message { get; set; }

    /// <summary>The status <see cref="FaultKind.ConcurrentStatus"/> sets.</summary>
    public string Status { get; set; } = "stopping";

    internal FaultRule Copy() => (FaultRule)MemberwiseClone();
}

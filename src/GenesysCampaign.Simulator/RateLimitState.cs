namespace GenesysCloud.Outbound.Simulator;

/// <summary>What the <c>inin-ratelimit-*</c> headers report for one request.</summary>
internal sealed record RateLimitState(bool Allowed, int Limit, int Count, int ResetSeconds);

using System;

namespace GenesysCloud.Outbound.Resilience;

/// <summary>
/// An answer that is not what Genesys sends (an HTML page from a proxy, a truncated body): treated
/// as a transient fault and retried, never parsed.
/// </summary>
internal sealed class TransientResponseException : Exception
{
    public TransientResponseException(int statusCode, string message, string? correlationId)
        : base(message)
    {
        StatusCode = statusCode;
        CorrelationId = correlationId;
    }

    public int StatusCode { get; }

    public string? CorrelationId { get; }
}

namespace GenesysCloud.Outbound.Api;

/// <summary>One HTTP answer, read whole: status, body text and the headers the module uses.</summary>
internal sealed class ApiResponse
{
    public ApiResponse(int statusCode, string body, string? correlationId, double? retryAfterSeconds)
    {
        StatusCode = statusCode;
        Body = body;
        CorrelationId = correlationId;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int StatusCode { get; }

    public string Body { get; }

    /// <summary>The <c>inin-correlation-id</c> header.</summary>
    public string? CorrelationId { get; }

    /// <summary>The <c>Retry-After</c> header in seconds, when present.</summary>
    public double? RetryAfterSeconds { get; }

    public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
}

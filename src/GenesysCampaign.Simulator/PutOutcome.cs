namespace GenesysCloud.Outbound.Simulator;

/// <summary>Result of a campaign PUT: the stored JSON on success, else an HTTP status and Genesys error code (which may be absent).</summary>
internal sealed record PutOutcome(int HttpStatus, string? Json, string? ErrorCode, string? ErrorMessage)
{
    public static PutOutcome Ok(string json) => new(200, json, null, null);

    public static PutOutcome Fail(int status, string? code, string message) => new(status, null, code, message);
}

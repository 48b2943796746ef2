namespace GenesysCloud.Outbound.Api;

/// <summary>
/// Where Core reports what it does, for verbose/debug streams. Called from any thread: the
/// PowerShell side queues the lines and writes them on the pipeline thread. Never given a secret.
/// </summary>
internal interface IOperationLog
{
    /// <summary>A step a user may want to see with -Verbose.</summary>
    void Verbose(string message);

    /// <summary>Request-level detail for -Debug (redacted: no tokens, no secrets).</summary>
    void Debug(string message);
}

/// <summary>A log that drops everything.</summary>
internal sealed class NullOperationLog : IOperationLog
{
    /// <summary>The one instance.</summary>
    public static readonly NullOperationLog Instance = new();

    /// <inheritdoc />
    public void Verbose(string message)
    {
    }

    /// <inheritdoc />
    public void Debug(string message)
    {
    }
}

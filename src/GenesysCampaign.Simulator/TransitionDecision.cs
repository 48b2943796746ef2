namespace GenesysCloud.Outbound.Simulator;

/// <summary>Outcome of asking for a <c>campaignStatus</c> change: the status to store, or a 400 error.</summary>
internal sealed record TransitionDecision(string? NewStatus, string? ErrorCode, string? ErrorMessage)
{
    public bool Allowed => NewStatus is not null;

    public static TransitionDecision To(string status) => new(status, null, null);

    public static TransitionDecision Reject(string code, string message) => new(null, code, message);
}

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// The one table from a failure to what a record says of it: its outcome, its failure kind (which
/// a host maps to its own error categories) and its <see cref="GenesysCampaignStateChange.ErrorCode"/>.
/// ErrorCode is Genesys's own <c>code</c> when Genesys refused the request and gave one; otherwise one
/// of the module's codes below, written in Genesys's style (lowercase words joined by dots), so a
/// log filtered on ErrorCode meets one vocabulary.
/// </summary>
internal static class Failures
{
    /// <summary>An id that cannot be a campaign id: no request was made for it.</summary>
    public const string InvalidCampaignId = "invalid.campaign.id";

    /// <summary>A well-formed id that matched no campaign.</summary>
    public const string CampaignNotFound = "campaign.not.found";

    /// <summary>A well-formed id that matched no sequence.</summary>
    public const string SequenceNotFound = "sequence.not.found";

    /// <summary>A well-formed id that matched no campaign rule.</summary>
    public const string CampaignRuleNotFound = "campaign.rule.not.found";

    /// <summary>An id that cannot be a sequence id: no request was made for it.</summary>
    public const string InvalidSequenceId = "invalid.sequence.id";

    /// <summary>An id that cannot be a campaign rule id: no request was made for it.</summary>
    public const string InvalidCampaignRuleId = "invalid.campaign.rule.id";

    /// <summary>A change record given to an undo that cannot be used (its saved body is damaged): nothing was sent for it.</summary>
    public const string RecordUnreadable = "change.record.unreadable";

    /// <summary>The state rules refuse the change from the campaign's status (invalid, complete without -Force, ...).</summary>
    public const string StateChangeRejected = "state.change.rejected";

    /// <summary>The campaign is in a running sequence and -Force was not given.</summary>
    public const string CampaignInRunningSequence = "campaign.in.running.sequence";

    /// <summary>Turning the campaign on would pass the org's limit of active campaigns of its kind; nothing was sent.</summary>
    public const string ActiveCampaignLimit = "active.campaign.limit";

    /// <summary>The campaign did not settle within -Timeout.</summary>
    public const string WaitTimedOut = "wait.timed.out";

    /// <summary>
    /// The write was accepted but the object settled elsewhere than it leads, for a reason of its own: a
    /// campaign left invalid by its start (its errors[] say why), a sequence that stopped itself (its stopMessage).
    /// </summary>
    public const string StateNotReached = "state.not.reached";

    /// <summary>Stopped (Ctrl+C) after a write was sent: it may have applied.</summary>
    public const string StoppedAfterWrite = "stopped.after.write";

    /// <summary>Stopped (Ctrl+C) while a write waited out Genesys's 429 before it was sent again: every attempt was refused, so it was not applied.</summary>
    public const string StoppedWhileRateLimited = "stopped.while.rate.limited";

    /// <summary>Something no one expected (a bug or an answer beyond the contract); the message says what.</summary>
    public const string Unexpected = "unexpected.error";

    /// <summary>The credentials were refused while the change was under way.</summary>
    public const string AuthenticationFailed = "authentication.failed";

    /// <summary>No answer from Genesys (network fault, timeout) after every retry.</summary>
    public const string ConnectionFailed = "connection.failed";

    /// <summary>The ErrorCode of an id of <paramref name="kind"/> that matched nothing.</summary>
    public static string NotFound(OutboundObjectKind kind) => kind switch
    {
        OutboundObjectKind.Sequence => SequenceNotFound,
        OutboundObjectKind.CampaignRule => CampaignRuleNotFound,
        _ => CampaignNotFound,
    };

    /// <summary>The ErrorCode of a given id that cannot be one of <paramref name="kind"/>.</summary>
    public static string InvalidId(OutboundObjectKind kind) => kind switch
    {
        OutboundObjectKind.Sequence => InvalidSequenceId,
        OutboundObjectKind.CampaignRule => InvalidCampaignRuleId,
        _ => InvalidCampaignId,
    };

    /// <summary>The outcome and failure kind an HTTP status means (0: no answer at all).</summary>
    public static (StateChangeOutcome Outcome, FailureKind Failure) Classify(int httpStatus) => httpStatus switch
    {
        400 or 409 or 422 => (StateChangeOutcome.Rejected, FailureKind.InvalidOperation),
        401 => (StateChangeOutcome.Failed, FailureKind.AuthenticationError),
        403 => (StateChangeOutcome.Failed, FailureKind.PermissionDenied),
        404 => (StateChangeOutcome.Failed, FailureKind.ObjectNotFound),
        429 => (StateChangeOutcome.Failed, FailureKind.LimitsExceeded),
        _ => (StateChangeOutcome.Failed, FailureKind.ConnectionError),
    };
}

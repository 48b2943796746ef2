using System;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// What Genesys says that this module reacts to, in one place (docs/genesys-api.md, "Changing state" and
/// "Errors and rate limits"). Error codes are UNCONFIRMED there, so nothing here keys on a code:
/// statuses and message texts only.
/// </summary>
internal static class ApiErrors
{
    /// <summary>
    /// A stale view of the resource: every 409, whatever its code (the Terraform provider's rule), or
    /// a 400 whose message says the version does not match.
    /// </summary>
    public static bool IsStaleVersion(GenesysApiException ex) =>
        ex.StatusCode == 409
        || (ex.StatusCode == 400 && Contains(ex.Message, "does not match the current version"));

    /// <summary>
    /// A 400 saying the status transition is invalid (CONFIRMED texts: "Invalid transition from
    /// &lt;X&gt; to &lt;Y&gt;", "Cannot directly change the campaign status from &lt;X&gt; to &lt;Y&gt;"): the
    /// campaign moved since it was read, or the transition is not allowed from where it is.
    /// </summary>
    public static bool IsInvalidTransition(GenesysApiException ex) =>
        ex.StatusCode == 400
        && (Contains(ex.Message, "Invalid transition from") || Contains(ex.Message, "Cannot directly change the campaign status from"));

    /// <summary>
    /// Whether the start or stop endpoint was refused as not permitted or not there, so the full-body
    /// PUT should be used instead: 403, 405, 501, or 404 (the caller checks that the campaign exists).
    /// </summary>
    public static bool MayMeanEndpointUnavailable(GenesysApiException ex) => ex.StatusCode is 403 or 404 or 405 or 501;

    /// <summary>
    /// Whether a refusal is the org's active-campaign limit. The exact code is UNCONFIRMED, so this
    /// matches a code or message that speaks of the maximum or limit of active campaigns.
    /// </summary>
    public static bool IsActiveCampaignLimit(GenesysApiException ex)
    {
        var text = (ex.Code ?? string.Empty) + " " + ex.Message;
        return Contains(text, "active") && (Contains(text, "max") || Contains(text, "limit"));
    }

    private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>
    /// The outcome and failure kind of a change that ended in an API error. The active-campaign limit
    /// is told only of a write that turns something on (<paramref name="turningOn"/>): words that speak of
    /// a maximum in a refused stop are no such limit.
    /// </summary>
    public static (StateChangeOutcome Outcome, FailureKind Failure) Classify(GenesysApiException ex, bool turningOn = true) =>
        turningOn && ApiErrors.IsActiveCampaignLimit(ex) && ex.StatusCode is 400 or 409
            ? (StateChangeOutcome.Rejected, FailureKind.LimitsExceeded)
            : Failures.Classify(ex.StatusCode);

    /// <summary>The ErrorCode of an API error: Genesys's code, or ours for a rate limit, a bare status or no answer.</summary>
    public static string CodeOf(GenesysApiException ex) =>
        ex.Code ?? (ex.StatusCode == 0 ? Failures.ConnectionFailed : "http." + ex.StatusCode);
}

using System;
using System.Threading;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// A write stopped (Ctrl+C) before it was sent, or before it was sent again: what its attempts had
/// met, so its record can say whether it may have applied. A write once sent is never cut short
/// (<see cref="GenesysApiClient"/>); only its sending, its waits and its queueing are.
/// </summary>
internal sealed class RequestStoppedException : OperationCanceledException
{
    public RequestStoppedException(string what, int sent, bool answerLost, int lastStatus, Exception inner, CancellationToken token)
        : base($"{what} was stopped after {sent} attempt(s) were sent.", inner, token)
    {
        Sent = sent;
        AnswerLost = answerLost;
        LastStatus = lastStatus;
    }

    /// <summary>Attempts sent before the stop (0: the write never left).</summary>
    public int Sent { get; }

    /// <summary>Whether an attempt went unanswered by Genesys itself (no answer, or a 5xx): it may have applied.</summary>
    public bool AnswerLost { get; }

    /// <summary>The status of the last answer (0: none).</summary>
    public int LastStatus { get; }

    /// <summary>
    /// Whether the write was stopped while waiting out a rate limit, with every attempt answered and
    /// the last refused with 429: Genesys did nothing with it (a refusal before the work, which is why
    /// Genesys's own clients send it again: docs/genesys-api.md, "Errors and rate limits").
    /// </summary>
    public bool StoppedWhileRateLimited => Sent > 0 && !AnswerLost && LastStatus == 429;
}

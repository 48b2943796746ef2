using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// The Polly pipelines every API request runs through: retries of transient faults (429 honouring
/// Retry-After, 502/503/504, network faults but not TLS handshake failures, non-JSON answers) around
/// attempts, each of whose sends is bounded by the attempt timeout (<see cref="CreateAttempt"/>, run
/// around the token fetch and the send alone). A request's total time is bounded by not retrying past
/// it (<see cref="TimeLeft"/>); time it spends queued for a turn (the token's rate budget, a place among
/// the writes in flight after a 429 gave it up) is neither an attempt's nor counted in its total:
/// waiting behind other requests is not this request failing (issue 23, point 2; a breaker's trial of
/// session 12 saw writes fail unsent when it was). A status PUT is a full-body write of one known
/// version, so it is safe to retry too; a start or stop retried after a lost answer meets the
/// invalid-transition 400, which the executor reads as "the campaign moved" (see ApiErrors).
/// </summary>
internal static class GenesysResiliencePipeline
{
    /// <summary>
    /// Where a request's clock rides in its context: the time it has spent on its own attempts and
    /// waits, stopped while it queues for a turn, so a retry can tell how much of the total time is left.
    /// </summary>
    internal static readonly ResiliencePropertyKey<Stopwatch> Worked = new("GenesysCampaign.Worked");

    private static readonly object RandomGate = new();
    private static readonly Random Random = new();

    /// <summary>The retries of one request's attempts.</summary>
    public static ResiliencePipeline<ApiResponse> Create(ResilienceOptions options, IOperationLog log)
    {
        return new ResiliencePipelineBuilder<ApiResponse>()
            .AddRetry(new RetryStrategyOptions<ApiResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome, options, TimeLeft(args.Context, options))),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options)),
                OnRetry = args =>
                {
                    log.Verbose($"Retrying in {args.RetryDelay.TotalSeconds:0.###} s (retry {args.AttemptNumber + 1} of {options.MaxRetries}): {Describe(args.Outcome)}");
                    return default;
                },
            })
            .Build();
    }

    /// <summary>One attempt's bound (<see cref="ResilienceOptions.AttemptTimeout"/>): a send (or token fetch) not answered in it throws <see cref="TimeoutRejectedException"/>.</summary>
    public static ResiliencePipeline CreateAttempt(ResilienceOptions options) =>
        new ResiliencePipelineBuilder()
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => new ValueTask<TimeSpan>(options.AttemptTimeout) })
            .Build();

    /// <summary>
    /// Whether an outcome is worth another attempt: not once <paramref name="timeLeft"/> of the request's
    /// total time is spent. A 429 is, unless the wait it asks for is longer than this module waits
    /// (<see cref="ResilienceOptions.MaxRetryAfter"/>) or than the time left: then it is reported as a rate limit.
    /// </summary>
    internal static bool IsTransient(Outcome<ApiResponse> outcome, ResilienceOptions options, TimeSpan timeLeft)
    {
        if (timeLeft <= TimeSpan.Zero)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            // A failed TLS handshake fails the same way every time: said at once, not retried.
            return !TlsPolicy.IsHandshakeFailure(outcome.Exception) && outcome.Exception is HttpRequestException or TimeoutRejectedException or TransientResponseException
                || (outcome.Exception is TaskCanceledException && outcome.Exception.InnerException is TimeoutException);
        }

        var response = outcome.Result!;
        return response.StatusCode switch
        {
            429 => RetryAfterOrDefault(response, options) is var wait && wait <= options.MaxRetryAfter && FitsIn(wait, timeLeft),
            502 or 503 or 504 => true,
            _ => false,
        };
    }

    /// <summary>What is left of the request's total time (its <see cref="Worked"/> clock).</summary>
    internal static TimeSpan TimeLeft(ResilienceContext context, ResilienceOptions options) =>
        context.Properties.TryGetValue(Worked, out var worked) ? options.TotalTimeout - worked.Elapsed : options.TotalTimeout;

    /// <summary>
    /// A 429's wait: what Retry-After asks, plus jitter of up to a fifth of it (at least 250 ms), so
    /// writes refused together do not all come back in the same instant. Never less than asked.
    /// 5xx and network faults get Polly's exponential backoff with jitter (null here).
    /// </summary>
    private static TimeSpan? RetryAfter(ApiResponse? response, ResilienceOptions options)
    {
        if (response?.StatusCode != 429)
        {
            return null;
        }

        var asked = RetryAfterOrDefault(response, options);
        double share;
        lock (RandomGate)
        {
            share = Random.NextDouble();
        }

        return asked + TimeSpan.FromTicks((long)(share * MaxJitter(asked).Ticks));
    }

    /// <summary>Whether a 429's wait, jitter included, ends before <paramref name="timeLeft"/> does.</summary>
    internal static bool FitsIn(TimeSpan wait, TimeSpan timeLeft) => wait + MaxJitter(wait) < timeLeft;

    private static TimeSpan MaxJitter(TimeSpan asked) => TimeSpan.FromMilliseconds(Math.Max(250, asked.TotalMilliseconds / 5));

    internal static TimeSpan RetryAfterOrDefault(ApiResponse response, ResilienceOptions options) =>
        response.RetryAfterSeconds is { } seconds && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : options.DefaultRetryAfter;

    private static string Describe(Outcome<ApiResponse> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message : "HTTP " + outcome.Result!.StatusCode;
}

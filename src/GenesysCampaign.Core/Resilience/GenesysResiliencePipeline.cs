using System;
using System.Net.Http;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GenesysCloud.Outbound.Resilience;

/// <summary>
/// The Polly pipeline every API request runs through: a total time bound, then retries of transient
/// faults (429 honouring Retry-After, 502/503/504, network faults, non-JSON answers), then a bound
/// per attempt. A status PUT is a full-body write of one known version, so it is safe to retry too.
/// </summary>
internal static class GenesysResiliencePipeline
{
    public static ResiliencePipeline<ApiResponse> Create(ResilienceOptions options, IOperationLog log)
    {
        return new ResiliencePipelineBuilder<ApiResponse>()
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<ApiResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome, options)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options)),
                OnRetry = args =>
                {
                    log.Verbose($"Retrying in {args.RetryDelay.TotalSeconds:0.###} s (retry {args.AttemptNumber + 1} of {options.MaxRetries}): {Describe(args.Outcome)}");
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Whether an outcome is worth another attempt.</summary>
    internal static bool IsTransient(Outcome<ApiResponse> outcome, ResilienceOptions options)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException or TransientResponseException
                || (outcome.Exception is TaskCanceledException && outcome.Exception.InnerException is TimeoutException);
        }

        var response = outcome.Result!;
        return response.StatusCode switch
        {
            429 => RetryAfterOrDefault(response, options) <= options.MaxRetryAfter,
            502 or 503 or 504 => true,
            _ => false,
        };
    }

    private static TimeSpan? RetryAfter(ApiResponse? response, ResilienceOptions options) =>
        response?.StatusCode == 429 ? RetryAfterOrDefault(response, options) : null;

    internal static TimeSpan RetryAfterOrDefault(ApiResponse response, ResilienceOptions options) =>
        response.RetryAfterSeconds is { } seconds && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : options.DefaultRetryAfter;

    private static string Describe(Outcome<ApiResponse> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message : "HTTP " + outcome.Result!.StatusCode;
}

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// What every Genesys request goes through before its endpoint: correlation id and rate-limit
/// headers, the request log, the concurrency count, added latency, injected faults, bearer-token
/// check and rate limit. Admin calls under <c>/__sim</c> and notification sockets under
/// <c>/channels</c> only get the correlation id (the socket endpoint logs itself).
/// </summary>
internal sealed class SimulatorMiddleware(SimulatorState state)
{
    /// <summary>Where an authorized API request keeps the OAuth client id its token was issued to.</summary>
    public const string ClientIdItemKey = "sim.clientId";

    private const string BadCredentialsMessage = "Invalid login credentials.";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var correlationId = Guid.NewGuid().ToString();
        context.Items[HttpResponses.CorrelationItemKey] = correlationId;
        context.Response.Headers["inin-correlation-id"] = correlationId;

        var request = context.Request;
        if (request.Path.StartsWithSegments("/__sim") || request.Path.StartsWithSegments(NotificationSocketEndpoint.PathPrefix))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var authorization = request.Headers.Authorization.ToString();
        var slot = state.Log.Begin(
            DateTimeOffset.UtcNow,
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            RequestLog.Redact(authorization));

        // Counted from arrival, so latency and Slow faults are inside the in-flight window.
        var isApi = request.Path.StartsWithSegments("/api/v2");
        // Writes: a campaign PUT or start/stop POST (anything but a GET under /outbound), not a subscription.
        var isWrite = !HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/api/v2/outbound");
        var lease = isApi ? state.Concurrency.Enter(isWrite) : null;

        // Status is recorded before headers leave, so a client never sees a response the log lacks.
        // The request also leaves the in-flight count here, before the client can see the response and
        // send its next one: ending it after the body would count a well-behaved client one too high.
        context.Response.OnStarting(() =>
        {
            slot.Observe(context.Response.StatusCode);
            lease?.End();
            return Task.CompletedTask;
        });

        var dropped = false;
        try
        {
            slot.Body = await ReadBodyAsync(context).ConfigureAwait(false);
            var token = BearerToken(authorization);
            var rateKey = token ?? "anonymous";
            SetRateHeaders(context, state.RateLimiter.Peek(rateKey));

            var latency = state.Options.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (isApi)
            {
                var fault = state.Faults.Match(request.Method, request.Path.Value ?? string.Empty);
                if (fault is not null)
                {
                    if (fault.Kind == FaultKind.DropConnection)
                    {
                        dropped = true;
                        context.Abort();
                        return;
                    }

                    if (await ApplyFaultAsync(context, fault).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                var clientId = state.Tokens.ClientOf(token);
                if (clientId is null)
                {
                    await HttpResponses.WriteErrorAsync(context, 401, GenesysErrorCodes.BadCredentials, BadCredentialsMessage).ConfigureAwait(false);
                    return;
                }

                context.Items[ClientIdItemKey] = clientId;

                var rate = state.RateLimiter.TryAcquire(rateKey);
                SetRateHeaders(context, rate);
                if (!rate.Allowed)
                {
                    await WriteTooManyRequestsAsync(context, rate.ResetSeconds).ConfigureAwait(false);
                    return;
                }

                if (EndpointPermissions.RequiredAll(request.Method, request.Path).FirstOrDefault(any => !any.Any(p => Holds(clientId, p))) is { } missing)
                {
                    // Genesys names the missing permission in a 403's message (docs/genesys-api.md); for a list
                    // of which any one will do, in the words of tests/fixtures/error.forbidden.json.
                    await (missing.Length == 1
                        ? HttpResponses.WriteErrorAsync(context, 403, GenesysErrorCodes.MissingPermissions, $"Missing permission {missing[0]}")
                        : HttpResponses.WriteErrorAsync(
                            context,
                            403,
                            GenesysErrorCodes.MissingAnyPermissions,
                            $"Unable to perform the requested action. You must have at least one of the following permissions assigned: [{string.Join(", ", missing)}]",
                            "Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}",
                            new JsonObject { ["permissions"] = $"[{string.Join(", ", missing)}]" })).ConfigureAwait(false);
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (e.g. timed out on a Slow fault): log it like a dropped connection.
            dropped = true;
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await HttpResponses.WriteErrorAsync(context, 500, GenesysErrorCodes.InternalServerError, "Simulator failure: " + ex.Message).ConfigureAwait(false);
        }
        finally
        {
            slot.Complete(dropped || (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted) ? 0 : context.Response.StatusCode);

            // Dropped and empty responses never start; they leave the count here.
            lease?.End();
        }
    }

    /// <summary>Answers the request with the fault, or returns false when the request should go on normally.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, FaultRule fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.RateLimit429:
                await WriteTooManyRequestsAsync(context, fault.RetryAfterSeconds).ConfigureAwait(false);
                return true;

            case FaultKind.ServiceUnavailable503:
                await HttpResponses.WriteErrorAsync(context, 503, GenesysErrorCodes.ServiceUnavailable, "Service Unavailable").ConfigureAwait(false);
                return true;

            case FaultKind.GatewayTimeout504:
                await HttpResponses.WriteErrorAsync(context, 504, GenesysErrorCodes.GatewayTimeout, "The request timed out").ConfigureAwait(false);
                return true;

            case FaultKind.BadGateway502Html:
                // Load balancers answer in HTML: clients must cope with a non-JSON error body.
                await HttpResponses.WriteAsync(context, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>").ConfigureAwait(false);
                return true;

            case FaultKind.RevokeToken:
                state.Tokens.RevokeAll();
                await HttpResponses.WriteErrorAsync(context, 401, GenesysErrorCodes.BadCredentials, BadCredentialsMessage).ConfigureAwait(false);
                return true;

            case FaultKind.Forbidden403:
                await HttpResponses.WriteErrorAsync(context, 403, GenesysErrorCodes.MissingPermissions, $"Missing permission {EndpointPermissions.Required(context.Request.Method, context.Request.Path) ?? EndpointPermissions.CampaignEdit}").ConfigureAwait(false);
                return true;

            case FaultKind.NotFound404:
                await HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"No resource at {context.Request.Path}").ConfigureAwait(false);
                return true;

            case FaultKind.Slow:
                await Task.Delay(Math.Max(0, fault.DelayMs), context.RequestAborted).ConfigureAwait(false);
                return false;

            case FaultKind.ConcurrentStatus:
                if (CampaignIdInPath(context.Request.Path) is { } changed && state.StoreOf(changed) is { } owner)
                {
                    owner.SetStatus(changed, fault.Status);
                }

                return false;

            case FaultKind.BadRequest400:
                await HttpResponses.WriteErrorAsync(context, 400, GenesysErrorCodes.BadRequest, fault.Message ?? "The request could not be understood by the server due to malformed syntax.").ConfigureAwait(false);
                return true;

            case FaultKind.VersionBump:
                if (CampaignIdInPath(context.Request.Path) is { } id)
                {
                    state.StoreOf(id)?.TryBumpVersion(id);
                }
                else if (DocumentIdInPath(context.Request.Path, "/api/v2/outbound/sequences") is { } sequence)
                {
                    state.Sequences.TryBumpVersion(sequence);
                }
                else if (DocumentIdInPath(context.Request.Path, "/api/v2/outbound/campaignrules") is { } rule)
                {
                    state.CampaignRules.TryBumpVersion(rule);
                }

                return false;

            default:
                return false;
        }
    }

    private bool Holds(string clientId, string permission) =>
        string.Equals(clientId, state.Options.ClientId, StringComparison.Ordinal)
        || (state.Options.Clients.TryGetValue(clientId, out var client) && client.Holds(permission));

    private static Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return HttpResponses.WriteErrorAsync(
            context,
            429,
            GenesysErrorCodes.TooManyRequests,
            $"Rate limit exceeded the maximum. Retry the request in [{retryAfterSeconds}] seconds",
            "Rate limit exceeded the maximum. Retry the request in [{retryAfter}] seconds",
            new System.Text.Json.Nodes.JsonObject { ["retryAfter"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static void SetRateHeaders(HttpContext context, RateLimitState rate)
    {
        var headers = context.Response.Headers;
        headers["inin-ratelimit-allowed"] = rate.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["inin-ratelimit-count"] = rate.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["inin-ratelimit-reset"] = rate.ResetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? BearerToken(string authorization)
    {
        const string Scheme = "Bearer ";
        return authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[Scheme.Length..].Trim()
            : null;
    }

    /// <summary>The campaign id in <c>/api/v2/outbound/campaigns/{id}[/...]</c> or <c>.../messagingcampaigns/{id}[/...]</c>, if any.</summary>
    private static string? CampaignIdInPath(PathString path)
    {
        if ((!path.StartsWithSegments("/api/v2/outbound/campaigns", StringComparison.OrdinalIgnoreCase, out var rest)
                && !path.StartsWithSegments("/api/v2/outbound/messagingcampaigns", StringComparison.OrdinalIgnoreCase, out rest))
            || !rest.HasValue)
        {
            return null;
        }

        var segments = rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 ? Uri.UnescapeDataString(segments[0]) : null;
    }

    /// <summary>The id in <c>{prefix}/{id}</c>, if any.</summary>
    private static string? DocumentIdInPath(PathString path, string prefix) =>
        path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: 1 } segments
            ? Uri.UnescapeDataString(segments[0])
            : null;

    /// <summary>Buffers the body so the log can keep it and the endpoint can still read it.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return null;
        }

        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        context.Request.Body.Position = 0;
        return text.Length == 0 ? null : text;
    }
}

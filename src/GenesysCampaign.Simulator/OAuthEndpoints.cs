using System.Text;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary><c>POST /oauth/token</c>, client-credentials grant only, credentials in HTTP Basic.</summary>
internal static class OAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapPost("/oauth/token", context => IssueAsync(context, state));
    }

    private static async Task IssueAsync(HttpContext context, SimulatorState state)
    {
        // Client authentication comes first, as in OAuth servers generally: a bad secret is 401 whatever the grant.
        var (clientId, clientSecret) = ParseBasic(context.Request.Headers.Authorization.ToString());
        if (!IsKnown(state.Options, clientId, clientSecret))
        {
            await HttpResponses.WriteJsonAsync(context, 401, new JsonObject
            {
                ["error"] = "invalid_client",
                ["description"] = "client not found or secret mismatch",
            }).ConfigureAwait(false);
            return;
        }

        var grantType = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))["grant_type"].ToString()
            : null;
        if (!string.Equals(grantType, "client_credentials", StringComparison.Ordinal))
        {
            await HttpResponses.WriteJsonAsync(context, 400, new JsonObject { ["error"] = "unsupported_grant_type" }).ConfigureAwait(false);
            return;
        }

        var lifetime = Math.Max(1, state.Options.TokenLifetimeSeconds);
        await HttpResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["access_token"] = state.Tokens.Issue(TimeSpan.FromSeconds(lifetime), clientId!),
            ["token_type"] = "bearer",
            ["expires_in"] = lifetime,
        }).ConfigureAwait(false);
    }

    private static bool IsKnown(SimulatorOptions options, string? clientId, string? secret) =>
        clientId is not null && secret is not null
        && (string.Equals(clientId, options.ClientId, StringComparison.Ordinal)
            ? string.Equals(secret, options.ClientSecret, StringComparison.Ordinal)
            : options.Clients.TryGetValue(clientId, out var client) && string.Equals(secret, client.Secret, StringComparison.Ordinal));

    private static (string? Id, string? Secret) ParseBasic(string authorization)
    {
        const string Scheme = "Basic ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}

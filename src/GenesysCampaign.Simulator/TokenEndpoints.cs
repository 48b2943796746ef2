using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// <c>GET /api/v2/tokens/me</c>: who a token acts for. It needs no permission. Its shape is not in the
/// contract (the SDK's <c>TokenInfo</c> is outside the outbound API): <c>organization</c> and
/// <c>homeOrganization</c> (<c>{id, name}</c>), <c>OAuthClient</c> (<c>{id, name, organization: {id}}</c>)
/// and <c>authorizedScope</c>, as Genesys's developer documentation shows them (UNCONFIRMED beyond those).
/// </summary>
internal static class TokenEndpoints
{
    /// <summary>The simulated org's id.</summary>
    public const string OrganizationId = "0a000000-0000-4000-8000-000000000001";

    /// <summary>The simulated org's name.</summary>
    public const string OrganizationName = "Simulated Org";

    public static void Map(IEndpointRouteBuilder app, SimulatorState state) =>
        app.MapGet("/api/v2/tokens/me", context =>
        {
            var clientId = context.Items.TryGetValue(SimulatorMiddleware.ClientIdItemKey, out var value) && value is string id ? id : state.Options.ClientId;
            JsonObject Org() => new() { ["id"] = OrganizationId, ["name"] = OrganizationName };
            return HttpResponses.WriteJsonAsync(context, 200, new JsonObject
            {
                ["organization"] = Org(),
                ["homeOrganization"] = Org(),
                ["authorizedScope"] = new JsonArray(),
                ["OAuthClient"] = new JsonObject
                {
                    ["id"] = clientId,
                    ["name"] = clientId,
                    ["organization"] = new JsonObject { ["id"] = OrganizationId },
                },
            });
        });
}

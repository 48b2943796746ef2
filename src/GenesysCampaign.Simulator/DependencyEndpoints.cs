using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Read-only sequences, campaign rules and campaign schedules: what can undo or block a pause.</summary>
internal static class DependencyEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/api/v2/outbound/sequences", context => ListAsync(context, state, state.Sequences));
        app.MapGet("/api/v2/outbound/sequences/{id}", context => GetAsync(context, state.Sequences, "id", "Sequence"));
        app.MapGet("/api/v2/outbound/campaignrules", context => ListAsync(context, state, state.CampaignRules));
        app.MapGet("/api/v2/outbound/campaignrules/{id}", context => GetAsync(context, state.CampaignRules, "id", "Campaign rule"));

        // Schedules are the odd one out in Genesys: a bare array, and keyed by campaign id.
        app.MapGet("/api/v2/outbound/schedules/campaigns", context =>
            HttpResponses.WriteJsonAsync(context, 200, new JsonArray(state.Schedules.Select(s => (JsonNode)s.DeepClone()).ToArray())));
        app.MapGet("/api/v2/outbound/schedules/campaigns/{id}", context => GetAsync(context, state.Schedules, "campaign", "Campaign schedule"));
    }

    private static Task ListAsync(HttpContext context, SimulatorState state, IReadOnlyList<JsonObject> items)
    {
        var query = context.Request.Query;
        if (!Paging.TryRead(context.Request, out var pageSize, out var pageNumber, out var error)
            || !NameFilter.TryCreate(query["name"], query["filterType"], state.Options.CaseSensitiveNameFilter, out var nameFilter, out error)
            || !JsonSorter.TryCreate(query["sortBy"], query["sortOrder"], out var sorter, out error))
        {
            return CampaignEndpoints.BadRequest(context, error!);
        }

        var matches = sorter.Sort(items.Where(i => nameFilter.Matches(i["name"]?.GetValue<string>())));
        return HttpResponses.WriteJsonAsync(context, 200, Paging.Build(context.Request, matches, pageSize, pageNumber));
    }

    /// <summary>Finds one item by its own id, or (for schedules) by the id of the campaign it references.</summary>
    private static Task GetAsync(HttpContext context, IReadOnlyList<JsonObject> items, string key, string kind)
    {
        var id = context.Request.RouteValues["id"]?.ToString() ?? string.Empty;
        var match = items.FirstOrDefault(i =>
        {
            var node = key == "id" ? i["id"] : i[key]?["id"];
            return string.Equals(node?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase);
        });
        return match is null
            ? HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"{kind} {id} not found")
            : HttpResponses.WriteJsonAsync(context, 200, match.DeepClone());
    }
}

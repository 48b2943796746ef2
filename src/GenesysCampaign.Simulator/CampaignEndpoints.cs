using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>The campaign list, get and full-replacement PUT.</summary>
internal static class CampaignEndpoints
{
    /// <summary>Genesys caps bulk retrieval by id at 100 per call.</summary>
    public const int MaxIds = 100;

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/api/v2/outbound/campaigns", context => ListAsync(context, state));
        app.MapGet("/api/v2/outbound/campaigns/{id}", context => GetAsync(context, state.Campaigns));
        app.MapPut("/api/v2/outbound/campaigns/{id}", context => PutAsync(context, state.Campaigns));
        app.MapPost("/api/v2/outbound/campaigns/{id}/start", context => ChangeStatusAsync(context, state, state.Campaigns, CampaignStatuses.On));
        app.MapPost("/api/v2/outbound/campaigns/{id}/stop", context => ChangeStatusAsync(context, state, state.Campaigns, CampaignStatuses.Off));
    }

    private static Task ListAsync(HttpContext context, SimulatorState state)
    {
        var query = context.Request.Query;
        if (ListQuery.Refusal(context.Request, ListQuery.Campaigns) is { } unsupported)
        {
            return BadRequest(context, unsupported);
        }

        if (!Paging.TryRead(context.Request, out var pageSize, out var pageNumber, out var pagingError))
        {
            return BadRequest(context, pagingError!);
        }

        var ids = SplitValues(query["id"]);
        if (ids.Count > MaxIds)
        {
            return HttpResponses.WriteErrorAsync(
                context,
                400,
                GenesysErrorCodes.TooManyBulkRetrieves,
                $"Too many ids requested: {ids.Count}. The maximum is {MaxIds}.");
        }

        if (!NameFilter.TryCreate(query["name"], query["filterType"], state.Options.CaseSensitiveNameFilter, out var nameFilter, out var filterError))
        {
            return BadRequest(context, filterError!);
        }

        if (!JsonSorter.TryCreate(query["sortBy"], query["sortOrder"], out var sorter, out var sortError))
        {
            return BadRequest(context, sortError!);
        }

        var divisionIds = SplitValues(query["divisionId"]);
        var contactListIds = SplitValues(query["contactListId"]);
        if (ids.Count == 0 && string.IsNullOrEmpty(query["name"]) && divisionIds.Count == 0 && contactListIds.Count == 0)
        {
            // The plain full listing (paging through every campaign): sorted once per change.
            var whole = state.Campaigns.ReadSorted(
                $"{query["sortBy"]}|{query["sortOrder"]}",
                sorter.Sort,
                all => Paging.BuildText(context.Request, all, pageSize, pageNumber, state.Campaigns.TextOf));
            return HttpResponses.WriteJsonAsync(context, 200, whole);
        }

        var page = state.Campaigns.Read(all =>
        {
            var matches = all
                .Where(c => ids.Count == 0 || ids.Contains(Text(c["id"])))
                .Where(c => nameFilter.Matches(Text(c["name"])))
                .Where(c => divisionIds.Count == 0 || divisionIds.Contains(Text(c["division"]?["id"])))
                .Where(c => contactListIds.Count == 0 || contactListIds.Contains(Text(c["contactList"]?["id"])));
            return Paging.BuildText(context.Request, sorter.Sort(matches), pageSize, pageNumber, state.Campaigns.TextOf);
        });
        return HttpResponses.WriteJsonAsync(context, 200, page);
    }

    /// <summary>A get by id from <paramref name="store"/> (voice or messaging).</summary>
    internal static Task GetAsync(HttpContext context, CampaignStore store)
    {
        var id = RouteId(context);
        var json = store.TryGetServedJson(id);
        return json is null
            ? NotFound(context, store, id)
            : HttpResponses.WriteJsonAsync(context, 200, json);
    }

    /// <summary>The full-body PUT into <paramref name="store"/> (voice or messaging): version and transition checked.</summary>
    internal static async Task PutAsync(HttpContext context, CampaignStore store)
    {
        var id = RouteId(context);
        if (!IsJson(context.Request.ContentType))
        {
            await HttpResponses.WriteErrorAsync(
                context,
                415,
                GenesysErrorCodes.UnsupportedMediaType,
                $"Content type '{context.Request.ContentType}' is not supported; send application/json").ConfigureAwait(false);
            return;
        }

        JsonObject? body;
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            body = node as JsonObject;

            // Touch the properties now so a malformed object fails here, not later under the store lock.
            _ = body?.Count;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            await BadRequest(context, "The request body is not valid JSON: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await BadRequest(context, "The request body must be a campaign JSON object").ConfigureAwait(false);
            return;
        }

        var bodyId = body["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
        if (!string.Equals(bodyId, id, StringComparison.OrdinalIgnoreCase))
        {
            await BadRequest(context, $"The campaign id in the body ({bodyId ?? "missing"}) does not match the id in the path ({id})").ConfigureAwait(false);
            return;
        }

        if (body["version"] is not JsonValue versionValue || !versionValue.TryGetValue<int>(out var version))
        {
            // UNCONFIRMED: what Genesys answers to a PUT without a version.
            await BadRequest(context, "The campaign version is required").ConfigureAwait(false);
            return;
        }

        string? requestedStatus = null;
        if (body["campaignStatus"] is { } statusNode)
        {
            if (statusNode is not JsonValue statusValue || !statusValue.TryGetValue(out requestedStatus))
            {
                await BadRequest(context, "campaignStatus must be a string").ConfigureAwait(false);
                return;
            }
        }

        // Voice campaigns take the SDK's calls-per-agent flag; no other campaign PUT has a query parameter.
        var flagRefused = store.Kind == CampaignKind.Voice
            ? CallsPerAgent.Apply(context.Request.Query, body)
            : context.Request.Query.Count > 0 ? $"Unknown query parameters: {string.Join(", ", context.Request.Query.Keys)}" : null;
        if (flagRefused is not null)
        {
            await BadRequest(context, flagRefused).ConfigureAwait(false);
            return;
        }

        var outcome = store.Put(id, body, version, requestedStatus);
        if (outcome.Json is not null)
        {
            await HttpResponses.WriteJsonAsync(context, outcome.HttpStatus, outcome.Json).ConfigureAwait(false);
        }
        else
        {
            await HttpResponses.WriteErrorAsync(context, outcome.HttpStatus, outcome.ErrorCode!, outcome.ErrorMessage!).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>POST .../start</c> and <c>.../stop</c> (docs/genesys-api.md): no body, no version; on success
    /// <see cref="SimulatorOptions.StartStopStatus"/> with no body. A 404/405/501 setting answers as an
    /// API without these endpoints would.
    /// </summary>
    internal static Task ChangeStatusAsync(HttpContext context, SimulatorState state, CampaignStore store, string requestedStatus)
    {
        var answer = state.Options.StartStopStatus;
        switch (answer)
        {
            case 404:
                return HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"No resource at {context.Request.Path}");
            case 405 or 501:
                return HttpResponses.WriteErrorAsync(context, answer, null, answer == 405 ? "Method not allowed" : "Not implemented");
        }

        var id = RouteId(context);
        var outcome = store.ChangeStatus(id, requestedStatus);
        if (outcome.Json is null)
        {
            return HttpResponses.WriteErrorAsync(context, outcome.HttpStatus, outcome.ErrorCode, outcome.ErrorMessage!);
        }

        context.Response.StatusCode = answer;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    internal static Task BadRequest(HttpContext context, string message) =>
        HttpResponses.WriteErrorAsync(context, 400, GenesysErrorCodes.BadRequest, message);

    private static Task NotFound(HttpContext context, CampaignStore store, string id) =>
        HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"{store.Noun} {id} not found");

    internal static string RouteId(HttpContext context) => context.Request.RouteValues["id"]?.ToString() ?? string.Empty;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Repeated parameters, each possibly comma-separated.</summary>
    internal static HashSet<string> SplitValues(StringValues values)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                set.Add(part);
            }
        }

        return set;
    }

    internal static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}

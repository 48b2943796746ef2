using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Sequences and campaign rules: what can undo or block a pause. Paged lists and gets, and full-body
/// PUTs with the version enforced as for campaigns (409 with the same text on a mismatch).
/// </summary>
internal static class DependencyEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/api/v2/outbound/sequences", context => ListAsync(context, state, state.Sequences));
        app.MapGet("/api/v2/outbound/sequences/{id}", context => GetAsync(context, state.Sequences));
        app.MapPut("/api/v2/outbound/sequences/{id}", context => PutAsync(context, state, state.Sequences, CheckSequence));
        app.MapGet("/api/v2/outbound/campaignrules", context => ListAsync(context, state, state.CampaignRules));
        app.MapGet("/api/v2/outbound/campaignrules/{id}", context => GetAsync(context, state.CampaignRules));
        app.MapPut("/api/v2/outbound/campaignrules/{id}", context => PutAsync(context, state, state.CampaignRules, CheckRule));
    }

    private static Task ListAsync(HttpContext context, SimulatorState state, DocumentStore store)
    {
        var query = context.Request.Query;
        var error = ListQuery.Refusal(context.Request, ListQuery.SequencesAndRules);
        if (error is not null
            || !Paging.TryRead(context.Request, out var pageSize, out var pageNumber, out error)
            || !NameFilter.TryCreate(query["name"], query["filterType"], state.Options.CaseSensitiveNameFilter, out var nameFilter, out error)
            || !JsonSorter.TryCreate(query["sortBy"], query["sortOrder"], out var sorter, out error))
        {
            return CampaignEndpoints.BadRequest(context, error!);
        }

        var matches = sorter.Sort(store.Snapshot().Where(i => nameFilter.Matches(i["name"]?.GetValue<string>())));
        if (matches.Count == 0 && !state.Options.EmptyPageWithoutAllowEmptyResult && !string.Equals(query["allowEmptyResult"], "true", StringComparison.OrdinalIgnoreCase))
        {
            // UNCONFIRMED: what the list answers when nothing matches and allowEmptyResult is not true
            // (the SDK: it "asks for an empty page when there are no results"). The stricter answer.
            return HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"No {store.Noun.ToLowerInvariant()}s found");
        }

        return HttpResponses.WriteJsonAsync(context, 200, Paging.Build(context.Request, matches, pageSize, pageNumber));
    }

    /// <summary>One document by its key: its own id, or (for schedules) the id of what it schedules.</summary>
    internal static Task GetAsync(HttpContext context, DocumentStore store)
    {
        var id = CampaignEndpoints.RouteId(context);
        var match = store.TryGet(id);
        return match is null
            ? HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"{store.Noun} {id} not found")
            : HttpResponses.WriteJsonAsync(context, 200, match);
    }

    /// <summary>
    /// A full replacement: the body becomes the document, except <c>id</c>, <c>dateCreated</c>,
    /// <c>selfUri</c>, <c>version</c> and <c>dateModified</c>, which the server owns, and what
    /// <paramref name="check"/> keeps or refuses.
    /// </summary>
    private static async Task PutAsync(HttpContext context, SimulatorState state, DocumentStore store, Func<JsonObject, JsonObject, string?> check)
    {
        var id = CampaignEndpoints.RouteId(context);
        var body = await JsonBodies.ReadObjectAsync(context, store.Noun.ToLowerInvariant()).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var bodyId = JsonBodies.Text(body, "id");
        if (bodyId is not null && !string.Equals(bodyId, id, StringComparison.OrdinalIgnoreCase))
        {
            await CampaignEndpoints.BadRequest(context, $"The id in the body ({bodyId}) does not match the id in the path ({id})").ConfigureAwait(false);
            return;
        }

        if (JsonBodies.Version(body) is not { } version)
        {
            await CampaignEndpoints.BadRequest(context, $"The {store.Noun.ToLowerInvariant()} version is required").ConfigureAwait(false);
            return;
        }

        var outcome = store.Update(id, current =>
        {
            if (current is null)
            {
                return DocumentChange.Fail(404, GenesysErrorCodes.NotFound, $"{store.Noun} {id} not found");
            }

            if (version != DocumentStore.VersionOf(current))
            {
                return DocumentChange.Fail(409, state.Options.ConflictCode, CampaignTransitions.WrongVersionMessage);
            }

            if (check(body, current) is { } refusal)
            {
                return DocumentChange.Fail(400, GenesysErrorCodes.BadRequest, refusal);
            }

            JsonBodies.KeepServerFields(body, current, "id", "dateCreated", "selfUri");
            return DocumentChange.To(body);
        });

        // A sequence turned on or off now acts on its campaigns (see SimulatorAutomation).
        state.AfterChange();
        await JsonBodies.WriteOutcomeAsync(context, outcome).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>status</c> must be <c>on</c> or <c>off</c> (<c>complete</c> is the server's to set);
    /// <c>currentCampaign</c> and <c>stopMessage</c> are read-only (Java SDK) and kept.
    /// </summary>
    private static string? CheckSequence(JsonObject body, JsonObject current)
    {
        var status = JsonBodies.Text(body, "status");
        if (status is not (CampaignStatuses.On or CampaignStatuses.Off))
        {
            return $"Invalid sequence status <{status ?? "missing"}>: a sequence can be set to on or off";
        }

        if (body["campaigns"] is not JsonArray)
        {
            return "A sequence needs its campaigns";
        }

        JsonBodies.KeepServerFields(body, current, "currentCampaign", "stopMessage");
        return null;
    }

    /// <summary>A rule must say whether it is enabled (UNCONFIRMED what Genesys answers without it: 400 here).</summary>
    private static string? CheckRule(JsonObject body, JsonObject current) =>
        body["enabled"] is JsonValue enabled && enabled.TryGetValue<bool>(out _)
            ? null
            : "The campaign rule's enabled (true or false) is required";
}

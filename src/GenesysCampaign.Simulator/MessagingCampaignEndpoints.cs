using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// SMS, email and WhatsApp campaigns: the list, get, full-body PUT, delete, start, stop and progress.
/// Writes follow the voice rules exactly (<see cref="CampaignTransitions"/>), with their own active cap.
/// </summary>
internal static class MessagingCampaignEndpoints
{
    private const string Base = "/api/v2/outbound/messagingcampaigns";

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var store = state.MessagingCampaigns;
        app.MapGet(Base, context => ListAsync(context, state));
        app.MapGet(Base + "/{id}", context => CampaignEndpoints.GetAsync(context, store));
        app.MapPut(Base + "/{id}", context => CampaignEndpoints.PutAsync(context, store));
        app.MapDelete(Base + "/{id}", context => DeleteAsync(context, state));
        app.MapPost(Base + "/{id}/start", context => CampaignEndpoints.ChangeStatusAsync(context, state, store, CampaignStatuses.On));
        app.MapPost(Base + "/{id}/stop", context => CampaignEndpoints.ChangeStatusAsync(context, state, store, CampaignStatuses.Off));
        app.MapGet(Base + "/{id}/progress", context => ProgressAsync(context, store));
    }

    private static Task ListAsync(HttpContext context, SimulatorState state)
    {
        var query = context.Request.Query;
        var error = ListQuery.Refusal(context.Request, ListQuery.MessagingCampaigns);
        if (error is not null
            || !Paging.TryRead(context.Request, out var pageSize, out var pageNumber, out error)
            || !NameFilter.TryCreate(query["name"], null, state.Options.CaseSensitiveNameFilter, out var nameFilter, out error)
            || !JsonSorter.TryCreate(query["sortBy"], query["sortOrder"], out var sorter, out error))
        {
            return CampaignEndpoints.BadRequest(context, error!);
        }

        var ids = CampaignEndpoints.SplitValues(query["id"]);
        if (ids.Count > CampaignEndpoints.MaxIds)
        {
            return HttpResponses.WriteErrorAsync(context, 400, GenesysErrorCodes.TooManyBulkRetrieves, $"Too many ids requested: {ids.Count}. The maximum is {CampaignEndpoints.MaxIds}.");
        }

        // The documented enum, matched exactly: a client sending "sms" learns it here, not in production.
        var type = query["type"].ToString();
        if (type.Length > 0 && !MessagingCampaignTypes.All.Contains(type))
        {
            return CampaignEndpoints.BadRequest(context, $"Value [{type}] for field [type] is not valid: use {string.Join(", ", MessagingCampaignTypes.All)}");
        }

        var status = query["campaignStatus"].ToString();
        if (status.Length > 0 && !CampaignStatuses.All.Contains(status))
        {
            return CampaignEndpoints.BadRequest(context, $"Value [{status}] for field [campaignStatus] is not valid: use {string.Join(", ", CampaignStatuses.All)}");
        }

        var divisionIds = CampaignEndpoints.SplitValues(query["divisionId"]);
        var contactListIds = CampaignEndpoints.SplitValues(query["contactListId"]);
        var page = state.MessagingCampaigns.Read(all =>
        {
            var matches = all
                .Where(c => ids.Count == 0 || ids.Contains(CampaignEndpoints.Text(c["id"])))
                .Where(c => nameFilter.Matches(CampaignEndpoints.Text(c["name"])))
                .Where(c => type.Length == 0 || MessagingCampaignTypes.TypeOf(c) == type)
                .Where(c => status.Length == 0 || CampaignEndpoints.Text(c["campaignStatus"]) == status)
                .Where(c => divisionIds.Count == 0 || divisionIds.Contains(CampaignEndpoints.Text(c["division"]?["id"])))
                .Where(c => contactListIds.Count == 0 || contactListIds.Contains(CampaignEndpoints.Text(c["contactList"]?["id"])));
            return Paging.BuildText(context.Request, sorter.Sort(matches), pageSize, pageNumber, state.MessagingCampaigns.TextOf);
        });
        return HttpResponses.WriteJsonAsync(context, 200, page);
    }

    /// <summary>Genesys answers a delete with the campaign as it was; its schedule goes with it.</summary>
    private static Task DeleteAsync(HttpContext context, SimulatorState state)
    {
        var id = CampaignEndpoints.RouteId(context);
        var outcome = state.MessagingCampaigns.Delete(id);
        if (outcome.Json is null)
        {
            return HttpResponses.WriteErrorAsync(context, outcome.HttpStatus, outcome.ErrorCode, outcome.ErrorMessage!);
        }

        state.OnMessagingCampaignDeleted(id);
        return HttpResponses.WriteJsonAsync(context, 200, outcome.Json);
    }

    /// <summary><c>CampaignProgress</c> (fixture campaignprogress.json), with made-up but stable counts.</summary>
    private static Task ProgressAsync(HttpContext context, CampaignStore store)
    {
        var id = CampaignEndpoints.RouteId(context);
        var json = store.TryGetServedJson(id);
        if (json is null)
        {
            return HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"{store.Noun} {id} not found");
        }

        var campaign = JsonNode.Parse(json)!.AsObject();
        var status = CampaignEndpoints.Text(campaign["campaignStatus"]);
        const int Total = 2000;
        var messaged = status == CampaignStatuses.Complete ? Total : (Math.Abs(StableHash(id)) % 40) * 50;
        return HttpResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["campaign"] = Reference(campaign, "id", "name", "selfUri"),
            ["contactList"] = campaign["contactList"]?.DeepClone(),
            ["numberOfContactsCalled"] = 0,
            ["numberOfContactsMessaged"] = messaged,
            ["totalNumberOfContacts"] = Total,
            ["percentage"] = messaged * 100 / Total,
            ["numberOfContactsSkipped"] = new JsonObject { ["DNC"] = messaged / 100, ["UNCALLABLE"] = messaged / 250 },
        });
    }

    private static JsonObject Reference(JsonObject campaign, params string[] names)
    {
        var reference = new JsonObject();
        foreach (var name in names)
        {
            reference[name] = campaign[name]?.DeepClone();
        }

        return reference;
    }

    /// <summary>A hash that does not change between runs (string.GetHashCode does).</summary>
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text.ToUpperInvariant())
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash == int.MinValue ? 0 : hash;
    }
}

using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// <c>GET /api/v2/outbound/campaigns/all</c> and <c>.../all/divisionviews</c>: voice and messaging
/// campaigns in one paged list. Entries are summaries (<c>CommonCampaign</c>: id, name, division,
/// mediaType, selfUri); which fields real Genesys fills is UNCONFIRMED, so by default only those
/// (<see cref="SimulatorOptions.AllCampaignsFullEntries"/> adds the whole document).
/// </summary>
internal static class AllCampaignsEndpoints
{
    /// <summary>The <c>mediaType</c> values, matched exactly (lower case, as the SDK enum spells them).</summary>
    public static readonly IReadOnlyList<string> MediaTypes = ["voice", "sms", "email", "whatsapp"];

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/api/v2/outbound/campaigns/all", context => ListAsync(context, state));
        app.MapGet("/api/v2/outbound/campaigns/all/divisionviews", context => ListAsync(context, state));
    }

    private static Task ListAsync(HttpContext context, SimulatorState state)
    {
        var query = context.Request.Query;
        var error = ListQuery.Refusal(context.Request, ListQuery.AllCampaigns);
        if (error is not null
            || !Paging.TryRead(context.Request, out var pageSize, out var pageNumber, out error)
            || !NameFilter.TryCreate(query["name"], null, state.Options.CaseSensitiveNameFilter, out var nameFilter, out error)
            || !JsonSorter.TryCreate("name", query["sortOrder"], out var sorter, out error))
        {
            return CampaignEndpoints.BadRequest(context, error!);
        }

        var ids = CampaignEndpoints.SplitValues(query["id"]);
        if (ids.Count > CampaignEndpoints.MaxIds)
        {
            return HttpResponses.WriteErrorAsync(context, 400, GenesysErrorCodes.TooManyBulkRetrieves, $"Too many ids requested: {ids.Count}. The maximum is {CampaignEndpoints.MaxIds}.");
        }

        var mediaTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in query["mediaType"])
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!MediaTypes.Contains(part))
                {
                    return CampaignEndpoints.BadRequest(context, $"Value [{part}] for field [mediaType] is not valid: use {string.Join(", ", MediaTypes)}");
                }

                mediaTypes.Add(part);
            }
        }

        var divisionIds = CampaignEndpoints.SplitValues(query["divisionId"]);
        var full = state.Options.AllCampaignsFullEntries;
        bool Wanted(JsonObject campaign, string mediaType) =>
            (ids.Count == 0 || ids.Contains(CampaignEndpoints.Text(campaign["id"])))
            && (mediaTypes.Count == 0 || mediaTypes.Contains(mediaType))
            && nameFilter.Matches(CampaignEndpoints.Text(campaign["name"]))
            && (divisionIds.Count == 0 || divisionIds.Contains(CampaignEndpoints.Text(campaign["division"]?["id"])));

        // Each store is read under its own lock, one after the other: the stores never nest.
        var entries = state.Campaigns.Read(all => all
            .Where(c => Wanted(c, "voice"))
            .Select(c => Entry(c, "voice", full))
            .ToList());
        entries.AddRange(state.MessagingCampaigns.Read(all => all
            .Select(c => (Campaign: c, MediaType: MessagingCampaignTypes.MediaTypeOf(c)))
            .Where(c => Wanted(c.Campaign, c.MediaType))
            .Select(c => Entry(c.Campaign, c.MediaType, full))
            .ToList()));
        return HttpResponses.WriteJsonAsync(context, 200, Paging.Build(context.Request, sorter.Sort(entries), pageSize, pageNumber));
    }

    /// <summary>A copy made under the store lock: the summary, or the whole document plus <c>mediaType</c>.</summary>
    private static JsonObject Entry(JsonObject campaign, string mediaType, bool full)
    {
        if (full)
        {
            var copy = (JsonObject)campaign.DeepClone();
            copy["mediaType"] = mediaType;
            return copy;
        }

        return new JsonObject
        {
            ["id"] = campaign["id"]?.DeepClone(),
            ["name"] = campaign["name"]?.DeepClone(),
            ["division"] = campaign["division"]?.DeepClone(),
            ["mediaType"] = mediaType,
            ["selfUri"] = campaign["selfUri"]?.DeepClone(),
        };
    }
}

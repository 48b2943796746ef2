namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The query parameters a simulated list implements. Any other is refused with 400, a parameter
/// the SDK declares but the simulator does not implement included: a real org would filter by it,
/// so answering the whole list instead would flatter a client that relies on it.
/// </summary>
internal static class ListQuery
{
    /// <summary>Voice campaigns (<c>getOutboundCampaigns</c>).</summary>
    public static readonly string[] Campaigns = ["pageSize", "pageNumber", "filterType", "name", "id", "contactListId", "divisionId", "sortBy", "sortOrder"];

    /// <summary>Messaging campaigns (<c>getOutboundMessagingcampaigns</c>; no <c>filterType</c> there).</summary>
    public static readonly string[] MessagingCampaigns = ["pageSize", "pageNumber", "sortBy", "sortOrder", "name", "contactListId", "divisionId", "type", "id", "campaignStatus"];

    /// <summary>Sequences and campaign rules (<c>getOutboundSequences</c>, <c>getOutboundCampaignrules</c>).</summary>
    public static readonly string[] SequencesAndRules = ["pageSize", "pageNumber", "allowEmptyResult", "filterType", "name", "sortBy", "sortOrder"];

    /// <summary>Every kind of campaign (<c>getOutboundCampaignsAll</c> and its division views).</summary>
    public static readonly string[] AllCampaigns = ["pageSize", "pageNumber", "id", "name", "divisionId", "mediaType", "sortOrder"];

    /// <summary>The five schedule lists take none.</summary>
    public static readonly string[] Schedules = [];

    /// <summary>The 400 message for the first parameter not in <paramref name="implemented"/>, or null when all are.</summary>
    public static string? Refusal(HttpRequest request, IReadOnlyCollection<string> implemented) =>
        request.Query.Keys.FirstOrDefault(key => !implemented.Contains(key, StringComparer.Ordinal)) is { } key
            ? $"The query parameter [{key}] is not supported on {request.Path} by the simulator (it implements: {(implemented.Count == 0 ? "none" : string.Join(", ", implemented))})"
            : null;
}

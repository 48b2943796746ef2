namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The permission each simulated endpoint requires (names CONFIRMED in docs/genesys-api.md), in one
/// table; a schedule's calls take any one of the two the SDK lists (<see cref="ScheduleKind"/>).
/// Notifications need none beyond the topics' own.
/// </summary>
public static class EndpointPermissions
{
    /// <summary>Read campaigns.</summary>
    public const string CampaignView = "outbound:campaign:view";

    /// <summary>Full-body PUT of a campaign.</summary>
    public const string CampaignEdit = "outbound:campaign:edit";

    /// <summary><c>POST .../campaigns/{id}/start</c>.</summary>
    public const string CampaignStart = "outbound:campaign:start";

    /// <summary><c>POST .../campaigns/{id}/stop</c>.</summary>
    public const string CampaignStop = "outbound:campaign:stop";

    /// <summary>Read messaging (SMS, email, WhatsApp) campaigns and their progress.</summary>
    public const string MessagingCampaignView = "outbound:messagingCampaign:view";

    /// <summary>Full-body PUT of a messaging campaign.</summary>
    public const string MessagingCampaignEdit = "outbound:messagingCampaign:edit";

    /// <summary><c>POST .../messagingcampaigns/{id}/start</c>.</summary>
    public const string MessagingCampaignStart = "outbound:messagingCampaign:start";

    /// <summary><c>POST .../messagingcampaigns/{id}/stop</c>.</summary>
    public const string MessagingCampaignStop = "outbound:messagingCampaign:stop";

    /// <summary><c>DELETE .../messagingcampaigns/{id}</c> (the name follows Genesys's pattern; UNCONFIRMED).</summary>
    public const string MessagingCampaignDelete = "outbound:messagingCampaign:delete";

    /// <summary>Read sequences.</summary>
    public const string SequenceView = "outbound:campaignSequence:view";

    /// <summary>Full-body PUT of a sequence (turning it on or off included).</summary>
    public const string SequenceEdit = "outbound:campaignSequence:edit";

    /// <summary>Full-body PUT of a campaign rule.</summary>
    public const string RuleEdit = "outbound:campaignRule:edit";

    /// <summary>Read campaign rules.</summary>
    public const string RuleView = "outbound:campaignRule:view";

    /// <summary>The first of the two view permissions of voice campaign and sequence schedules (either of the SDK's two will do).</summary>
    public const string ScheduleView = "outbound:schedule:view";

    /// <summary>The permission a request needs (the first, when it needs several), or null when it needs none.</summary>
    internal static string? Required(string method, PathString path) => RequiredAll(method, path) is { Count: > 0 } all ? all[0][0] : null;

    /// <summary>
    /// What a request needs: one permission of each list. Only <c>/campaigns/all</c> needs two lists: it
    /// lists voice and messaging campaigns, and which view Genesys asks for is UNCONFIRMED, so both (the
    /// stricter). A schedule's call needs one list of two (SDK "Requires ANY permissions").
    /// </summary>
    internal static IReadOnlyList<string[]> RequiredAll(string method, PathString path)
    {
        if (HttpMethods.IsGet(method) && path.StartsWithSegments("/api/v2/outbound/campaigns/all", StringComparison.OrdinalIgnoreCase))
        {
            return [[CampaignView], [MessagingCampaignView]];
        }

        if (path.StartsWithSegments("/api/v2/outbound/schedules", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
            var call = method.ToUpperInvariant() switch { "GET" => "view", "PUT" => "edit", "DELETE" => "delete", _ => null };
            return segments.Length > 0 && ScheduleKind.OfSegment(segments[0]) is { } kind && call is not null ? [kind.PermissionsFor(call)] : [];
        }

        return One(method, path) is { } permission ? [[permission]] : [];
    }

    private static string? One(string method, PathString path)
    {
        const string Outbound = "/api/v2/outbound";
        if (!path.StartsWithSegments(Outbound, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return null;
        }

        var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var collection = segments.Length > 0 ? segments[0] : string.Empty;
        return (collection, method.ToUpperInvariant(), segments.Length) switch
        {
            ("campaigns", "GET", _) => CampaignView,
            ("campaigns", "PUT", 2) => CampaignEdit,
            ("campaigns", "POST", 3) when segments[2] == "start" => CampaignStart,
            ("campaigns", "POST", 3) when segments[2] == "stop" => CampaignStop,
            ("messagingcampaigns", "GET", _) => MessagingCampaignView,
            ("messagingcampaigns", "PUT", 2) => MessagingCampaignEdit,
            ("messagingcampaigns", "DELETE", 2) => MessagingCampaignDelete,
            ("messagingcampaigns", "POST", 3) when segments[2] == "start" => MessagingCampaignStart,
            ("messagingcampaigns", "POST", 3) when segments[2] == "stop" => MessagingCampaignStop,
            ("sequences", "GET", _) => SequenceView,
            ("sequences", "PUT", 2) => SequenceEdit,
            ("campaignrules", "GET", _) => RuleView,
            ("campaignrules", "PUT", 2) => RuleEdit,
            _ => null,
        };
    }
}

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The permissions the simulated clients are given, by name, and what each request requires: as the
/// SDK's operation lists them (contract/outbound-api.json), where the SDK has the operation.
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
    /// What a request needs: one permission of each list, as the SDK's operation says
    /// (<see cref="SdkDefinitions.PermissionsOf"/>: "Requires ANY" is one list, "ALL" one list per
    /// permission). The two calls the SDK has no operation for here (a messaging campaign's delete and
    /// progress) need the names in this class.
    /// </summary>
    internal static IReadOnlyList<string[]> RequiredAll(string method, PathString path) =>
        SdkDefinitions.PermissionsOf(method, path.Value ?? string.Empty) ?? (NotInTheSdk(method, path) is { } permission ? [[permission]] : []);

    private static string? NotInTheSdk(string method, PathString path)
    {
        if (!path.StartsWithSegments("/api/v2/outbound/messagingcampaigns", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            return null;
        }

        var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (method.ToUpperInvariant(), segments.Length) switch
        {
            ("DELETE", 1) => MessagingCampaignDelete,
            ("GET", 2) when segments[1] == "progress" => MessagingCampaignView,
            _ => null,
        };
    }
}

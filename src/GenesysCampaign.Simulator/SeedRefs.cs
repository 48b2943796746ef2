using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Builds the <c>{id, name, selfUri}</c> references Genesys uses between resources.</summary>
internal static class SeedRefs
{
    public static JsonObject Ref(string id, string name, string selfUriBase) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["selfUri"] = $"{selfUriBase}/{id}",
    };

    public static JsonObject Campaign(int index) =>
        Ref(SimulatorSeed.CampaignId(index), SimulatorSeed.CampaignName(index), "/api/v2/outbound/campaigns");

    public static JsonObject MessagingCampaign(int index) =>
        Ref(SimulatorSeed.MessagingCampaignId(index), SimulatorSeed.MessagingCampaignName(index), "/api/v2/outbound/messagingcampaigns");

    public static JsonObject Sequence(string id, string name) => Ref(id, name, "/api/v2/outbound/sequences");

    /// <summary>A deterministic GUID-shaped id: a type prefix (8 hex digits) and a number.</summary>
    public static string Id(string typePrefix, int number) => $"{typePrefix}-0000-4000-8000-{number:D12}";

    /// <summary>Seeds all timestamps from one fixed instant so runs compare equal.</summary>
    public static readonly DateTimeOffset Epoch = new(2024, 1, 8, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Genesys writes timestamps as ISO 8601 UTC with milliseconds.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

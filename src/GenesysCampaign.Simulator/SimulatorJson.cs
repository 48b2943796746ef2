using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Serializer settings shared by the simulator's responses.</summary>
internal static class SimulatorJson
{
    /// <summary>For JSON documents: keeps characters like '+' and '&lt;' readable, as Genesys sends them.</summary>
    public static readonly JsonSerializerOptions Documents = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For the admin endpoints: camelCase, enums by name, case-insensitive reads.</summary>
    public static readonly JsonSerializerOptions Admin = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Documents);
}

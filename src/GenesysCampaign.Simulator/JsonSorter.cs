using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// <c>sortBy</c>/<c>sortOrder</c> over JSON documents: any top-level property, numbers numerically,
/// everything else as case-insensitive text, ties broken by id so pages never overlap.
/// </summary>
internal static class JsonSorter
{
    public static bool TryCreate(string? sortBy, string? sortOrder, out Comparison<JsonObject> comparison, out string? error)
    {
        comparison = static (_, _) => 0;
        error = null;
        var descending = false;
        if (!string.IsNullOrEmpty(sortOrder))
        {
            if (sortOrder.Equals("descending", StringComparison.OrdinalIgnoreCase) || sortOrder.Equals("desc", StringComparison.OrdinalIgnoreCase))
            {
                descending = true;
            }
            else if (!sortOrder.Equals("ascending", StringComparison.OrdinalIgnoreCase) && !sortOrder.Equals("asc", StringComparison.OrdinalIgnoreCase))
            {
                error = $"Value [{sortOrder}] for field [sortOrder] is not valid: use ascending or descending";
                return false;
            }
        }

        var property = string.IsNullOrEmpty(sortBy) ? "name" : sortBy;
        var sign = descending ? -1 : 1;
        comparison = (a, b) =>
        {
            var result = CompareValues(Find(a, property), Find(b, property));
            return result != 0 ? sign * result : string.CompareOrdinal(Text(a["id"]), Text(b["id"]));
        };
        return true;
    }

    private static JsonNode? Find(JsonObject obj, string property)
    {
        if (obj.TryGetPropertyValue(property, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (key.Equals(property, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static int CompareValues(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue va && b is JsonValue vb
            && va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number)
        {
            // Via the JSON text: GetValue<decimal> fails on values that were stored as int or double.
            return Number(va).CompareTo(Number(vb));
        }

        return string.Compare(Text(a), Text(b), StringComparison.OrdinalIgnoreCase);
    }

    private static decimal Number(JsonValue value) =>
        decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0m;

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// Tolerant readers for the dependency objects: a missing field, a field of another JSON kind or
/// a <c>null</c> reads as absent, never as an error; extra fields are ignored (they stay in the
/// kept JSON).
/// </summary>
internal static class DependencyJson
{
    public static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static int? Int(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var n) ? n : null;

    public static bool? Bool(JsonElement element, string name) => Property(element, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A Genesys timestamp (<c>yyyy-MM-ddTHH:mm:ss.SSSZ</c>) as UTC.</summary>
    public static DateTime? Date(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray() : Enumerable.Empty<JsonElement>();

    /// <summary>One reference: an object with an <c>id</c>, or a bare id string; else null.</summary>
    public static GenesysEntityRef? Reference(JsonElement reference) => reference.ValueKind switch
    {
        JsonValueKind.Object when Text(reference, "id") is { Length: > 0 } id => new GenesysEntityRef(id, Text(reference, "name")),
        JsonValueKind.String when reference.GetString() is { Length: > 0 } id => new GenesysEntityRef(id, null),
        _ => null,
    };

    public static GenesysEntityRef? Reference(JsonElement element, string name) => Reference(Property(element, name));

    /// <summary>A list of references, in order, those without an id left out.</summary>
    public static IReadOnlyList<GenesysEntityRef> References(JsonElement element, string name) =>
        Array(element, name).Select(Reference).Where(r => r is not null).Select(r => r!).ToList();

    /// <summary>The references of several lists, each id once, in order.</summary>
    public static IReadOnlyList<GenesysEntityRef> Distinct(IEnumerable<GenesysEntityRef> references)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return references.Where(r => seen.Add(r.Id)).ToList();
    }

    /// <summary>The id an object must have: a missing one makes the answer unreadable.</summary>
    public static string RequireId(JsonElement element, string noun) =>
        Text(element, "id") is { Length: > 0 } id ? id : throw new FormatException($"A {noun} in the answer has no 'id'.");
}

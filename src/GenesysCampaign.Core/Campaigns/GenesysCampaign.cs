using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// An outbound campaign as last read. The fields the module needs are typed; the whole body is kept
/// as the exact JSON that was read, because a status change must PUT every field back (genesys-api.md).
/// </summary>
public sealed class GenesysCampaign
{
    private GenesysCampaign(string json, string id, string name, string status, int version)
    {
        Json = json;
        Id = id;
        Name = name;
        Status = status;
        Version = version;
    }

    /// <summary>The campaign id (a GUID).</summary>
    public string Id { get; }

    /// <summary>The campaign name.</summary>
    public string Name { get; }

    /// <summary><c>campaignStatus</c>: on, stopping, off, complete, invalid, forced_off, forced_stopping, or a value newer than this module.</summary>
    public string Status { get; }

    /// <summary>The optimistic-concurrency version a PUT must echo.</summary>
    public int Version { get; }

    /// <summary>preview, progressive, power, predictive, agentless, ...</summary>
    public string? DialingMode { get; private set; }

    /// <summary>The division's name.</summary>
    public string? Division { get; private set; }

    /// <summary>The contact list's name.</summary>
    public string? ContactList { get; private set; }

    /// <summary>The queue's name.</summary>
    public string? Queue { get; private set; }

    /// <summary>Why the campaign is <c>invalid</c>: the messages of its <c>errors[]</c>.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = Array.Empty<string>();

    /// <summary>When the campaign was last modified (UTC), when Genesys says.</summary>
    public DateTime? DateModified { get; private set; }

    /// <summary>The exact JSON text that was read.</summary>
    internal string Json { get; }

    /// <summary>The exact JSON text that was read (every field, unknown ones too).</summary>
    public string ToJson() => Json;

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads one campaign object; its raw text is kept byte for byte.</summary>
    /// <exception cref="FormatException">The object has no id.</exception>
    public static GenesysCampaign Parse(JsonElement element)
    {
        var id = Text(element, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new FormatException("A campaign in the answer has no 'id'.");
        }

        var version = element.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
        return new GenesysCampaign(element.GetRawText(), id!, Text(element, "name") ?? string.Empty, Text(element, "campaignStatus") ?? string.Empty, version)
        {
            DialingMode = Text(element, "dialingMode"),
            Division = ReferenceName(element, "division"),
            ContactList = ReferenceName(element, "contactList"),
            Queue = ReferenceName(element, "queue"),
            Errors = ErrorMessages(element),
            DateModified = Date(element, "dateModified"),
        };
    }

    /// <summary>Reads one campaign from JSON text.</summary>
    public static GenesysCampaign Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ReferenceName(JsonElement element, string name) =>
        element.TryGetProperty(name, out var reference) && reference.ValueKind == JsonValueKind.Object
            ? Text(reference, "name") ?? Text(reference, "id")
            : null;

    private static DateTime? Date(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static IReadOnlyList<string> ErrorMessages(JsonElement element)
    {
        if (!element.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var messages = new List<string>();
        foreach (var error in errors.EnumerateArray())
        {
            var text = error.ValueKind == JsonValueKind.Object
                ? Text(error, "message") ?? Text(error, "code") ?? error.GetRawText()
                : error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText();
            if (!string.IsNullOrEmpty(text))
            {
                messages.Add(text!);
            }
        }

        return messages;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// An outbound campaign as last read, voice or messaging (<see cref="Kind"/>, <see cref="MediaType"/>).
/// The fields the module needs are typed; the whole body is kept as the exact JSON that was read,
/// because a status change must PUT every field back (docs/genesys-api.md).
/// </summary>
public sealed class GenesysCampaign : IOutboundObject
{
    private GenesysCampaign(CampaignKind kind, string json, string id, string name, string status, int version)
    {
        Kind = kind;
        Json = json;
        Id = id;
        Name = name;
        Status = status;
        Version = version;
    }

    /// <summary>Which kind of campaign, and so which endpoints, topics and limit apply.</summary>
    public CampaignKind Kind { get; }

    /// <inheritdoc />
    OutboundObjectKind IOutboundObject.ObjectKind => OutboundObjectKind.Campaign;

    /// <summary>Voice, or the messaging campaign's channel (from the one of smsConfig, emailConfig, whatsAppConfig it has).</summary>
    public CampaignMediaType MediaType { get; private set; }

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

    /// <summary>
    /// Seen in a notification, not read: its JSON is the event body, which need not carry every
    /// field, so it must never become a PUT body (a PUT replaces the whole campaign).
    /// </summary>
    internal bool FromNotification { get; private set; }

    /// <summary>The exact JSON text that was read (every field, unknown ones too).</summary>
    public string ToJson() => Json;

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads one campaign object of a kind; its raw text is kept byte for byte.</summary>
    /// <exception cref="FormatException">The object has no id.</exception>
    internal static GenesysCampaign Parse(JsonElement element, CampaignKind kind)
    {
        var id = Text(element, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new FormatException($"A {kind.Noun} in the answer has no 'id'.");
        }

        return Read(element, kind, id!, known: null);
    }

    /// <summary>Reads one voice campaign object.</summary>
    internal static GenesysCampaign Parse(JsonElement element) => Parse(element, CampaignKind.Voice);

    /// <summary>Reads one campaign of a kind from JSON text.</summary>
    internal static GenesysCampaign Parse(string json, CampaignKind? kind = null)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement, kind ?? CampaignKind.Voice);
    }

    /// <summary>
    /// Reads the body of a campaign notification, or null when it carries no status. docs/genesys-api.md
    /// calls it the campaign but names only status, version, errors and dateModified: the id comes
    /// from the topic, and whatever else the body lacks from <paramref name="known"/>, the campaign
    /// as last seen.
    /// </summary>
    internal static GenesysCampaign? ParseNotification(JsonElement body, CampaignKind kind, string topicCampaignId, GenesysCampaign? known)
    {
        if (body.ValueKind != JsonValueKind.Object || Text(body, "campaignStatus") is null)
        {
            return null;
        }

        var campaign = Read(body, known?.Kind ?? kind, Text(body, "id") ?? topicCampaignId, known);
        campaign.FromNotification = true;
        return campaign;
    }

    /// <summary>A view seen in a notification, with what its body lacks taken from <paramref name="known"/>.</summary>
    internal GenesysCampaign FilledFrom(GenesysCampaign known)
    {
        using var doc = JsonDocument.Parse(Json);
        return ParseNotification(doc.RootElement, Kind, Id, known) ?? this;
    }

    private static GenesysCampaign Read(JsonElement element, CampaignKind kind, string id, GenesysCampaign? known)
    {
        var version = element.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : known?.Version ?? 0;
        return new GenesysCampaign(kind, element.GetRawText(), id, Text(element, "name") ?? known?.Name ?? string.Empty, Text(element, "campaignStatus") ?? known?.Status ?? string.Empty, version)
        {
            MediaType = MediaTypeOf(element, kind) ?? known?.MediaType ?? (ReferenceEquals(kind, CampaignKind.Voice) ? CampaignMediaType.Voice : CampaignMediaType.Sms),
            DialingMode = Text(element, "dialingMode") ?? known?.DialingMode,
            Division = ReferenceName(element, "division") ?? known?.Division,
            ContactList = ReferenceName(element, "contactList") ?? known?.ContactList,
            Queue = ReferenceName(element, "queue") ?? known?.Queue,
            Errors = known is null || element.TryGetProperty("errors", out _) ? ErrorMessages(element) : known.Errors,
            DateModified = Date(element, "dateModified") ?? known?.DateModified,
        };
    }

    /// <summary>
    /// A messaging campaign's channel: the one of smsConfig, emailConfig, whatsAppConfig that is an
    /// object (the others are absent or null), else a <c>type</c> field (the list filter's
    /// EMAIL|SMS|WHATSAPP); null when the body says neither (a notification's, say).
    /// </summary>
    private static CampaignMediaType? MediaTypeOf(JsonElement element, CampaignKind kind)
    {
        if (ReferenceEquals(kind, CampaignKind.Voice))
        {
            return CampaignMediaType.Voice;
        }

        foreach (var (field, mediaType) in new[] { ("smsConfig", CampaignMediaType.Sms), ("emailConfig", CampaignMediaType.Email), ("whatsAppConfig", CampaignMediaType.WhatsApp) })
        {
            if (element.TryGetProperty(field, out var config) && config.ValueKind == JsonValueKind.Object)
            {
                return mediaType;
            }
        }

        return Text(element, "type")?.ToUpperInvariant() switch
        {
            "SMS" => CampaignMediaType.Sms,
            "EMAIL" => CampaignMediaType.Email,
            "WHATSAPP" => CampaignMediaType.WhatsApp,
            _ => null,
        };
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

    /// <summary>
    /// The campaign's <c>errors[]</c> as text. Each item is the SDK's RestErrorDetail (../shared/contract):
    /// <c>error</c> (what is wrong), <c>details</c> (a sentence with <c>{key}</c> placeholders) and
    /// <c>userParams</c> (<c>[{key, value}]</c> that fill them): "Script not found: The script 69168fc1-…
    /// assigned to this campaign could not be found." Any other shape keeps what it has to say: a string,
    /// a <c>message</c> or <c>code</c>, else its JSON.
    /// </summary>
    private static IReadOnlyList<string> ErrorMessages(JsonElement element)
    {
        if (!element.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var messages = new List<string>();
        foreach (var error in errors.EnumerateArray())
        {
            var text = error.ValueKind switch
            {
                JsonValueKind.Object => ErrorDetail(error) ?? Text(error, "message") ?? Text(error, "code") ?? error.GetRawText(),
                JsonValueKind.String => error.GetString(),
                _ => error.GetRawText(),
            };
            if (!string.IsNullOrEmpty(text))
            {
                messages.Add(text!);
            }
        }

        return messages;
    }

    /// <summary>A RestErrorDetail as one line: its error, then its details with the user params filled in; null when it has neither.</summary>
    private static string? ErrorDetail(JsonElement item)
    {
        var error = Text(item, "error");
        var details = Text(item, "details");
        if (details is not null && item.TryGetProperty("userParams", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in parameters.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
            {
                if (Text(parameter, "key") is { } key)
                {
                    details = details.Replace("{" + key + "}", Text(parameter, "value") ?? string.Empty);
                }
            }
        }

        return (error, details) switch
        {
            (null, null) => null,
            (_, null) => error,
            (null, _) => details,
            _ => string.Equals(error, details, StringComparison.Ordinal) ? error : $"{error}: {details}",
        };
    }
}

using System;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// Builds the body of a full-body PUT that changes one field: the JSON exactly as read, with only the
/// value of one top-level property replaced. Splicing the text (rather than re-serialising a model)
/// is what guarantees that no field, known or unknown, is dropped or reformatted. Campaigns,
/// sequences and campaign rules are all written this way.
/// </summary>
internal static class CampaignBody
{
    /// <summary>
    /// The query of a campaign's full-body PUT (empty, or <c>?...</c>): for a voice campaign whose body
    /// carries <c>maxCallsPerAgentDecimal</c>, <c>useMaxCallsPerAgentDecimal=true</c>. Genesys's SDK gives
    /// <c>PUT /api/v2/outbound/campaigns/{id}</c> this one flag (CONFIRMED, ../shared/contract); without it
    /// Genesys takes the integer <c>maxCallsPerAgent</c>, and a body read with 1.5 calls per agent could
    /// come back with 1 (UNCONFIRMED how Genesys reconciles the two; Genesys's Terraform provider sends the
    /// flag on every campaign PUT). A body without the decimal is sent as it always was: the integer is
    /// then all there is. Messaging campaigns have neither field nor flag.
    /// </summary>
    public static string PutQuery(CampaignKind kind, string json)
    {
        if (kind != CampaignKind.Voice)
        {
            return string.Empty;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("maxCallsPerAgentDecimal", out var calls)
            && calls.ValueKind == JsonValueKind.Number
                ? "?useMaxCallsPerAgentDecimal=true"
                : string.Empty;
    }

    /// <summary>Returns <paramref name="json"/> with <c>campaignStatus</c> set to <paramref name="status"/>.</summary>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static string WithStatus(string json, string status) => WithProperty(json, "campaignStatus", JsonText.String(status));

    /// <summary>
    /// Returns <paramref name="json"/> with the top-level <paramref name="property"/> set to
    /// <paramref name="encodedValue"/> (JSON text: <c>"off"</c>, <c>false</c>), added last when absent.
    /// </summary>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static string WithProperty(string json, string property, string encodedValue)
    {
        var name = Encoding.UTF8.GetBytes(property);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("A body must be a JSON object.");
        }

        long closingBrace = -1;
        var hasProperties = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                closingBrace = reader.TokenStartIndex;
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            hasProperties = true;
            var isTarget = reader.ValueTextEquals(name);
            reader.Read();
            if (isTarget)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                return Encoding.UTF8.GetString(bytes, 0, start) + encodedValue + Encoding.UTF8.GetString(bytes, end, bytes.Length - end);
            }

            reader.Skip();
        }

        if (closingBrace < 0)
        {
            throw new FormatException("A body must be a complete JSON object.");
        }

        // Not in the body at all: add it as the last property.
        var at = (int)closingBrace;
        var insert = (hasProperties ? "," : string.Empty) + JsonText.String(property) + ":" + encodedValue;
        return Encoding.UTF8.GetString(bytes, 0, at) + insert + Encoding.UTF8.GetString(bytes, at, bytes.Length - at);
    }
}

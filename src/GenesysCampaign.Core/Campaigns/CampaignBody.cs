using System;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// Builds the PUT body for a status change: the JSON exactly as read, with only the value of the
/// top-level <c>campaignStatus</c> replaced. Splicing the text (rather than re-serialising a model)
/// is what guarantees that no field, known or unknown, is dropped or reformatted.
/// </summary>
public static class CampaignBody
{
    private static readonly byte[] StatusProperty = Encoding.UTF8.GetBytes("campaignStatus");

    /// <summary>Returns <paramref name="json"/> with <c>campaignStatus</c> set to <paramref name="status"/>.</summary>
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static string WithStatus(string json, string status)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var encodedStatus = JsonSerializer.Serialize(status);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("A campaign body must be a JSON object.");
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
            var isStatus = reader.ValueTextEquals(StatusProperty);
            reader.Read();
            if (isStatus)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                return Encoding.UTF8.GetString(bytes, 0, start) + encodedStatus + Encoding.UTF8.GetString(bytes, end, bytes.Length - end);
            }

            reader.Skip();
        }

        if (closingBrace < 0)
        {
            throw new FormatException("A campaign body must be a complete JSON object.");
        }

        // No campaignStatus in the body at all: add it as the last property.
        var at = (int)closingBrace;
        var insert = (hasProperties ? "," : string.Empty) + "\"campaignStatus\":" + encodedStatus;
        return Encoding.UTF8.GetString(bytes, 0, at) + insert + Encoding.UTF8.GetString(bytes, at, bytes.Length - at);
    }
}

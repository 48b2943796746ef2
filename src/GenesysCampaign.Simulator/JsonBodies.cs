using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Reading and checking the JSON object body of a full-body PUT, as every writable resource does.</summary>
internal static class JsonBodies
{
    /// <summary>The body as an object, or null after answering 415 (not JSON) or 400 (not an object).</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context, string what)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media)
            || !(media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true))
        {
            await HttpResponses.WriteErrorAsync(context, 415, GenesysErrorCodes.UnsupportedMediaType,
                $"Content type '{context.Request.ContentType}' is not supported; send application/json").ConfigureAwait(false);
            return null;
        }

        try
        {
            if (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) is JsonObject body)
            {
                _ = body.Count;
                return body;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            await CampaignEndpoints.BadRequest(context, "The request body is not valid JSON: " + ex.Message).ConfigureAwait(false);
            return null;
        }

        await CampaignEndpoints.BadRequest(context, $"The request body must be a {what} JSON object").ConfigureAwait(false);
        return null;
    }

    /// <summary>The string at <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The int <c>version</c>, or null when absent or not an int.</summary>
    public static int? Version(JsonObject body) =>
        body["version"] is JsonValue value && value.TryGetValue<int>(out var version) ? version : null;

    /// <summary>Copies the server-owned properties of <paramref name="current"/> over <paramref name="body"/>.</summary>
    public static void KeepServerFields(JsonObject body, JsonObject current, params string[] names)
    {
        foreach (var name in names)
        {
            if (current.TryGetPropertyValue(name, out var value))
            {
                body[name] = value?.DeepClone();
            }
            else
            {
                body.Remove(name);
            }
        }
    }

    public static Task WriteOutcomeAsync(HttpContext context, PutOutcome outcome) =>
        outcome.Json is not null
            ? HttpResponses.WriteJsonAsync(context, outcome.HttpStatus, outcome.Json)
            : HttpResponses.WriteErrorAsync(context, outcome.HttpStatus, outcome.ErrorCode, outcome.ErrorMessage!);
}

using System.Text;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Writes simulator responses with an explicit Content-Length, the way Genesys answers.</summary>
internal static class HttpResponses
{
    public const string CorrelationItemKey = "sim.correlationId";

    public static Task WriteJsonAsync(HttpContext context, int status, string json) =>
        WriteAsync(context, status, "application/json", json);

    public static Task WriteJsonAsync(HttpContext context, int status, JsonNode node) =>
        WriteJsonAsync(context, status, SimulatorJson.Serialize(node));

    public static async Task WriteAsync(HttpContext context, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the Genesys error body (a null <paramref name="code"/> is sent as JSON null). <c>contextId</c> repeats the <c>inin-correlation-id</c> header,
    /// which is what Genesys support asks for.
    /// </summary>
    public static Task WriteErrorAsync(
        HttpContext context,
        int status,
        string? code,
        string message,
        string? messageWithParams = null,
        JsonObject? messageParams = null)
    {
        var body = new JsonObject
        {
            ["message"] = message,
            ["code"] = code,
            ["status"] = status,
            ["messageWithParams"] = messageWithParams ?? message,
            ["messageParams"] = messageParams ?? new JsonObject(),
            ["contextId"] = CorrelationId(context),
            ["details"] = new JsonArray(),
            ["errors"] = new JsonArray(),
        };
        return WriteJsonAsync(context, status, body);
    }

    public static string CorrelationId(HttpContext context) =>
        context.Items.TryGetValue(CorrelationItemKey, out var value) && value is string id ? id : string.Empty;
}

using System;
using System.Text.Json;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// A request Genesys Cloud answered with an error (after any retries), or that could not be answered
/// at all (<see cref="StatusCode"/> 0). Carries the API's <c>code</c> and <c>contextId</c>, which is
/// what Genesys support asks for.
/// </summary>
public sealed class GenesysApiException : Exception
{
    /// <summary>Creates the exception from what the API said.</summary>
    public GenesysApiException(int statusCode, string? code, string message, string? correlationId, int attempts, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Code = code;
        CorrelationId = correlationId;
        Attempts = attempts;
    }

    /// <summary>HTTP status, or 0 when no answer came (network fault, timeout).</summary>
    public int StatusCode { get; }

    /// <summary>The error body's <c>code</c> (UNCONFIRMED values: for messages and records, never for decisions).</summary>
    public string? Code { get; }

    /// <summary>The error body's <c>contextId</c> or the <c>inin-correlation-id</c> header.</summary>
    public string? CorrelationId { get; }

    /// <summary>How many HTTP requests were sent before giving up.</summary>
    public int Attempts { get; }

    /// <summary>
    /// Whether some attempt ended without an answer from Genesys (a timeout, a dropped connection, a
    /// 5xx from whatever stands in front of it): a write may then have applied even though this
    /// answer refuses it, or no answer came at all.
    /// </summary>
    public bool AnswerLost { get; internal set; }

    /// <summary>
    /// Whether a campaign list answered so cannot be read by this role or in this org at all: 403 (no
    /// view permission), or 400, 404, 405 or 501 (which an org without the product answers is
    /// UNCONFIRMED): that kind is skipped with a warning, and the others are still read. A 429 or a 5xx
    /// is not: it is retried, and then fails.
    /// </summary>
    internal bool RefusesTheList => StatusCode is 400 or 403 or 404 or 405 or 501;

    /// <summary>Builds the exception from an error response, reading Genesys's error body when there is one.</summary>
    internal static GenesysApiException FromResponse(ApiResponse response, string what, int attempts)
    {
        string? code = null;
        string? message = null;
        string? contextId = null;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = GetString(doc.RootElement, "code") ?? GetString(doc.RootElement, "error");
                message = GetString(doc.RootElement, "message") ?? GetString(doc.RootElement, "description");
                contextId = GetString(doc.RootElement, "contextId");
            }
        }
        catch (JsonException)
        {
            // Not Genesys's JSON (a proxy's HTML page): the status line is all we have.
        }

        var correlation = contextId ?? response.CorrelationId;
        var text = $"{what} failed: HTTP {response.StatusCode}"
            + (code is null ? string.Empty : $" {code}")
            + (message is null ? string.Empty : $": {message}")
            + (correlation is null ? string.Empty : $" (correlation id {correlation})");
        return new GenesysApiException(response.StatusCode, code, text, correlation, attempts);
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Outbound.Api;

/// <summary>One HTTP answer, read whole: status, body and the headers the module uses.</summary>
internal sealed class ApiResponse
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private string? _body;

    /// <summary>An answer whose body is the UTF-8 bytes <paramref name="utf8"/> as sent (a byte order mark is dropped).</summary>
    public ApiResponse(int statusCode, byte[] utf8, string? correlationId, double? retryAfterSeconds)
    {
        StatusCode = statusCode;
        _utf8 = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? utf8.AsMemory(3) : utf8;
        CorrelationId = correlationId;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int StatusCode { get; }

    /// <summary>The body as text, decoded when first asked for: pages are parsed from the bytes (<see cref="Parse"/>), never decoded.</summary>
    public string Body => _body ??= Encoding.UTF8.GetString(_utf8.ToArray());

    /// <summary>The <c>inin-correlation-id</c> header.</summary>
    public string? CorrelationId { get; }

    /// <summary>The <c>Retry-After</c> header in seconds, when present.</summary>
    public double? RetryAfterSeconds { get; }

    public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;

    /// <summary>The body as a JSON document, read straight from its bytes (JSON answers are UTF-8: RFC 8259).</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonDocument Parse() => JsonDocument.Parse(_utf8);

    /// <summary>Whether the body is one JSON object or array (first and last characters, whitespace aside); an empty body is not.</summary>
    public bool LooksLikeJson()
    {
        var span = _utf8.Span;
        var start = 0;
        var end = span.Length - 1;
        while (start <= end && IsWhiteSpace(span[start]))
        {
            start++;
        }

        while (end >= start && IsWhiteSpace(span[end]))
        {
            end--;
        }

        return start < end && ((span[start] == (byte)'{' && span[end] == (byte)'}') || (span[start] == (byte)'[' && span[end] == (byte)']'));
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}

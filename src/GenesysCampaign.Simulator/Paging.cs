using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Genesys-style paging: <c>pageSize</c>/<c>pageNumber</c> in, the entity listing envelope out.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static bool TryRead(HttpRequest request, out int pageSize, out int pageNumber, out string? error)
    {
        pageNumber = 1;
        error = null;
        if (!TryReadInt(request, "pageSize", DefaultPageSize, out pageSize) || pageSize < 1 || pageSize > MaxPageSize)
        {
            error = $"Value [{request.Query["pageSize"]}] for field [pageSize] is invalid: it must be between 1 and {MaxPageSize}";
            return false;
        }

        if (!TryReadInt(request, "pageNumber", 1, out pageNumber) || pageNumber < 1)
        {
            error = $"Value [{request.Query["pageNumber"]}] for field [pageNumber] is invalid: it must be 1 or more";
            return false;
        }

        return true;
    }

    /// <summary>Builds the page envelope, copying the entities of the requested page.</summary>
    public static JsonObject Build(HttpRequest request, IReadOnlyList<JsonObject> items, int pageSize, int pageNumber)
    {
        var page = Envelope(request, items.Count, pageSize, pageNumber);
        var entities = new JsonArray();
        foreach (var item in items.Skip((pageNumber - 1) * pageSize).Take(pageSize))
        {
            entities.Add(item.DeepClone());
        }

        page.Insert(0, "entities", entities);
        return page;
    }

    /// <summary>
    /// The same page as text, from each entity's ready-made JSON text (<paramref name="textOf"/>):
    /// for the big campaign lists, where copying and serialising documents was the cost.
    /// </summary>
    public static string BuildText(HttpRequest request, IReadOnlyList<JsonObject> items, int pageSize, int pageNumber, Func<JsonObject, string> textOf)
    {
        var envelope = SimulatorJson.Serialize(Envelope(request, items.Count, pageSize, pageNumber));
        var entities = string.Join(",", items.Skip((pageNumber - 1) * pageSize).Take(pageSize).Select(textOf));
        return string.Concat("{\"entities\":[", entities, "],", envelope.AsSpan(1));
    }

    private static JsonObject Envelope(HttpRequest request, int total, int pageSize, int pageNumber)
    {
        var pageCount = (total + pageSize - 1) / pageSize;
        var page = new JsonObject
        {
            ["pageSize"] = pageSize,
            ["pageNumber"] = pageNumber,
            ["total"] = total,
            ["pageCount"] = pageCount,
            ["firstUri"] = PageUri(request, pageSize, 1),
            ["selfUri"] = PageUri(request, pageSize, pageNumber),
            ["lastUri"] = PageUri(request, pageSize, Math.Max(1, pageCount)),
        };

        // Genesys leaves nextUri/previousUri out at the ends; clients loop until nextUri is missing.
        if (pageNumber < pageCount)
        {
            page["nextUri"] = PageUri(request, pageSize, pageNumber + 1);
        }

        if (pageNumber > 1)
        {
            page["previousUri"] = PageUri(request, pageSize, Math.Min(pageNumber - 1, Math.Max(1, pageCount)));
        }

        return page;
    }

    /// <summary>A relative URI with the request's other query parameters kept, as Genesys returns it.</summary>
    private static string PageUri(HttpRequest request, int pageSize, int pageNumber)
    {
        var uri = new StringBuilder(request.Path.Value)
            .Append(CultureInfo.InvariantCulture, $"?pageSize={pageSize}&pageNumber={pageNumber}");
        foreach (var (key, values) in request.Query)
        {
            if (key.Equals("pageSize", StringComparison.OrdinalIgnoreCase) || key.Equals("pageNumber", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                uri.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
            }
        }

        return uri.ToString();
    }

    private static bool TryReadInt(HttpRequest request, string name, int fallback, out int value)
    {
        var raw = request.Query[name];
        if (raw.Count == 0 || string.IsNullOrEmpty(raw[0]))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(raw[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}

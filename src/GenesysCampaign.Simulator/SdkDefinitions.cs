using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Genesys's SDK as data (contract/outbound-api.json, embedded; generated from the SDKs, its README
/// says from which files): what each operation requires of a caller, and the model of each
/// notification topic's body. The simulator takes these from the SDK rather than restating them.
/// </summary>
internal static class SdkDefinitions
{
    private static readonly JsonObject Root = Load();

    // Read once: the permission check runs on every request the simulator serves.
    private static readonly Operation[] Operations = Root["operations"]!.AsObject().Select(p => Operation.Of(p.Value!.AsObject())).ToArray();

    private static readonly (string[] Parts, string Body)[] Topics = Root["notifications"]!["topics"]!.AsArray()
        .Select(t => (((string)t!["topic"]!).Split('.'), (string)t["body"]!))
        .ToArray();

    private static JsonObject Models => Root["models"]!.AsObject();

    /// <summary>
    /// What the operation at <paramref name="method"/> <paramref name="path"/> requires, as lists of
    /// which one permission each will do ("Requires ANY permissions": one list; ALL: one list per
    /// permission; NO: none); null when the SDK has no such operation. A literal segment wins over a
    /// parameter (<c>/campaigns/all</c> is no campaign's id).
    /// </summary>
    public static IReadOnlyList<string[]>? PermissionsOf(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return Operations
            .Where(o => o.Matches(method, segments))
            .OrderByDescending(o => o.Literals)
            .FirstOrDefault()?.Permissions;
    }

    /// <summary>The model of the body of events on <paramref name="topicName"/> (a topic with its ids filled in), or null.</summary>
    public static string? TopicBodyOf(string topicName)
    {
        var given = topicName.Split('.');
        foreach (var (parts, body) in Topics)
        {
            if (parts.Length == given.Length && parts.Zip(given).All(p => p.First == "{id}" || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="value"/> as a <paramref name="model"/>: only the fields the model has, nested
    /// models and arrays of them likewise; null when a string field holds a value outside the model's
    /// enum (the voice topic's body has no <c>forced_*</c> status, so such a change is not told on it).
    /// </summary>
    public static JsonObject? Project(JsonObject value, string model)
    {
        var fields = Models[model]!["fields"]!.AsObject();
        var projected = new JsonObject();
        foreach (var (name, field) in value)
        {
            if (fields[name] is not JsonObject spec)
            {
                continue;
            }

            if (field is null)
            {
                projected[name] = null;
                continue;
            }

            if (ProjectField(field, spec) is not { } kept)
            {
                return null;
            }

            projected[name] = kept;
        }

        return projected;
    }

    private static JsonNode? ProjectField(JsonNode value, JsonObject spec)
    {
        if (spec["$ref"] is { } reference)
        {
            return value is JsonObject item ? Project(item, (string)reference!) : value.DeepClone();
        }

        if (spec["items"] is JsonObject items && value is JsonArray array)
        {
            var projected = new JsonArray();
            foreach (var element in array)
            {
                var kept = element is null ? null : ProjectField(element, items);
                if (element is not null && kept is null)
                {
                    return null;
                }

                projected.Add(kept);
            }

            return projected;
        }

        if (spec["enum"] is JsonArray values && value is JsonValue text && text.TryGetValue<string>(out var s) && !values.Any(v => (string)v! == s))
        {
            return null;
        }

        return value.DeepClone();
    }

    /// <summary>One operation of the SDK: its method, path template and what it requires.</summary>
    private sealed record Operation(string Method, string[] Template, int Literals, IReadOnlyList<string[]> Permissions)
    {
        public static Operation Of(JsonObject operation)
        {
            var template = ((string)operation["path"]!).Trim('/').Split('/');
            var permissions = operation["permissions"]!;
            var names = permissions["names"]!.AsArray().Select(n => (string)n!).ToArray();
            IReadOnlyList<string[]> required = (string)permissions["mode"]! switch
            {
                "any" => [names],
                "all" => names.Select(n => new[] { n }).ToArray(),
                _ => [],
            };
            return new Operation((string)operation["method"]!, template, template.Count(t => !t.StartsWith('{')), required);
        }

        public bool Matches(string method, string[] segments) =>
            string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)
            && Template.Length == segments.Length
            && Template.Zip(segments).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject Load()
    {
        using var stream = typeof(SdkDefinitions).Assembly.GetManifestResourceStream("outbound-api.json")
            ?? throw new InvalidOperationException("The simulator was built without contract/outbound-api.json.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}

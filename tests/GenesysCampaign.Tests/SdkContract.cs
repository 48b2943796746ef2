using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GenesysCampaign.Tests;

/// <summary>
/// Genesys's SDK as data (contract/outbound-api.json, generated from the SDKs; its README says
/// from which files): checks of a JSON value against a model, of a request against the operations,
/// and of an answer against what its operation returns. Each check gives its faults as readable lines
/// (empty when none), so a failing test names the field. The model check follows the contract's own
/// check-fixtures.js: types, enums, required fields, date-time and the schedule time patterns.
/// </summary>
internal static partial class SdkContract
{
    public static JsonObject Root { get; } = JsonNode.Parse(File.ReadAllText(TestFiles.InRepository("contract", "outbound-api.json")))!.AsObject();

    private static JsonObject Models => Root["models"]!.AsObject();

    private static readonly Dictionary<string, Regex> Patterns = new()
    {
        ["yyyy-MM-ddTHH:mm:ss.SSSZ"] = ScheduleIntervalTime(),
        ["YYYY-MM-DDThh:mm:ss"] = RecurrenceTime(),
    };

    /// <summary>The operations, by SDK method name.</summary>
    public static IEnumerable<(string Id, JsonObject Operation)> Operations =>
        Root["operations"]!.AsObject().Select(p => (p.Key, p.Value!.AsObject()));

    /// <summary>
    /// The faults of <paramref name="value"/> as a <paramref name="model"/>. With <paramref name="everyKey"/>
    /// (a fixture: the SDK model's keys, every one) a missing key is a fault; without (an answer or a
    /// request body: Genesys leaves out what it has no value for) only a missing required one is.
    /// A key the model lacks is always a fault.
    /// </summary>
    public static List<string> CheckModel(JsonNode? value, string model, bool everyKey, string where = "$")
    {
        var faults = new List<string>();
        CheckModel(value, model, everyKey, where, faults);
        return faults;
    }

    private static void CheckModel(JsonNode? value, string model, bool everyKey, string where, List<string> faults)
    {
        if (Models[model] is not JsonObject definition)
        {
            faults.Add($"{where}: model {model} is not in the contract");
            return;
        }

        if (value is not JsonObject item)
        {
            faults.Add($"{where}: expected a {model} object, got {Kind(value)}");
            return;
        }

        var fields = definition["fields"]!.AsObject();
        foreach (var (name, spec) in fields)
        {
            var required = spec!["required"]?.GetValue<bool>() == true;
            if (!item.TryGetPropertyValue(name, out var field))
            {
                if (everyKey || required)
                {
                    faults.Add($"{where}.{name}: key missing ({model}{(required ? ", required" : string.Empty)})");
                }

                continue;
            }

            if (field is null)
            {
                if (required)
                {
                    faults.Add($"{where}.{name}: required by {model} but null");
                }

                continue;
            }

            CheckType(field, spec!.AsObject(), everyKey, $"{where}.{name}", faults);
        }

        foreach (var (name, _) in item)
        {
            if (!fields.ContainsKey(name))
            {
                faults.Add($"{where}.{name}: not a field of {model}");
            }
        }
    }

    private static void CheckType(JsonNode value, JsonObject type, bool everyKey, string where, List<string> faults)
    {
        if (type["$ref"] is { } reference)
        {
            CheckModel(value, (string)reference!, everyKey, where, faults);
            return;
        }

        switch ((string?)type["type"])
        {
            case "array" when value is JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is { } element)
                    {
                        CheckType(element, type["items"]!.AsObject(), everyKey, $"{where}[{i}]", faults);
                    }
                }

                return;
            case "object" when value is JsonObject map:
                if (type["additionalProperties"] is JsonObject valueType)
                {
                    foreach (var (key, element) in map)
                    {
                        if (element is not null)
                        {
                            CheckType(element, valueType, everyKey, $"{where}.{key}", faults);
                        }
                    }
                }

                return;
            case "integer" when Kind(value) == "number" && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
            case "number" when Kind(value) == "number":
            case "boolean" when Kind(value) == "boolean":
                return;
            case "string" when Kind(value) == "string":
                CheckText(value.GetValue<string>(), type, where, faults);
                return;
            case var expected:
                faults.Add($"{where}: expected {expected ?? "(untyped)"}, got {Kind(value)} {value.ToJsonString()}");
                return;
        }
    }

    private static void CheckText(string text, JsonObject type, string where, List<string> faults)
    {
        if (type["enum"] is JsonArray values && !values.Any(v => (string)v! == text))
        {
            faults.Add($"{where}: '{text}' is not one of [{string.Join(", ", values.Select(v => (string)v!))}]");
        }

        if ((string?)type["format"] == "date-time" && !(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && DatePrefix().IsMatch(text)))
        {
            faults.Add($"{where}: '{text}' is not a date-time");
        }

        if (type["pattern"] is { } pattern && Patterns.TryGetValue((string)pattern!, out var regex) && !regex.IsMatch(text))
        {
            faults.Add($"{where}: '{text}' does not follow {pattern}");
        }
    }

    /// <summary>The operation a request is (method and path template), or null when the SDK has none.</summary>
    public static (string Id, JsonObject Operation)? OperationOf(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        (string, JsonObject)? best = null;
        var bestLiterals = -1;
        foreach (var (id, operation) in Operations)
        {
            var template = ((string)operation["path"]!).Trim('/').Split('/');
            if (!string.Equals((string)operation["method"]!, method, StringComparison.OrdinalIgnoreCase) || template.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < template.Length && matches; i++)
            {
                if (template[i].StartsWith('{'))
                {
                    continue;
                }

                matches = template[i] == segments[i];
                literals++;
            }

            // A literal segment wins over a parameter: /campaigns/all is not a campaign's id.
            if (matches && literals > bestLiterals)
            {
                best = (id, operation);
                bestLiterals = literals;
            }
        }

        return best;
    }

    /// <summary>
    /// The faults of a request: an operation of the SDK (method and path), only the query parameters it
    /// declares, each value of its type, within its maximum and among its values, an array parameter
    /// repeated (<c>multi</c>) and any other once; a body of the operation's model.
    /// </summary>
    public static List<string> CheckRequest(string method, string path, string query, string? body)
    {
        var request = $"{method} {path}{(query.Length > 0 ? "?" + query : string.Empty)}";
        if (OperationOf(method, path) is not var (id, operation))
        {
            return [$"{request}: no operation of the SDK has this method and path"];
        }

        var faults = new List<string>();
        var declared = operation["queryParams"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!.AsObject());
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]), Value: Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty)))
            .ToList();
        foreach (var group in values.GroupBy(v => v.Name))
        {
            if (!declared.TryGetValue(group.Key, out var parameter))
            {
                faults.Add($"{request}: {id} declares no query parameter '{group.Key}'");
                continue;
            }

            var isArray = (string?)parameter["type"] == "array";
            if (!isArray && group.Count() > 1)
            {
                faults.Add($"{request}: '{group.Key}' of {id} is not an array but was sent {group.Count()} times");
            }

            var itemType = isArray ? parameter["items"]!.AsObject() : parameter;
            foreach (var (_, value) in group)
            {
                faults.AddRange(CheckQueryValue(value, itemType, parameter, $"{request}: '{group.Key}' of {id}"));
            }
        }

        if (operation["body"] is JsonObject expected)
        {
            var where = $"{request} body";
            var sent = body is null ? null : JsonNode.Parse(body);
            if (sent is null)
            {
                faults.Add($"{where}: {id} takes a body, none was sent");
            }
            else if ((string)expected["shape"]! == "array")
            {
                if (sent is JsonArray items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        faults.AddRange(CheckModel(items[i], (string)expected["items"]!, everyKey: false, $"{where}[{i}]"));
                    }
                }
                else
                {
                    faults.Add($"{where}: expected an array of {expected["items"]}");
                }
            }
            else
            {
                faults.AddRange(CheckModel(sent, (string)expected["model"]!, everyKey: false, where));
            }
        }
        else if (!string.IsNullOrEmpty(body))
        {
            faults.Add($"{request}: {id} takes no body, one was sent");
        }

        return faults;
    }

    private static IEnumerable<string> CheckQueryValue(string value, JsonObject type, JsonObject parameter, string where)
    {
        switch ((string?)type["type"])
        {
            case "integer":
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    yield return $"{where}: '{value}' is not an integer";
                }
                else if (parameter["maximum"] is { } maximum && number > (long)maximum!)
                {
                    yield return $"{where}: {value} is over its maximum of {maximum}";
                }

                break;
            case "boolean" when value is not ("true" or "false"):
                yield return $"{where}: '{value}' is not true or false";
                break;
            case "string" when type["enum"] is JsonArray values && !values.Any(v => (string)v! == value):
                yield return $"{where}: '{value}' is not one of [{string.Join(", ", values.Select(v => (string)v!))}]";
                break;
        }
    }

    /// <summary>
    /// The faults of an answer to a request: a success of the shape and model the operation returns (an
    /// entity listing, a bare array, an object, or nothing), an error an <c>ErrorBody</c>.
    /// </summary>
    public static List<string> CheckAnswer(string method, string path, int status, string body)
    {
        if (OperationOf(method, path) is not var (id, operation))
        {
            return [$"{method} {path}: no operation of the SDK has this method and path"];
        }

        var where = $"{method} {path} ({id}, {status})";
        if (status >= 400)
        {
            return CheckModel(JsonNode.Parse(body), "ErrorBody", everyKey: false, where);
        }

        var returns = operation["returns"]!.AsObject();
        switch ((string)returns["shape"]!)
        {
            case "none":
                return body.Length == 0 ? [] : [$"{where}: the SDK returns nothing here, the answer has a body"];
            case "bareArray":
                var answer = JsonNode.Parse(body);
                if (answer is not JsonArray items)
                {
                    return [$"{where}: the SDK returns a bare array of {returns["items"]}, got {Kind(answer)}"];
                }

                return items.SelectMany((item, i) => CheckModel(item, (string)returns["items"]!, everyKey: false, $"{where}[{i}]")).ToList();
            default:
                return CheckModel(JsonNode.Parse(body), (string)returns["model"]!, everyKey: false, where);
        }
    }

    /// <summary>A fault with its ids and indexes left out, so one fault of many objects reads once.</summary>
    public static string Summary(string fault) => Index().Replace(Guid().Replace(fault, "{id}"), "[*]");

    private static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "array",
        JsonObject => "object",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            var other => other.ToString(),
        },
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex ScheduleIntervalTime();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")]
    private static partial Regex RecurrenceTime();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T")]
    private static partial Regex DatePrefix();
}

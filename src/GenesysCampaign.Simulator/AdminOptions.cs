using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The live options an out-of-process test may read and change through <c>/__sim/options</c>,
/// as camelCase JSON with times in whole milliseconds.
/// </summary>
internal static class AdminOptions
{
    public static JsonObject Snapshot(SimulatorOptions options) => new()
    {
        ["notificationsEnabled"] = options.NotificationsEnabled,
        ["latencyMs"] = Milliseconds(options.Latency),
        ["dialerDelayMs"] = Milliseconds(options.DialerDelay),
        ["dialerDelayJitterMs"] = Milliseconds(options.DialerDelayJitter),
        ["rateLimitPerMinute"] = options.RateLimitPerMinute,
        ["staleReadMs"] = Milliseconds(options.StaleReadWindow),
        ["heartbeatMs"] = Milliseconds(options.HeartbeatInterval),
    };

    /// <summary>
    /// Applies any subset of the snapshot's properties. Everything is checked before anything is set,
    /// so a bad value (or an unknown name, most likely a typo) changes nothing and returns the error.
    /// </summary>
    public static string? TryApply(SimulatorOptions options, JsonObject patch)
    {
        var changes = new List<Action>();
        foreach (var (name, value) in patch)
        {
            switch (name)
            {
                case "notificationsEnabled" when value is JsonValue flag && flag.TryGetValue<bool>(out var enabled):
                    changes.Add(() => options.NotificationsEnabled = enabled);
                    break;
                case "latencyMs" when TryMilliseconds(value, 0, out var latency):
                    changes.Add(() => options.Latency = latency);
                    break;
                case "dialerDelayMs" when TryMilliseconds(value, 0, out var delay):
                    changes.Add(() => options.DialerDelay = delay);
                    break;
                case "dialerDelayJitterMs" when TryMilliseconds(value, 0, out var jitter):
                    changes.Add(() => options.DialerDelayJitter = jitter);
                    break;
                case "rateLimitPerMinute" when value is JsonValue number && number.TryGetValue<int>(out var limit) && limit >= 0:
                    changes.Add(() => options.RateLimitPerMinute = limit);
                    break;
                case "staleReadMs" when TryMilliseconds(value, 0, out var stale):
                    changes.Add(() => options.StaleReadWindow = stale);
                    break;
                case "heartbeatMs" when TryMilliseconds(value, 1, out var heartbeat):
                    changes.Add(() => options.HeartbeatInterval = heartbeat);
                    break;
                default:
                    return $"Unknown option or bad value: {name}";
            }
        }

        changes.ForEach(change => change());
        return null;
    }

    private static bool TryMilliseconds(JsonNode? node, int min, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (node is not JsonValue number || !number.TryGetValue<int>(out var ms) || ms < min)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    private static long Milliseconds(TimeSpan time) => (long)time.TotalMilliseconds;
}

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
        ["startStopStatus"] = options.StartStopStatus,
        ["checkVersionFirst"] = options.CheckVersionFirst,
        ["allowForceStopFromOn"] = options.AllowForceStopFromOn,
        ["conflictCode"] = options.ConflictCode,
        ["caseSensitiveNameFilter"] = options.CaseSensitiveNameFilter,
        ["channelLifetimeMs"] = Milliseconds(options.ChannelLifetime),
        ["expiredChannelsClose"] = options.ExpiredChannelsClose,
        ["maxActiveMessagingCampaigns"] = options.MaxActiveMessagingCampaigns,
        ["messagingEventsOnEveryTopic"] = options.MessagingEventsOnEveryTopic,
        ["allowDeletingActiveCampaigns"] = options.AllowDeletingActiveCampaigns,
        ["allCampaignsFullEntries"] = options.AllCampaignsFullEntries,
        ["sequenceOffStopsCurrentCampaign"] = options.SequenceOffStopsCurrentCampaign,
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
                case "startStopStatus" when value is JsonValue number && number.TryGetValue<int>(out var answer) && answer is 200 or 202 or 204 or 404 or 405 or 501:
                    changes.Add(() => options.StartStopStatus = answer);
                    break;
                case "checkVersionFirst" when value is JsonValue flag && flag.TryGetValue<bool>(out var versionFirst):
                    changes.Add(() => options.CheckVersionFirst = versionFirst);
                    break;
                case "allowForceStopFromOn" when value is JsonValue flag && flag.TryGetValue<bool>(out var fromOn):
                    changes.Add(() => options.AllowForceStopFromOn = fromOn);
                    break;
                case "conflictCode" when value is null || (value is JsonValue text && text.TryGetValue<string>(out _)):
                    var code = value?.GetValue<string>();
                    changes.Add(() => options.ConflictCode = code);
                    break;
                case "caseSensitiveNameFilter" when value is JsonValue flag && flag.TryGetValue<bool>(out var caseSensitive):
                    changes.Add(() => options.CaseSensitiveNameFilter = caseSensitive);
                    break;
                case "channelLifetimeMs" when TryMilliseconds(value, 1, out var lifetime):
                    changes.Add(() => options.ChannelLifetime = lifetime);
                    break;
                case "expiredChannelsClose" when value is JsonValue flag && flag.TryGetValue<bool>(out var close):
                    changes.Add(() => options.ExpiredChannelsClose = close);
                    break;
                case "maxActiveMessagingCampaigns" when value is JsonValue number && number.TryGetValue<int>(out var maxMessaging) && maxMessaging >= 0:
                    changes.Add(() => options.MaxActiveMessagingCampaigns = maxMessaging);
                    break;
                case "messagingEventsOnEveryTopic" when value is JsonValue flag && flag.TryGetValue<bool>(out var everyTopic):
                    changes.Add(() => options.MessagingEventsOnEveryTopic = everyTopic);
                    break;
                case "allowDeletingActiveCampaigns" when value is JsonValue flag && flag.TryGetValue<bool>(out var deleteActive):
                    changes.Add(() => options.AllowDeletingActiveCampaigns = deleteActive);
                    break;
                case "allCampaignsFullEntries" when value is JsonValue flag && flag.TryGetValue<bool>(out var fullEntries):
                    changes.Add(() => options.AllCampaignsFullEntries = fullEntries);
                    break;
                case "sequenceOffStopsCurrentCampaign" when value is JsonValue flag && flag.TryGetValue<bool>(out var stopsCurrent):
                    changes.Add(() => options.SequenceOffStopsCurrentCampaign = stopsCurrent);
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

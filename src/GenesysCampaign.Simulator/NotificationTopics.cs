using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>The notification topic names the simulator knows, and the fixed messages it sends on sockets.</summary>
internal static class NotificationTopics
{
    public const string CampaignPrefix = "v2.outbound.campaigns.";

    /// <summary>Accepted as a subscription, but the simulator publishes no progress events on it.</summary>
    public const string ProgressSuffix = ".progress";

    public const string Heartbeat = """{"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}}""";

    /// <summary>The answer to a client's <c>{"message":"ping"}</c>.</summary>
    public const string Pong = """{"topicName":"channel.metadata","eventBody":{"message":"pong"}}""";

    public const string SocketClosing = """{"topicName":"v2.system.socket_closing","eventBody":{"message":"Socket closing for maintenance"}}""";

    public static string Campaign(string campaignId) => CampaignPrefix + campaignId;

    /// <summary>The campaign id a campaign topic (plain or <c>.progress</c>) names, or null for any other topic.</summary>
    public static string? CampaignIdOf(string topic)
    {
        if (!topic.StartsWith(CampaignPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = topic[CampaignPrefix.Length..];
        if (rest.EndsWith(ProgressSuffix, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[..^ProgressSuffix.Length];
        }

        // Ids are GUIDs: a dot left over means some other, unknown sub-topic.
        return rest.Length == 0 || rest.Contains('.', StringComparison.Ordinal) ? null : rest;
    }

    /// <summary>The fields docs/genesys-api.md names for a campaign event's body, and no others.</summary>
    public static string MinimalBody(string campaignJson)
    {
        var campaign = JsonNode.Parse(campaignJson)!.AsObject();
        var minimal = new JsonObject();
        foreach (var name in new[] { "campaignStatus", "version", "errors", "dateModified" })
        {
            if (campaign[name] is { } value)
            {
                minimal[name] = value.DeepClone();
            }
        }

        return minimal.ToJsonString();
    }

    /// <summary>
    /// The event for a changed campaign; <paramref name="campaignJson"/> is spliced in as it is stored,
    /// so the event body is exactly what a GET would return.
    /// </summary>
    public static string CampaignEvent(string campaignId, string campaignJson)
    {
        var topic = System.Text.Json.JsonSerializer.Serialize(Campaign(campaignId), SimulatorJson.Documents);
        return $$$"""{"topicName":{{{topic}}},"version":"2","eventBody":{{{campaignJson}}},"metadata":{"CorrelationId":"{{{Guid.NewGuid()}}}"}}""";
    }
}

using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>The notification topic names the simulator knows, and the fixed messages it sends on sockets.</summary>
internal static class NotificationTopics
{
    public const string CampaignPrefix = "v2.outbound.campaigns.";

    /// <summary>CONFIRMED topic name; by default only SMS campaigns publish on it (see <see cref="SimulatorOptions.MessagingEventsOnEveryTopic"/>).</summary>
    public const string MessagingCampaignPrefix = "v2.outbound.messagingcampaigns.";

    /// <summary>CONFIRMED topic name; email campaigns publish on it.</summary>
    public const string EmailCampaignPrefix = "v2.outbound.emailcampaigns.";

    /// <summary>CONFIRMED topic name; WhatsApp campaigns publish on it.</summary>
    public const string WhatsAppCampaignPrefix = "v2.outbound.whatsappcampaigns.";

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

    /// <summary>The messaging campaign id any of the three messaging topics names, or null for any other topic.</summary>
    public static string? MessagingCampaignIdOf(string topic)
    {
        foreach (var prefix in new[] { MessagingCampaignPrefix, EmailCampaignPrefix, WhatsAppCampaignPrefix })
        {
            if (topic.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = topic[prefix.Length..];
                return rest.Length == 0 || rest.Contains('.', StringComparison.Ordinal) ? null : rest;
            }
        }

        return null;
    }

    /// <summary>
    /// The topics a change of a messaging campaign of <paramref name="type"/> (<c>SMS</c>, <c>EMAIL</c>,
    /// <c>WHATSAPP</c>) is published on: its own, plus the generic one when <paramref name="everyTopic"/>.
    /// </summary>
    public static IEnumerable<string> MessagingTopics(string id, string type, bool everyTopic)
    {
        var own = type switch
        {
            "EMAIL" => EmailCampaignPrefix,
            "WHATSAPP" => WhatsAppCampaignPrefix,
            _ => MessagingCampaignPrefix,
        };
        yield return own + id;
        if (everyTopic && own != MessagingCampaignPrefix)
        {
            yield return MessagingCampaignPrefix + id;
        }
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
    /// The envelope of an event on <paramref name="topicName"/>: <paramref name="bodyJson"/> (a document
    /// as a GET returns it) as the SDK's model of that topic's body has it (<see cref="SdkDefinitions.Project"/>:
    /// its fields only), or null when that model cannot carry it (a voice campaign's <c>forced_*</c>
    /// status: the voice topic's model has none, so such a change is not told, and a client learns it
    /// only by reading).
    /// </summary>
    public static string? Event(string topicName, string bodyJson)
    {
        var body = JsonNode.Parse(bodyJson)!.AsObject();
        if (SdkDefinitions.TopicBodyOf(topicName) is { } model)
        {
            if (SdkDefinitions.Project(body, model) is not { } projected)
            {
                return null;
            }

            body = projected;
        }

        var topic = System.Text.Json.JsonSerializer.Serialize(topicName, SimulatorJson.Documents);
        return $$$"""{"topicName":{{{topic}}},"version":"2","eventBody":{{{SimulatorJson.Serialize(body)}}},"metadata":{"CorrelationId":"{{{Guid.NewGuid()}}}"}}""";
    }
}

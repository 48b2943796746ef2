using System.Text.Json;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The Notifications REST calls: create a channel, list and change its subscriptions. They sit under
/// <c>/api/v2</c>, so the middleware's token check, faults, rate limit and request log apply.
/// </summary>
internal static class NotificationEndpoints
{
    private const string ChannelsPath = "/api/v2/notifications/channels";

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapPost(ChannelsPath, context => CreateChannelAsync(context, state));
        app.MapGet(ChannelsPath + "/{id}/subscriptions", context => ListSubscriptionsAsync(context, state));
        app.MapPut(ChannelsPath + "/{id}/subscriptions", context => SubscribeAsync(context, state, replace: true));
        app.MapPost(ChannelsPath + "/{id}/subscriptions", context => SubscribeAsync(context, state, replace: false));
    }

    /// <summary>The answer of every notifications call while <see cref="SimulatorOptions.NotificationsEnabled"/> is false.</summary>
    public static Task WriteUnavailableAsync(HttpContext context) =>
        HttpResponses.WriteErrorAsync(context, 503, GenesysErrorCodes.ServiceUnavailable, "The notification service is unavailable");

    public static Task WriteChannelNotFoundAsync(HttpContext context, string id) =>
        HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"Channel {id} not found");

    private static Task CreateChannelAsync(HttpContext context, SimulatorState state)
    {
        if (!state.Options.NotificationsEnabled)
        {
            return WriteUnavailableAsync(context);
        }

        var channel = state.Notifications.CreateChannel(ClientId(context, state));
        return HttpResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["id"] = channel.Id,
            ["connectUri"] = ConnectUri(context, channel.Id),
            ["expires"] = SeedRefs.Timestamp(channel.Expires),
        });
    }

    private static Task ListSubscriptionsAsync(HttpContext context, SimulatorState state)
    {
        if (!state.Options.NotificationsEnabled)
        {
            return WriteUnavailableAsync(context);
        }

        var id = RouteId(context);
        var topics = state.Notifications.Topics(id, ClientId(context, state));
        return topics is null
            ? WriteChannelNotFoundAsync(context, id)
            : WriteTopicsAsync(context, topics.Select(t => new TopicState(t, true)));
    }

    private static async Task SubscribeAsync(HttpContext context, SimulatorState state, bool replace)
    {
        if (!state.Options.NotificationsEnabled)
        {
            await WriteUnavailableAsync(context).ConfigureAwait(false);
            return;
        }

        var id = RouteId(context);
        var (topics, error) = await ReadTopicsAsync(context).ConfigureAwait(false);
        if (topics is null)
        {
            await CampaignEndpoints.BadRequest(context, error!).ConfigureAwait(false);
            return;
        }

        // Decided before taking the hub lock: the hub must never call into the campaign store.
        var requested = topics
            .Select(t => new TopicState(t, IsPermitted(state, t)))
            .ToArray();
        if (ListQuery.Refusal(context.Request, ["ignoreErrors"]) is { } unsupported)
        {
            await CampaignEndpoints.BadRequest(context, unsupported).ConfigureAwait(false);
            return;
        }

        // The SDK: ignoreErrors (default false) keeps a failed check from being thrown as an error.
        // Without it, one refused topic fails the whole request and nothing is subscribed; the status
        // and words of that error are UNCONFIRMED.
        if (!string.Equals(context.Request.Query["ignoreErrors"], "true", StringComparison.OrdinalIgnoreCase) && requested.FirstOrDefault(t => !t.Permitted) is { } refused)
        {
            await CampaignEndpoints.BadRequest(context, $"Unable to subscribe to topic {refused.Id}: it does not exist or the user lacks permission to it").ConfigureAwait(false);
            return;
        }
        var outcome = state.Notifications.Subscribe(id, ClientId(context, state), requested, replace);
        switch (outcome.Result)
        {
            case SubscriptionResult.UnknownChannel:
                await WriteChannelNotFoundAsync(context, id).ConfigureAwait(false);
                break;
            case SubscriptionResult.TooManyTopics:
                await HttpResponses.WriteErrorAsync(
                    context,
                    400,
                    GenesysErrorCodes.TooManyTopics,
                    $"A channel can hold at most {NotificationHub.MaxTopicsPerChannel} topics").ConfigureAwait(false);
                break;
            default:
                await WriteTopicsAsync(context, outcome.Topics).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// A voice campaign topic (plain or <c>.progress</c>) of an existing campaign, or any of the three
    /// messaging topics of an existing messaging campaign, whatever its type: which type publishes on
    /// which topic is UNCONFIRMED, so subscribing never gives it away.
    /// </summary>
    private static bool IsPermitted(SimulatorState state, string topic) =>
        (NotificationTopics.CampaignIdOf(topic) is { } campaignId && state.Campaigns.Exists(campaignId))
        || (NotificationTopics.MessagingCampaignIdOf(topic) is { } messagingId && state.MessagingCampaigns.Exists(messagingId));

    /// <summary>Reads <c>[{"id":"topic"}, ...]</c> into distinct topic names, in order; or an error message.</summary>
    private static async Task<(List<string>? Topics, string? Error)> ReadTopicsAsync(HttpContext context)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return (null, "The request body is not valid JSON: " + ex.Message);
        }

        if (body is not JsonArray array)
        {
            return (null, "The request body must be a JSON array of {\"id\":\"<topic>\"} objects");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var topics = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonObject entry
                || entry["id"] is not JsonValue value
                || !value.TryGetValue<string>(out var topic)
                || string.IsNullOrWhiteSpace(topic))
            {
                return (null, "Every subscription must be an object with a string id");
            }

            if (seen.Add(topic))
            {
                topics.Add(topic);
            }
        }

        return (topics, null);
    }

    private static Task WriteTopicsAsync(HttpContext context, IEnumerable<TopicState> topics)
    {
        var entities = new JsonArray();
        foreach (var topic in topics)
        {
            entities.Add(new JsonObject { ["id"] = topic.Id, ["state"] = topic.State });
        }

        return HttpResponses.WriteJsonAsync(context, 200, new JsonObject { ["entities"] = entities });
    }

    /// <summary>The socket address, on the address and port this request came in on (always 127.0.0.1 here).</summary>
    private static string ConnectUri(HttpContext context, string channelId)
    {
        var connection = context.Connection;
        var host = connection.LocalIpAddress?.ToString() ?? "127.0.0.1";
        return new UriBuilder("ws", host, connection.LocalPort, "/channels/" + channelId).Uri.ToString();
    }

    /// <summary>The client the middleware found for the bearer token; every token belongs to one.</summary>
    private static string ClientId(HttpContext context, SimulatorState state) =>
        context.Items.TryGetValue(SimulatorMiddleware.ClientIdItemKey, out var value) && value is string clientId
            ? clientId
            : state.Options.ClientId;

    private static string RouteId(HttpContext context) => context.Request.RouteValues["id"]?.ToString() ?? string.Empty;
}

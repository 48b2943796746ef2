namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// <c>GET /channels/{channelId}</c>, the WebSocket a channel's <c>connectUri</c> names. No token: as in
/// Genesys, knowing the channel id is the authorization. The middleware lets it through untouched
/// (no latency, faults or rate limit), and it logs itself as method <c>WS</c>.
/// </summary>
internal static class NotificationSocketEndpoint
{
    public const string PathPrefix = "/channels";

    public static void Map(IEndpointRouteBuilder app, SimulatorState state) =>
        app.Map(PathPrefix + "/{channelId}", context => ConnectAsync(context, state));

    private static async Task ConnectAsync(HttpContext context, SimulatorState state)
    {
        var request = context.Request;
        var channelId = context.Request.RouteValues["channelId"]?.ToString() ?? string.Empty;
        var isWebSocket = context.WebSockets.IsWebSocketRequest;
        var slot = state.Log.Begin(
            DateTimeOffset.UtcNow,
            isWebSocket ? "WS" : request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            RequestLog.Redact(request.Headers.Authorization.ToString()));
        context.Response.OnStarting(() =>
        {
            slot.Observe(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        NotificationSocket socket;
        try
        {
            if (!state.Options.NotificationsEnabled)
            {
                await NotificationEndpoints.WriteUnavailableAsync(context).ConfigureAwait(false);
                slot.Complete(503);
                return;
            }

            if (!state.Notifications.ChannelExists(channelId))
            {
                await NotificationEndpoints.WriteChannelNotFoundAsync(context, channelId).ConfigureAwait(false);
                slot.Complete(404);
                return;
            }

            if (!isWebSocket)
            {
                await CampaignEndpoints.BadRequest(context, "This address only accepts WebSocket connections").ConfigureAwait(false);
                slot.Complete(400);
                return;
            }

            var webSocket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            slot.Complete(101);
            socket = new NotificationSocket(channelId, webSocket, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client left before the handshake finished.
            slot.Complete(0);
            return;
        }

        if (!state.Notifications.TryAttach(socket))
        {
            // The channel was evicted (or the simulator is stopping) during the handshake.
            socket.Abort();
            return;
        }

        try
        {
            await socket.RunAsync(() => state.Options.HeartbeatInterval, () => state.Notifications.IsSilent(channelId)).ConfigureAwait(false);
        }
        finally
        {
            state.Notifications.Detach(socket);
        }
    }
}

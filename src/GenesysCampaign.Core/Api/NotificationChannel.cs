using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// One Genesys notification channel and its WebSocket (docs/genesys-api.md, Notifications): created
/// with one request, topics added in bulk, events pushed to <see cref="Received"/>.
/// <c>v2.system.socket_closing</c> or a dropped socket reconnects to the same channel. A channel
/// lives 24 hours and is not renewed by use, and an expired one may just fall silent: so before its
/// <c>expires</c>, or when no heartbeat comes, a new channel is made and the topics subscribed
/// again. After either, <see cref="Reconnected"/> fires, since events may have been missed; when
/// neither works, <see cref="Lost"/> fires once and the channel is dead. It is dead too when Genesys
/// says the channel's subscriptions ended (<c>v2.system.token_revoked.{id}</c>,
/// <c>v2.system.no_longer_subscribed.{id}</c>, contract/outbound-api.json): no new channel is made
/// then (another one holds the topics now, or the token is gone), so callers read instead.
/// </summary>
internal sealed class NotificationChannel : IDisposable
{
    /// <summary>Genesys allows this many topics on one channel.</summary>
    public const int MaxTopics = 1000;

    private const string HeartbeatTopic = "channel.metadata";
    private const string SocketClosingTopic = "v2.system.socket_closing";

    /// <summary>System topics that end the channel's subscriptions (the SDK's SystemMessage: <c>systemTopicType</c>).</summary>
    private static readonly string[] EndingTopics = ["v2.system.token_revoked.", "v2.system.no_longer_subscribed."];

    /// <summary>Genesys channels live this long (docs/genesys-api.md), when the answer does not say.</summary>
    private static readonly TimeSpan DocumentedLifetime = TimeSpan.FromHours(24);

    private readonly GenesysApiClient _api;
    private readonly IOperationLog _log;
    private readonly CancellationTokenSource _closed = new();
    private Uri _connectUri;
    private DateTime _renewAt;
    private int _renewing;
    private readonly HashSet<string> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private ClientWebSocket? _socket;
    private DateTime _lastMessage = DateTime.UtcNow;
    private int _lost;

    private NotificationChannel(GenesysApiClient api, IOperationLog log, Created created, TimeSpan heartbeatTimeout)
    {
        _api = api;
        _log = log;
        Id = created.Id;
        _connectUri = created.ConnectUri;
        _renewAt = created.RenewAt;
        HeartbeatTimeout = heartbeatTimeout;
    }

    /// <summary>An event: its topic and body. Called on the receive thread.</summary>
    public event Action<string, JsonElement>? Received;

    /// <summary>The socket came back after a drop or a maintenance close; events may have been missed.</summary>
    public event Action? Reconnected;

    /// <summary>The socket is gone for good; callers fall back to polling.</summary>
    public event Action<Exception?>? Lost;

    /// <summary>The channel id (a renewal replaces the channel, and so the id).</summary>
    public string Id { get; private set; }

    /// <summary>How long without any message (heartbeats come about every 30 s) before the channel counts as silent.</summary>
    public TimeSpan HeartbeatTimeout { get; }

    /// <summary>The heartbeat timeout when none is given: heartbeats come about every 30 s (docs/genesys-api.md).</summary>
    public static TimeSpan DefaultHeartbeatTimeout { get; } = TimeSpan.FromSeconds(75);

    /// <summary>Topics subscribed so far.</summary>
    public int TopicCount
    {
        get
        {
            lock (_gate)
            {
                return _topics.Count;
            }
        }
    }

    /// <summary>
    /// Whether an exception from opening or subscribing means notifications cannot be had here (the
    /// API refused, the socket failed, the answer was not what Genesys sends): callers poll instead.
    /// </summary>
    public static bool IsUnavailable(Exception ex) =>
        ex is GenesysApiException or WebSocketException or HttpRequestException or InvalidOperationException
            or InvalidDataException or JsonException or KeyNotFoundException or UriFormatException;

    /// <summary>Creates a channel and connects its socket.</summary>
    /// <exception cref="GenesysApiException">The channel could not be created.</exception>
    /// <exception cref="WebSocketException">The socket could not be connected.</exception>
    public static async Task<NotificationChannel> OpenAsync(GenesysApiClient api, IOperationLog log, CancellationToken cancellationToken, TimeSpan? heartbeatTimeout = null)
    {
        var created = await CreateAsync(api, cancellationToken).ConfigureAwait(false);
        var channel = new NotificationChannel(api, log, created, heartbeatTimeout ?? DefaultHeartbeatTimeout);
        await channel.ConnectAsync(cancellationToken).ConfigureAwait(false);
        _ = Task.Run(channel.WatchdogAsync);
        return channel;
    }

    /// <summary>
    /// Asks for a channel. It is renewed at nine tenths of the life its <c>expires</c> gives (24 hours
    /// when absent): measured on this machine's clock, so a skewed clock costs minutes, not the channel.
    /// </summary>
    private static async Task<Created> CreateAsync(GenesysApiClient api, CancellationToken cancellationToken)
    {
        var response = await api.SendAsync(HttpMethod.Post, OutboundPaths.NotificationChannels, null, null, "Creating a notification channel", cancellationToken).ConfigureAwait(false);
        var now = DateTime.UtcNow;
        string id;
        Uri connectUri;
        var lifetime = DocumentedLifetime;
        using (var doc = JsonDocument.Parse(response.Body))
        {
            id = doc.RootElement.GetProperty("id").GetString() ?? throw new InvalidDataException("The channel has no id.");
            connectUri = new Uri(doc.RootElement.GetProperty("connectUri").GetString() ?? throw new InvalidDataException("The channel has no connectUri."));
            if (doc.RootElement.TryGetProperty("expires", out var expires) && expires.ValueKind == JsonValueKind.String
                && DateTime.TryParse(expires.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                lifetime = at - now;
            }
        }

        if (!(connectUri.Scheme == "wss" || (connectUri.Scheme == "ws" && GenesysEndpoints.IsLoopback(connectUri))))
        {
            throw new WebSocketException($"The notification channel's address {connectUri.GetLeftPart(UriPartial.Authority)} is not wss:// (ws:// is allowed to loopback only).");
        }

        return new Created(id, connectUri, now + TimeSpan.FromTicks(Math.Max(0, lifetime.Ticks) / 10 * 9));
    }

    /// <summary>
    /// Adds topics not yet subscribed, in one request per call: a PUT of every topic the channel
    /// should hold (PUT replaces the set; it is the documented form, and resending it is harmless).
    /// </summary>
    /// <returns>The topics Genesys rejected.</returns>
    public async Task<IReadOnlyList<string>> SubscribeAsync(IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        List<string> added;
        List<string> all;
        lock (_gate)
        {
            added = topics.Where(t => !_topics.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (_topics.Count + added.Count > MaxTopics)
            {
                throw new InvalidOperationException($"A notification channel takes at most {MaxTopics} topics.");
            }

            all = _topics.Concat(added).ToList();
        }

        if (added.Count == 0)
        {
            return Array.Empty<string>();
        }

        var rejected = await PutTopicsAsync(Id, all, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var topic in added.Except(rejected, StringComparer.OrdinalIgnoreCase))
            {
                _topics.Add(topic);
            }
        }

        return rejected;
    }

    /// <summary>Sets a channel's whole topic set in one PUT; returns the topics Genesys rejected.</summary>
    private async Task<List<string>> PutTopicsAsync(string channelId, IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        var body = JsonText.IdObjects(topics);
        // ignoreErrors: a topic refused (a campaign gone, a permission missing) is marked Rejected in
        // the answer instead of failing the whole request, so the other topics are still subscribed.
        var response = await _api.SendAsync(HttpMethod.Put, OutboundPaths.Subscriptions(channelId) + "?ignoreErrors=true", body, null, "Subscribing to campaign notifications", cancellationToken).ConfigureAwait(false);
        var rejected = new List<string>();
        using (var doc = JsonDocument.Parse(response.Body))
        {
            // Genesys answers {"entities":[...]}; a bare array of the same topics is read alike.
            var root = doc.RootElement;
            var entities = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entities", out var list) ? list : default;
            if (entities.ValueKind == JsonValueKind.Array)
            {
                foreach (var entity in entities.EnumerateArray())
                {
                    if (entity.ValueKind == JsonValueKind.Object
                        && entity.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String && state.GetString() == "Rejected"
                        && entity.TryGetProperty("id", out var topic) && topic.ValueKind == JsonValueKind.String)
                    {
                        rejected.Add(topic.GetString()!);
                    }
                }
            }
        }

        return rejected;
    }

    /// <summary>Closes the socket; no event is raised after this.</summary>
    public void Dispose()
    {
        if (_closed.IsCancellationRequested)
        {
            return;
        }

        _closed.Cancel();
        var socket = _socket;
        if (socket is not null)
        {
            try
            {
                socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Wait(TimeSpan.FromSeconds(1));
            }
            catch (Exception ex) when (ex is WebSocketException or AggregateException or ObjectDisposedException or InvalidOperationException)
            {
            }

            socket.Dispose();
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);

        // Bounded like any request: a server that accepts the connection but never upgrades it
        // must not hold a bulk run before its first write.
        var limit = _api.ResilienceOptions.AttemptTimeout;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            attempt.CancelAfter(limit);
            try
            {
                await socket.ConnectAsync(_connectUri, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new WebSocketException($"The notification socket did not open within {limit.TotalSeconds:0} s.");
            }
        }

        _lastMessage = DateTime.UtcNow;
        var previous = Interlocked.Exchange(ref _socket, socket);
        previous?.Abort();
        _ = Task.Run(() => ReceiveAsync(socket), CancellationToken.None); // Lives as long as the socket, not the call that opened it.
    }

    private async Task ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), _closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                _lastMessage = DateTime.UtcNow;
                var told = Dispatch(message.ToArray());
                message.SetLength(0);
                if (told is { Ended: true })
                {
                    // Nothing more comes on this channel; another channel would take the topics from
                    // whoever holds them now, or be refused with the token: so the channel is lost.
                    _log.Verbose($"Genesys ended the notification channel's subscriptions: {told.Value.Why}");
                    if (Interlocked.Exchange(ref _lost, 1) == 0)
                    {
                        Lost?.Invoke(new InvalidOperationException("Genesys ended the notification channel's subscriptions: " + told.Value.Why));
                    }

                    return;
                }

                if (told is { Ended: false })
                {
                    // Maintenance: open a new socket on the same channel before this one goes.
                    _log.Verbose("Genesys announced the notification socket is closing; reconnecting.");
                    await ReconnectAsync(null).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            if (!_closed.IsCancellationRequested && ReferenceEquals(socket, _socket))
            {
                await ReconnectAsync(ex).ConfigureAwait(false);
            }

            return;
        }

        if (!_closed.IsCancellationRequested && ReferenceEquals(socket, _socket))
        {
            await ReconnectAsync(null).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Handles one message; returns, for a system message that ends the socket (closing, Ended false)
    /// or the channel's subscriptions (Ended true), which and why; null for any other.
    /// </summary>
    private (bool Ended, string Why)? Dispatch(byte[] utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null; // Not a notification.
            }

            var topic = root.TryGetProperty("topicName", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            if (topic == HeartbeatTopic)
            {
                return null;
            }

            if (topic == SocketClosingTopic)
            {
                return (false, topic);
            }

            if (EndingTopics.Any(prefix => topic.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                var said = root.TryGetProperty("eventBody", out var system) && system.ValueKind == JsonValueKind.Object && system.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (true, said is null ? topic : $"{topic} ({said})");
            }

            if (root.TryGetProperty("eventBody", out var body))
            {
                Received?.Invoke(topic, body.Clone());
            }
        }
        catch (JsonException ex)
        {
            _log.Verbose($"Ignored a notification that is not JSON: {ex.Message}");
        }

        return null;
    }

    private async Task ReconnectAsync(Exception? cause)
    {
        for (var attempt = 1; attempt <= 3 && !_closed.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), _closed.Token).ConfigureAwait(false);
                await ConnectAsync(_closed.Token).ConfigureAwait(false);
                _log.Verbose("The notification socket was reconnected.");
                Reconnected?.Invoke();
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or HttpRequestException)
            {
                cause = ex;
            }
        }

        if (!_closed.IsCancellationRequested)
        {
            // The channel itself may be gone (expired, evicted): a new one may still be had.
            await RenewAsync($"its socket could not be reopened{(cause is null ? string.Empty : " (" + cause.Message + ")")}").ConfigureAwait(false);
        }
    }

    private async Task WatchdogAsync()
    {
        // A lost channel is dead: nothing more to watch or renew.
        while (!_closed.IsCancellationRequested && Volatile.Read(ref _lost) == 0)
        {
            var tick = TimeSpan.FromSeconds(Math.Min(5, HeartbeatTimeout.TotalSeconds / 3));
            var untilRenewal = _renewAt - DateTime.UtcNow;
            try
            {
                await Task.Delay(untilRenewal < tick ? (untilRenewal > TimeSpan.Zero ? untilRenewal : TimeSpan.Zero) : tick, _closed.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (DateTime.UtcNow >= _renewAt)
            {
                await RenewAsync("the channel is near the end of its life").ConfigureAwait(false);
            }
            else if (DateTime.UtcNow - _lastMessage > HeartbeatTimeout)
            {
                // No heartbeat: the socket, or the channel itself (an expired one may fall silent), is dead.
                await RenewAsync("no heartbeat came in time").ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Replaces the channel: a new one, the same topics subscribed in one request, its socket
    /// connected, then the old socket dropped. <see cref="Reconnected"/> then fires (callers read their
    /// campaigns once, for what the gap may have hidden); if no new channel can be had, <see cref="Lost"/>.
    /// </summary>
    private async Task RenewAsync(string why)
    {
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        try
        {
            _log.Verbose($"Replacing notification channel {Id}: {why}.");
            Exception? cause = null;
            for (var attempt = 1; attempt <= 3 && !_closed.IsCancellationRequested; attempt++)
            {
                try
                {
                    var created = await CreateAsync(_api, _closed.Token).ConfigureAwait(false);
                    string[] topics;
                    lock (_gate)
                    {
                        topics = _topics.ToArray();
                    }

                    if (topics.Length > 0)
                    {
                        await PutTopicsAsync(created.Id, topics, _closed.Token).ConfigureAwait(false);
                    }

                    Id = created.Id;
                    _connectUri = created.ConnectUri;
                    _renewAt = created.RenewAt;
                    await ConnectAsync(_closed.Token).ConfigureAwait(false);
                    _log.Verbose($"Now listening on notification channel {Id}.");
                    Reconnected?.Invoke();
                    return;
                }
                catch (Exception ex) when (IsUnavailable(ex) || ex is OperationCanceledException or ObjectDisposedException or IOException)
                {
                    cause = ex;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), _closed.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (!_closed.IsCancellationRequested && Interlocked.Exchange(ref _lost, 1) == 0)
            {
                _log.Verbose($"No new notification channel could be had{(cause is null ? string.Empty : ": " + cause.Message)}.");
                Lost?.Invoke(cause);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _renewing, 0);
        }
    }

    private sealed record Created(string Id, Uri ConnectUri, DateTime RenewAt);
}

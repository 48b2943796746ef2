using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The notification channels, their topics and their connected sockets, and the fan-out of campaign
/// events to them. One lock guards it all. <see cref="CampaignStore"/> publishes while holding its own
/// lock, so the order is always store lock, then hub lock: the hub never calls the store.
/// </summary>
internal sealed class NotificationHub : IDisposable
{
    /// <summary>Genesys allows 20 channels per OAuth client; creating a 21st removes the oldest.</summary>
    public const int MaxChannelsPerClient = 20;

    /// <summary>Genesys allows 1000 topics per channel.</summary>
    public const int MaxTopicsPerChannel = 1000;

    /// <summary>How long an announced close waits after <c>v2.system.socket_closing</c>, so clients can read it first.</summary>
    private static readonly TimeSpan AnnounceGrace = TimeSpan.FromMilliseconds(100);

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _gate = new();
    private readonly SimulatorOptions _options;
    private readonly Dictionary<string, NotificationChannel> _channels = new(StringComparer.Ordinal);
    private readonly HashSet<NotificationSocket> _connected = [];
    private long _sequence;
    private bool _disposed;

    /// <param name="options">Live: channel lifetime and what an expired channel does.</param>
    public NotificationHub(SimulatorOptions options) => _options = options;

    /// <summary>Sockets accepted and not yet closed, aborted or dropped.</summary>
    public int ConnectedSockets
    {
        get
        {
            lock (_gate)
            {
                return _connected.Count;
            }
        }
    }

    /// <summary>Creates a channel for the client, evicting (and closing the sockets of) its oldest one past the limit.</summary>
    public NotificationChannel CreateChannel(string clientId)
    {
        var evicted = new List<NotificationSocket>();
        NotificationChannel channel;
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            RemoveExpired(now, evicted);
            var owned = _channels.Values
                .Where(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal))
                .OrderBy(c => c.Sequence)
                .ToList();
            for (var i = 0; i <= owned.Count - MaxChannelsPerClient; i++)
            {
                Remove(owned[i], evicted);
            }

            // Genesys channel ids look like this; the id is the only secret guarding the socket.
            var id = "streaming-0-" + RandomNumberGenerator.GetString(IdAlphabet, 26);
            channel = new NotificationChannel(id, clientId, now + _options.ChannelLifetime, ++_sequence);
            _channels.Add(id, channel);
        }

        // UNCONFIRMED: how Genesys closes an evicted channel's socket; a normal close is the gentlest guess.
        foreach (var socket in evicted)
        {
            socket.RequestClose(WebSocketCloseStatus.NormalClosure, "Channel removed");
        }

        return channel;
    }

    /// <summary>Whether the channel has expired but was left open: its sockets get no events and no heartbeats.</summary>
    public bool IsSilent(string channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var channel) && channel.Expires <= DateTimeOffset.UtcNow;
        }
    }

    public bool ChannelExists(string channelId)
    {
        lock (_gate)
        {
            return Find(channelId, clientId: null) is not null;
        }
    }

    /// <summary>The channel's topics, or null when the client has no such channel.</summary>
    public IReadOnlyList<string>? Topics(string channelId, string clientId)
    {
        lock (_gate)
        {
            return Find(channelId, clientId)?.Topics.ToArray();
        }
    }

    /// <summary>
    /// Replaces or extends the channel's topics with the permitted ones of <paramref name="requested"/>.
    /// The limit counts every topic asked for, permitted or not, plus (when adding) those already held.
    /// </summary>
    public SubscriptionOutcome Subscribe(string channelId, string clientId, IReadOnlyList<TopicState> requested, bool replace)
    {
        lock (_gate)
        {
            var channel = Find(channelId, clientId);
            if (channel is null)
            {
                return SubscriptionOutcome.Fail(SubscriptionResult.UnknownChannel);
            }

            var total = replace ? requested.Count : requested.Count(t => !channel.HasTopic(t.Id)) + channel.TopicCount;
            if (total > MaxTopicsPerChannel)
            {
                return SubscriptionOutcome.Fail(SubscriptionResult.TooManyTopics);
            }

            if (replace)
            {
                channel.ClearTopics();
            }

            foreach (var topic in requested.Where(t => t.Permitted))
            {
                channel.AddTopic(topic.Id);
            }

            // A replace answers with exactly what was asked; an add also lists what the channel already held.
            var answer = replace
                ? requested
                : channel.Topics.Select(t => new TopicState(t, true)).Concat(requested.Where(t => !t.Permitted)).ToArray();
            return new SubscriptionOutcome(SubscriptionResult.Ok, answer);
        }
    }

    /// <summary>Registers an accepted socket; false when the channel vanished meanwhile or the hub is stopping.</summary>
    public bool TryAttach(NotificationSocket socket)
    {
        lock (_gate)
        {
            var channel = _disposed ? null : Find(socket.ChannelId, clientId: null);
            if (channel is null)
            {
                return false;
            }

            channel.Sockets.Add(socket);
            _connected.Add(socket);
            return true;
        }
    }

    public void Detach(NotificationSocket socket)
    {
        lock (_gate)
        {
            _connected.Remove(socket);
            if (_channels.TryGetValue(socket.ChannelId, out var channel))
            {
                channel.Sockets.Remove(socket);
            }
        }
    }

    /// <summary>Queues the campaign's event on every socket of every channel subscribed to its topic.</summary>
    public void PublishCampaign(string campaignId, string campaignJson) =>
        Publish(NotificationTopics.Campaign(campaignId), campaignJson);

    /// <summary>
    /// Queues an event with <paramref name="bodyJson"/> on every socket of every channel subscribed to <paramref name="topic"/>,
    /// the body as the topic's SDK model has it; a change that model cannot carry is not told (<see cref="NotificationTopics.Event"/>).
    /// </summary>
    public void Publish(string topic, string bodyJson)
    {
        string? message = null;
        lock (_gate)
        {
            if (_options.LoseEvents)
            {
                return;
            }

            var now = DateTimeOffset.UtcNow;
            foreach (var channel in _channels.Values)
            {
                // An expired channel that was left open is silent: its sockets hear nothing more.
                if (channel.Sockets.Count == 0 || !channel.HasTopic(topic) || channel.Expires <= now)
                {
                    continue;
                }

                // Built once per change, so every subscriber sees the same CorrelationId.
                message ??= NotificationTopics.Event(topic, bodyJson);
                if (message is null)
                {
                    return;
                }

                foreach (var socket in channel.Sockets)
                {
                    socket.TrySend(message);
                }
            }
        }
    }

    /// <summary>
    /// Ends every channel's subscriptions and tells its sockets so, with the SDK's SystemMessage on
    /// <c>v2.system.{type}.{channel id}</c> (<paramref name="type"/>: <c>token_revoked</c> or
    /// <c>no_longer_subscribed</c>). The channels and sockets stay, and hear nothing more.
    /// </summary>
    public void EndSubscriptions(string type, string reason, string message)
    {
        lock (_gate)
        {
            foreach (var channel in _channels.Values)
            {
                channel.ClearTopics();
                var body = new JsonObject
                {
                    ["channelId"] = channel.Id,
                    ["systemTopicType"] = type,
                    ["oauthClientId"] = channel.ClientId,
                    ["reason"] = reason,
                    ["message"] = message,
                };
                if (NotificationTopics.Event($"v2.system.{type}.{channel.Id}", SimulatorJson.Serialize(body)) is { } told)
                {
                    foreach (var socket in channel.Sockets)
                    {
                        socket.TrySend(told);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Announced: every socket gets <c>v2.system.socket_closing</c>, then a normal close after about
    /// 100 ms. Not announced: every socket is aborted at once and no longer counted. Channels stay.
    /// </summary>
    public void CloseAll(bool announce)
    {
        NotificationSocket[] sockets;
        lock (_gate)
        {
            sockets = [.. _connected];
            if (!announce)
            {
                _connected.Clear();
                foreach (var channel in _channels.Values)
                {
                    channel.Sockets.Clear();
                }
            }
        }

        if (!announce)
        {
            foreach (var socket in sockets)
            {
                socket.Abort();
            }

            return;
        }

        foreach (var socket in sockets)
        {
            socket.TrySend(NotificationTopics.SocketClosing);
        }

        _ = CloseLaterAsync(sockets);
    }

    /// <summary>Aborts every socket and refuses new ones, so stopping Kestrel does not wait on open sockets.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        CloseAll(announce: false);
    }

    private static async Task CloseLaterAsync(NotificationSocket[] sockets)
    {
        await Task.Delay(AnnounceGrace).ConfigureAwait(false);
        foreach (var socket in sockets)
        {
            socket.RequestClose(WebSocketCloseStatus.NormalClosure, "Socket closing for maintenance");
        }
    }

    /// <summary>Must hold the lock. A live channel by id (owned by the client when one is given), dropping it if expired.</summary>
    private NotificationChannel? Find(string channelId, string? clientId)
    {
        if (!_channels.TryGetValue(channelId, out var channel))
        {
            return null;
        }

        if (channel.Expires <= DateTimeOffset.UtcNow)
        {
            if (!_options.ExpiredChannelsClose)
            {
                return null; // Gone for the API; its sockets stay open and silent.
            }

            var sockets = new List<NotificationSocket>();
            Remove(channel, sockets);
            foreach (var socket in sockets)
            {
                socket.RequestClose(WebSocketCloseStatus.NormalClosure, "Channel expired");
            }

            return null;
        }

        // Another client's channel is reported as missing, not forbidden: ids are not to be probed.
        return clientId is null || string.Equals(channel.ClientId, clientId, StringComparison.Ordinal) ? channel : null;
    }

    /// <summary>Must hold the lock.</summary>
    private void RemoveExpired(DateTimeOffset now, List<NotificationSocket> closing)
    {
        foreach (var channel in _channels.Values.Where(c => c.Expires <= now && (_options.ExpiredChannelsClose || c.Sockets.Count == 0)).ToArray())
        {
            Remove(channel, closing);
        }
    }

    /// <summary>Must hold the lock. Forgets the channel; its sockets stay counted until they finish closing.</summary>
    private void Remove(NotificationChannel channel, List<NotificationSocket> closing)
    {
        _channels.Remove(channel.Id);
        closing.AddRange(channel.Sockets);
        channel.Sockets.Clear();
    }
}

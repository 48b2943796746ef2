using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// One accepted notification WebSocket. Everything it sends goes through one queue drained by one
/// writer loop, because a WebSocket allows a single send at a time and messages must never interleave;
/// events, heartbeats, pongs and the close frame all queue the same way, so they also keep their order.
/// A reader loop watches for the client's close (or a dropped connection) and answers pings.
/// </summary>
internal sealed class NotificationSocket
{
    /// <summary>How long a close handshake may take before the socket is simply aborted.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A floor for the heartbeat, so a zero interval set while running cannot spin.</summary>
    private static readonly TimeSpan MinHeartbeat = TimeSpan.FromMilliseconds(10);

    /// <summary>Client messages are only ever pings; anything longer is read and dropped.</summary>
    private const int MaxIncomingBytes = 4096;

    private readonly WebSocket _socket;
    private readonly CancellationTokenSource _stop;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
    });

    public NotificationSocket(string channelId, WebSocket socket, CancellationToken requestAborted)
    {
        ChannelId = channelId;
        _socket = socket;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
    }

    public string ChannelId { get; }

    /// <summary>Queues a text message; false once the socket is closing or closed.</summary>
    public bool TrySend(string text) => _outbox.Writer.TryWrite(new Outgoing(text, null));

    /// <summary>Queues a close frame behind whatever is already queued; nothing after it is sent.</summary>
    public void RequestClose(WebSocketCloseStatus status, string description)
    {
        if (_outbox.Writer.TryWrite(new Outgoing(description, status)))
        {
            _outbox.Writer.TryComplete();
        }
    }

    /// <summary>Drops the connection at once, without a close frame (what a crashed server looks like).</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The socket has already finished.
        }

        try
        {
            _socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Finished and disposed between the caller's snapshot and this call.
        }
    }

    /// <summary>Runs the socket until it is closed by either side, aborted, or the connection drops. Never throws.</summary>
    public async Task RunAsync(Func<TimeSpan> heartbeatInterval, Func<bool> silent)
    {
        var writer = WriteLoopAsync();
        var heartbeat = HeartbeatLoopAsync(heartbeatInterval, silent);
        var clientClose = await ReadLoopAsync().ConfigureAwait(false);
        if (clientClose is { } status)
        {
            // Answer the client's close; if ours was already queued or sent, this does nothing.
            RequestClose(status, string.Empty);
        }
        else
        {
            _outbox.Writer.TryComplete();
        }

        await Task.WhenAny(writer, Task.Delay(CloseHandshakeTimeout)).ConfigureAwait(false);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Cannot happen before the Dispose below; kept so shutdown never throws.
        }

        // Both loops swallow their own failures, so awaiting them only waits.
        await writer.ConfigureAwait(false);
        await heartbeat.ConfigureAwait(false);
        _stop.Dispose();
        _socket.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (_outbox.Reader.TryRead(out var item))
                {
                    if (item.CloseStatus is { } status)
                    {
                        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                        {
                            await _socket.CloseOutputAsync(status, item.Text, _stop.Token).ConfigureAwait(false);
                        }

                        // A client that never answers our close must not hold the request open.
                        _stop.CancelAfter(CloseHandshakeTimeout);
                        return;
                    }

                    if (_socket.State != WebSocketState.Open)
                    {
                        continue;
                    }

                    await _socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (IsConnectionEnd(ex))
        {
            // Aborted or dropped: there is no one left to write to.
        }
        finally
        {
            _outbox.Writer.TryComplete();
        }
    }

    private async Task HeartbeatLoopAsync(Func<TimeSpan> interval, Func<bool> silent)
    {
        try
        {
            while (true)
            {
                var wait = interval();
                await Task.Delay(wait < MinHeartbeat ? MinHeartbeat : wait, _stop.Token).ConfigureAwait(false);
                if (!silent() && !TrySend(NotificationTopics.Heartbeat))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The socket finished.
        }
    }

    /// <summary>Reads until the client closes (returns its close status) or the connection ends (returns null).</summary>
    private async Task<WebSocketCloseStatus?> ReadLoopAsync()
    {
        var buffer = new byte[1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return _socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure;
                }

                if (message.Length + result.Count <= MaxIncomingBytes)
                {
                    message.Write(buffer, 0, result.Count);
                }

                if (result.EndOfMessage)
                {
                    if (result.MessageType == WebSocketMessageType.Text && IsPing(message.GetBuffer().AsSpan(0, (int)message.Length)))
                    {
                        TrySend(NotificationTopics.Pong);
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (IsConnectionEnd(ex))
        {
            return null;
        }
    }

    /// <summary>Genesys answers <c>{"message":"ping"}</c> with a pong, which clients use to test a quiet socket.</summary>
    private static bool IsPing(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var value)
                && value.ValueKind == JsonValueKind.String
                && value.ValueEquals("ping");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The ways a WebSocket operation fails when the peer goes away or the socket is aborted.</summary>
    private static bool IsConnectionEnd(Exception ex) =>
        ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or InvalidOperationException;

    /// <summary>A queued text message, or a close frame when <see cref="CloseStatus"/> is set (then the text is its description).</summary>
    private readonly record struct Outgoing(string Text, WebSocketCloseStatus? CloseStatus);
}

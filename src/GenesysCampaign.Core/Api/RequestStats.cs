using System.Threading;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// Counts the HTTP requests one operation took and remembers the last correlation id, for the
/// audit record's <c>Attempts</c> and <c>CorrelationId</c>. Shared by concurrent requests, so atomic.
/// </summary>
internal sealed class RequestStats
{
    private int _requests;
    private int _writes;
    private string? _lastCorrelationId;

    /// <summary>The place among the writes in flight of the change these requests are for, if any: told of each 429.</summary>
    public IRequestTurn? Turn { get; set; }

    /// <summary>HTTP requests sent so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The correlation id of the last answer that had one.</summary>
    public string? LastCorrelationId => Volatile.Read(ref _lastCorrelationId);

    /// <summary>Writes (requests that change something) sent so far: a change stopped with none sent was not attempted.</summary>
    public int WritesSent => Volatile.Read(ref _writes);

    /// <summary>Counts requests shared with other campaigns (a batched poll) as this campaign's too.</summary>
    internal void AddShared(RequestStats shared)
    {
        if (shared.Requests > 0)
        {
            Interlocked.Add(ref _requests, shared.Requests);
            if (shared.LastCorrelationId is { } id)
            {
                Volatile.Write(ref _lastCorrelationId, id);
            }
        }
    }

    /// <summary>Counts a request as it is sent, so attempts that never got an answer count too.</summary>
    internal void CountRequest(bool write)
    {
        Interlocked.Increment(ref _requests);
        if (write)
        {
            Interlocked.Increment(ref _writes);
        }
    }

    /// <summary>Remembers the correlation id of an answer.</summary>
    internal void Answered(string? correlationId)
    {
        if (correlationId is not null)
        {
            Volatile.Write(ref _lastCorrelationId, correlationId);
        }
    }
}

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// One notification channel: its owner, expiry, subscribed topics and connected sockets. Not
/// thread-safe on its own: <see cref="NotificationHub"/> guards every channel with its lock.
/// </summary>
internal sealed class NotificationChannel(string id, string clientId, DateTimeOffset expires, long sequence)
{
    private readonly List<string> _topics = [];
    private readonly HashSet<string> _topicSet = new(StringComparer.OrdinalIgnoreCase);

    public string Id { get; } = id;

    public string ClientId { get; } = clientId;

    public DateTimeOffset Expires { get; } = expires;

    /// <summary>Creation order, for evicting a client's oldest channel.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Subscribed topics, in the order they were added (as a GET lists them).</summary>
    public IReadOnlyList<string> Topics => _topics;

    public List<NotificationSocket> Sockets { get; } = [];

    public int TopicCount => _topics.Count;

    public bool HasTopic(string topic) => _topicSet.Contains(topic);

    public void AddTopic(string topic)
    {
        if (_topicSet.Add(topic))
        {
            _topics.Add(topic);
        }
    }

    public void ClearTopics()
    {
        _topics.Clear();
        _topicSet.Clear();
    }
}

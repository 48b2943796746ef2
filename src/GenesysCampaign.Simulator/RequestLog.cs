namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Thread-safe, arrival-ordered request log. A slot is added when a request arrives and completed
/// when its status is known, so concurrent requests keep their arrival order.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<Slot> _slots = [];

    public Slot Begin(DateTimeOffset time, string method, string path, string query, string? authorization)
    {
        var slot = new Slot(time, method, path, query, authorization);
        lock (_gate)
        {
            _slots.Add(slot);
        }

        return slot;
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return _slots.Select(s => s.ToEntry()).ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _slots.Clear();
        }
    }

    /// <summary>Redacts an Authorization header down to its scheme.</summary>
    public static string? Redact(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return null;
        }

        var space = authorization.IndexOf(' ');
        var scheme = space < 0 ? authorization : authorization[..space];
        return scheme + " ***";
    }

    /// <summary>A log entry under construction; body and status arrive after the slot is placed.</summary>
    internal sealed class Slot(DateTimeOffset time, string method, string path, string query, string? authorization)
    {
        private readonly object _gate = new();
        private string? _body;
        private int _status;
        private bool _completed;

        public string? Body
        {
            set
            {
                lock (_gate)
                {
                    _body = value;
                }
            }
        }

        /// <summary>Records the status as the response starts; ignored once the request is completed.</summary>
        public void Observe(int value)
        {
            lock (_gate)
            {
                if (!_completed)
                {
                    _status = value;
                }
            }
        }

        /// <summary>
        /// Fixes the final status. Later observations are ignored because Kestrel may still fire
        /// OnStarting for an aborted request, which must stay logged as 0.
        /// </summary>
        public void Complete(int value)
        {
            lock (_gate)
            {
                _status = value;
                _completed = true;
            }
        }

        public RequestLogEntry ToEntry()
        {
            lock (_gate)
            {
                return new(time, method, path, query, _status, _body, authorization);
            }
        }
    }
}

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Holds the armed <see cref="FaultRule"/>s. Rules are tried in the order added; the first one that
/// fires decides the fault for a request. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ArmedRule> _rules = [];

    internal FaultInjector()
    {
    }

    /// <summary>Arms a rule (a copy of it).</summary>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(new ArmedRule(rule.Copy()));
        }
    }

    /// <summary>Disarms every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Returns the rule that fires for this request, consuming one use of a counted rule.</summary>
    internal FaultRule? Match(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var armed = _rules[i];
                if (!armed.Applies(method, path))
                {
                    continue;
                }

                if (armed.Rule.OncePerPath)
                {
                    if (armed.Seen.Add(path))
                    {
                        return armed.Rule;
                    }

                    continue;
                }

                if (armed.Rule.Rate > 0)
                {
                    if (armed.Random.NextDouble() < armed.Rule.Rate)
                    {
                        return armed.Rule;
                    }

                    continue;
                }

                armed.Remaining--;
                if (armed.Remaining <= 0)
                {
                    _rules.RemoveAt(i);
                }

                return armed.Rule;
            }

            return null;
        }
    }

    private sealed class ArmedRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Remaining { get; set; } = rule.Count;

        // One generator per rule keeps each rule's sequence repeatable whatever else is armed.
        public Random Random { get; } = new(42);

        // The paths a OncePerPath rule has answered.
        public HashSet<string> Seen { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool Applies(string method, string path) =>
            (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
            && (Rule.PathContains is null || path.Contains(Rule.PathContains, StringComparison.OrdinalIgnoreCase));
    }
}

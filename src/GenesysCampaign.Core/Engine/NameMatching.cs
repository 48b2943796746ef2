using System;
using System.Collections.Generic;
using System.Linq;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// Name patterns over a list already read (sequences, rules), with the rules
/// <see cref="CampaignFinder"/> applies to campaigns: PowerShell wildcards, any case; a plain name
/// matches itself; a pattern with wildcards matches the object named exactly as typed when there
/// is one (<c>[UK] Renewals</c>), else what its wildcards match.
/// </summary>
internal static class NameMatching
{
    /// <summary>
    /// The items that match any pattern (all items when there are none), each once, in list order.
    /// <paramref name="matched"/> collects the patterns that matched something.
    /// </summary>
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> items, IReadOnlyList<NamePattern> patterns, Func<T, string> name, ISet<string> matched)
    {
        if (patterns.Count == 0)
        {
            return items;
        }

        var chosen = new HashSet<int>();
        foreach (var pattern in patterns)
        {
            var literal = pattern.HasWildcards ? Indexes(items, i => pattern.IsLiteralName(name(i))) : new List<int>();
            var hits = literal.Count > 0 ? literal : Indexes(items, i => pattern.IsMatch(name(i)));
            if (hits.Count > 0)
            {
                matched.Add(pattern.Pattern);
            }

            chosen.UnionWith(hits);
        }

        return chosen.OrderBy(i => i).Select(i => items[i]).ToList();
    }

    private static List<int> Indexes<T>(IReadOnlyList<T> items, Func<T, bool> predicate) =>
        Enumerable.Range(0, items.Count).Where(i => predicate(items[i])).ToList();
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// A campaign name pattern with PowerShell's wildcards (<c>*</c>, <c>?</c>, <c>[a-c]</c>, backtick
/// escapes), matched case-insensitively. Core cannot use PowerShell's WildcardPattern, so this is
/// the same language in a dozen lines. Campaign names may hold wildcard characters themselves
/// (<c>[UK] Renewals</c>), so a pattern is also a literal name: <see cref="IsLiteralName"/>, and
/// <see cref="CampaignFinder"/> prefers literal matches.
/// </summary>
internal sealed class NamePattern
{
    private readonly Regex _regex;

    /// <summary>Parses a pattern.</summary>
    public NamePattern(string pattern)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        var regex = new StringBuilder("^");
        var prefix = new StringBuilder();
        var inPrefix = true;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length)
            {
                var escaped = pattern[++i];
                regex.Append(Regex.Escape(escaped.ToString()));
                if (inPrefix)
                {
                    prefix.Append(escaped);
                }

                continue;
            }

            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    inPrefix = false;
                    HasWildcards = true;
                    break;
                case '?':
                    regex.Append('.');
                    inPrefix = false;
                    HasWildcards = true;
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0 || CharClass(pattern.Substring(i + 1, close - i - 1)) is not { } charClass)
                    {
                        // Not a valid wildcard (PowerShell would refuse it): the pattern is a plain name.
                        Pattern = pattern;
                        HasWildcards = false;
                        LiteralPrefix = pattern;
                        _regex = new Regex("^" + Regex.Escape(pattern) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
                        ServerPrefixes = PrefixesFor(pattern);
                        return;
                    }

                    regex.Append(charClass);
                    i = close;
                    inPrefix = false;
                    HasWildcards = true;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    if (inPrefix)
                    {
                        prefix.Append(c);
                    }

                    break;
            }
        }

        LiteralPrefix = prefix.ToString();
        _regex = new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        ServerPrefixes = PrefixesFor(HasWildcards ? CommonPrefix(pattern, LiteralPrefix) : LiteralPrefix);
    }

    /// <summary>The pattern as typed.</summary>
    public string Pattern { get; }

    /// <summary>Whether it has any wildcard (a plain name that matches nothing is an error; a wildcard is not).</summary>
    public bool HasWildcards { get; }

    /// <summary>The literal text before the first wildcard: what the list endpoint can filter on.</summary>
    public string LiteralPrefix { get; }

    /// <summary>Whether a name matches.</summary>
    public bool IsMatch(string name) => _regex.IsMatch(name);

    /// <summary>Whether the pattern matches everything (<c>*</c>): no name can be preferred to the rest.</summary>
    public bool MatchesAll => Pattern == "*";

    /// <summary>
    /// Whether <paramref name="name"/> is the pattern as typed, taken as a name (case-insensitively):
    /// <c>-Name '[UK] Renewals'</c> means the campaign of that name when there is one.
    /// </summary>
    public bool IsLiteralName(string name) => HasWildcards && !MatchesAll && string.Equals(name, Pattern, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>name</c> prefixes to ask the list endpoint for ("" for every campaign), so that whatever
    /// the server's filter does with letter case or with characters other than letters, digits, space
    /// and hyphen (both UNCONFIRMED, docs/genesys-api.md), no campaign this pattern could match, as a pattern
    /// or as a literal name, is left out: the prefix stops before any other character, and its first
    /// letter is asked for in both cases.
    /// </summary>
    public IReadOnlyList<string> ServerPrefixes { get; }

    /// <summary>
    /// A bracket's content as a regex class, as PowerShell reads it: characters and ranges (<c>a-c</c>),
    /// every other character literal (so <c>[^b]</c> means '^' or 'b'); null when not valid (empty, or
    /// a range that runs backwards).
    /// </summary>
    private static string? CharClass(string content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        var cls = new StringBuilder("[");
        for (var i = 0; i < content.Length; i++)
        {
            if (i + 2 < content.Length && content[i + 1] == '-')
            {
                if (content[i] > content[i + 2])
                {
                    return null;
                }

                cls.Append(Escape(content[i])).Append('-').Append(Escape(content[i + 2]));
                i += 2;
                continue;
            }

            cls.Append(Escape(content[i]));
        }

        return cls.Append(']').ToString();

        static string Escape(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
    }

    private static string[] PrefixesFor(string literal)
    {
        var safe = 0;
        while (safe < literal.Length && (char.IsLetterOrDigit(literal[safe]) || literal[safe] == ' ' || literal[safe] == '-'))
        {
            safe++;
        }

        var prefix = literal.Substring(0, safe);
        for (var i = 0; i < prefix.Length; i++)
        {
            var upper = char.ToUpperInvariant(prefix[i]);
            var lower = char.ToLowerInvariant(prefix[i]);
            if (upper != lower)
            {
                var head = prefix.Substring(0, i);
                return new[] { head + upper, head + lower };
            }
        }

        return new[] { prefix };
    }

    private static string CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return a.Substring(0, length);
    }
}

using System;
using System.Text;
using System.Text.RegularExpressions;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// A campaign name pattern with PowerShell's wildcards (<c>*</c>, <c>?</c>, <c>[a-c]</c>, backtick
/// escapes), matched case-insensitively. Core cannot use PowerShell's WildcardPattern, so this is
/// the same language in a dozen lines.
/// </summary>
public sealed class NamePattern
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
                    if (close < 0)
                    {
                        goto default;
                    }

                    regex.Append('[').Append(pattern.Substring(i + 1, close - i - 1).Replace("\\", "\\\\")).Append(']');
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
    }

    /// <summary>The pattern as typed.</summary>
    public string Pattern { get; }

    /// <summary>Whether it has any wildcard (a plain name that matches nothing is an error; a wildcard is not).</summary>
    public bool HasWildcards { get; }

    /// <summary>The literal text before the first wildcard: what the list endpoint can filter on.</summary>
    public string LiteralPrefix { get; }

    /// <summary>Whether a name matches.</summary>
    public bool IsMatch(string name) => _regex.IsMatch(name);
}

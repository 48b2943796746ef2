using System.Text.RegularExpressions;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The <c>name</c> + <c>filterType</c> query of Genesys list endpoints. Prefix is the default.
/// Whether Genesys compares case-sensitively is UNCONFIRMED: <see cref="SimulatorOptions.CaseSensitiveNameFilter"/>
/// decides (case-sensitive by default, the stricter answer).
/// </summary>
internal sealed class NameFilter
{
    private readonly Func<string, bool> _predicate;

    private NameFilter(Func<string, bool> predicate) => _predicate = predicate;

    /// <summary>A filter that matches everything (no <c>name</c> given).</summary>
    public static NameFilter All { get; } = new(_ => true);

    public static bool TryCreate(string? name, string? filterType, bool caseSensitive, out NameFilter filter, out string? error)
    {
        filter = All;
        error = null;
        if (string.IsNullOrEmpty(name))
        {
            return true;
        }

        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        Func<string, bool>? predicate = (filterType ?? "Prefix").ToUpperInvariant() switch
        {
            "PREFIX" or "BEGINSWITH" => value => value.StartsWith(name, comparison),
            "EQUALS" => value => value.Equals(name, comparison),
            "CONTAINS" => value => value.Contains(name, comparison),
            "ENDSWITH" => value => value.EndsWith(name, comparison),
            "LESSTHAN" => value => string.Compare(value, name, comparison) < 0,
            "LESSTHANEQUALTO" => value => string.Compare(value, name, comparison) <= 0,
            "GREATERTHAN" => value => string.Compare(value, name, comparison) > 0,
            "GREATERTHANEQUALTO" => value => string.Compare(value, name, comparison) >= 0,
            "REGEX" => CreateRegex(name, caseSensitive, out error),
            _ => null,
        };

        if (predicate is null)
        {
            error ??= $"Value [{filterType}] for field [filterType] is not valid";
            return false;
        }

        filter = new NameFilter(predicate);
        return true;
    }

    public bool Matches(string? value) => _predicate(value ?? string.Empty);

    private static Func<string, bool>? CreateRegex(string pattern, bool caseSensitive, out string? error)
    {
        try
        {
            // A timeout so a pathological pattern cannot hang the simulator.
            var regex = new Regex(pattern, (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase) | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            error = null;
            return regex.IsMatch;
        }
        catch (ArgumentException ex)
        {
            error = $"Value [{pattern}] for field [name] is not a valid regular expression: {ex.Message}";
            return null;
        }
    }
}

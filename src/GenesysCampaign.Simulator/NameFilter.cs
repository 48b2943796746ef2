using System.Text.RegularExpressions;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The <c>name</c> + <c>filterType</c> query of Genesys list endpoints. Prefix is the default;
/// every comparison ignores case.
/// </summary>
internal sealed class NameFilter
{
    private readonly Func<string, bool> predicate;

    private NameFilter(Func<string, bool> predicate) => this.predicate = predicate;

    /// <summary>A filter that matches everything (no <c>name</c> given).</summary>
    public static NameFilter All { get; } = new(_ => true);

    public static bool TryCreate(string? name, string? filterType, out NameFilter filter, out string? error)
    {
        filter = All;
        error = null;
        if (string.IsNullOrEmpty(name))
        {
            return true;
        }

        const StringComparison Ci = StringComparison.OrdinalIgnoreCase;
        Func<string, bool>? predicate = (filterType ?? "Prefix").ToUpperInvariant() switch
        {
            "PREFIX" or "BEGINSWITH" => value => value.StartsWith(name, Ci),
            "EQUALS" => value => value.Equals(name, Ci),
            "CONTAINS" => value => value.Contains(name, Ci),
            "ENDSWITH" => value => value.EndsWith(name, Ci),
            "LESSTHAN" => value => string.Compare(value, name, Ci) < 0,
            "LESSTHANEQUALTO" => value => string.Compare(value, name, Ci) <= 0,
            "GREATERTHAN" => value => string.Compare(value, name, Ci) > 0,
            "GREATERTHANEQUALTO" => value => string.Compare(value, name, Ci) >= 0,
            "REGEX" => CreateRegex(name, out error),
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

    public bool Matches(string? value) => predicate(value ?? string.Empty);

    private static Func<string, bool>? CreateRegex(string pattern, out string? error)
    {
        try
        {
            // A timeout so a pathological pattern cannot hang the simulator.
            var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
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

using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>Completes -Environment with region hosts and AWS-style names.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Matching(GenesysRegions.AllNames, wordToComplete);
}

/// <summary>Completes -Status and -State with the documented campaign statuses.</summary>
public sealed class StatusCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Matching(CampaignStatus.All, wordToComplete);
}

/// <summary>
/// Completes -Name with the names of one kind of object of the current connection (or of
/// -Connection), from a cache that lives a minute per connection and kind, so pressing Tab twice
/// does not list them twice. A name is inserted with its wildcard characters escaped
/// (<c>'`[UK`] Renewals'</c>), so it matches only itself. Reading is bounded (5 s); a read that fails
/// or runs out completes nothing rather than throw at the prompt.
/// </summary>
public abstract class CachedNameCompleter : IArgumentCompleter
{
    private static readonly TimeSpan CacheLife = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(5);
    private static readonly ConditionalWeakTable<GenesysConnection, ConcurrentDictionary<Type, Cache>> Caches = new();

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        // A variable given to -Connection comes wrapped in a PSObject.
        var given = fakeBoundParameters["Connection"];
        var connection = given is null ? ConnectionState.Current : (given as PSObject)?.BaseObject as GenesysConnection ?? given as GenesysConnection;
        if (connection is null || connection.IsDisposed)
        {
            return Array.Empty<CompletionResult>();
        }

        // What was typed may already be escaped: compare it as the name it stands for.
        var typed = wordToComplete.Trim('\'', '"').Replace("`", string.Empty);
        return Completion.Matching(Names(connection), typed, WildcardPattern.Escape);
    }

    /// <summary>
    /// Every name of the kind, as the connection's client lists them. A Task of a list, not an
    /// IAsyncEnumerable: PowerShell loads this type before the module's load context exists, so its
    /// signatures may name only netstandard and PowerShell types (docs/ARCHITECTURE.md, "The import contract").
    /// </summary>
    private protected abstract Task<IReadOnlyList<string>> ReadNamesAsync(GenesysApiClient api, CancellationToken cancellationToken);

    private IReadOnlyList<string> Names(GenesysConnection connection)
    {
        var cache = Caches.GetValue(connection, _ => new ConcurrentDictionary<Type, Cache>()).GetOrAdd(GetType(), _ => new Cache());
        lock (cache)
        {
            if (cache.Names is not null && DateTime.UtcNow - cache.Read < CacheLife)
            {
                return cache.Names;
            }

            try
            {
                using var budget = new CancellationTokenSource(ReadBudget);
                var names = ReadNamesAsync(connection.CreateClient(), budget.Token).GetAwaiter().GetResult();
                cache.Names = names;
                cache.Read = DateTime.UtcNow;
            }
            catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException or OperationCanceledException)
            {
                // Completion must never throw at the prompt: no names is the honest answer.
                return cache.Names ?? (IReadOnlyList<string>)Array.Empty<string>();
            }

            return cache.Names;
        }
    }

    private sealed class Cache
    {
        public IReadOnlyList<string>? Names { get; set; }

        public DateTime Read { get; set; }
    }
}

/// <summary>Completes -Name with campaign names, voice and messaging alike (the state cmdlets take both).</summary>
public sealed class CampaignNameCompleter : CachedNameCompleter
{
    private protected override async Task<IReadOnlyList<string>> ReadNamesAsync(GenesysApiClient api, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var kind in CampaignKind.All)
        {
            names.AddRange((await api.ReadCampaignsAsync(kind, null, cancellationToken).ConfigureAwait(false)).Select(c => c.Name));
        }

        return names;
    }
}

/// <summary>Completes -Name with sequence names.</summary>
public sealed class SequenceNameCompleter : CachedNameCompleter
{
    private protected override async Task<IReadOnlyList<string>> ReadNamesAsync(GenesysApiClient api, CancellationToken cancellationToken) =>
        (await api.ReadSequencesAsync(null, cancellationToken).ConfigureAwait(false)).Select(s => s.Name).ToList();
}

/// <summary>Completes -Name with campaign rule names.</summary>
public sealed class CampaignRuleNameCompleter : CachedNameCompleter
{
    private protected override async Task<IReadOnlyList<string>> ReadNamesAsync(GenesysApiClient api, CancellationToken cancellationToken) =>
        (await api.ReadCampaignRulesAsync(null, cancellationToken).ConfigureAwait(false)).Select(r => r.Name).ToList();
}

/// <summary>
/// Completes the -Name that the sequence and rule change cmdlets share (declared once, on
/// ToggleChangeCommand): sequence names for *-GenesysCampaignSequence, rule names for *-GenesysCampaignRule.
/// </summary>
public sealed class ToggleNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IArgumentCompleter names = (commandName ?? string.Empty).EndsWith("GenesysCampaignSequence", StringComparison.OrdinalIgnoreCase)
            ? new SequenceNameCompleter()
            : new CampaignRuleNameCompleter();
        return names.CompleteArgument(commandName!, parameterName, wordToComplete, commandAst, fakeBoundParameters);
    }
}

/// <summary>Shared completion rules: case-insensitive prefix match, quoted when the value needs it.</summary>
internal static class Completion
{
    /// <summary>The values starting with the word; <paramref name="insert"/> turns a value into the text inserted (before quoting).</summary>
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> values, string wordToComplete, Func<string, string>? insert = null)
    {
        var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values
            .Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(v => new CompletionResult(Quoted(insert is null ? v : insert(v)), v, CompletionResultType.ParameterValue, v));
    }

    /// <summary>
    /// The text as one argument the parser cannot misread: bare only when it is letters, digits and
    /// <c>_ . -</c> (not leading '-'), else single-quoted with every kind of single quote doubled
    /// (a campaign name is data; '&amp;', '|', '#' or a quote in it must never reach the command line as code).
    /// </summary>
    private static string Quoted(string text) =>
        text.Length > 0 && text[0] != '-' && text.All(c => (c < 128 && char.IsLetterOrDigit(c)) || c is '_' or '.' or '-')
            ? text
            : "'" + CodeGeneration.EscapeSingleQuotedStringContent(text) + "'";
}

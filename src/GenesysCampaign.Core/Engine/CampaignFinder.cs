using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>Finds campaigns by name pattern or id with as few list calls as the patterns allow.</summary>
internal static class CampaignFinder
{
    /// <summary>
    /// Whether an id can be one, checked before any request: Genesys ids are GUIDs, but all this
    /// insists on is what can safely go into a URL path (letters, digits, '-', '_', '.'), so a
    /// name, a pasted sentence or a path fragment never becomes a request.
    /// </summary>
    public static bool IsValidId(string? id)
    {
        var text = id?.Trim();
        return !string.IsNullOrEmpty(text) && text!.Length <= 128 && text != "." && text != ".."
            && text.All(c => (c < 128 && char.IsLetterOrDigit(c)) || c == '-' || c == '_' || c == '.');
    }

    /// <summary>The ids given that can be ids (<see cref="IsValidId"/>), trimmed, each once (any case), in the order given.</summary>
    public static List<string> ValidIds(IEnumerable<string> ids) =>
        ids.Where(IsValidId).Select(id => id.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// The campaigns of <paramref name="ids"/> (valid, each once), in as few requests as they allow
    /// (<see cref="GenesysApiClient.GetCampaignsByIdAsync"/>); each id that matches none goes to
    /// <paramref name="onMissing"/>, with why it may be there unseen when a kind could not be read
    /// (<see cref="Unread"/>; null when every kind was read).
    /// </summary>
    public static async Task<IReadOnlyList<GenesysCampaign>> GetByIdsAsync(GenesysApiClient api, IReadOnlyList<string> ids, Action<string, string?> onMissing, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Array.Empty<GenesysCampaign>();
        }

        var refused = new System.Collections.Concurrent.ConcurrentDictionary<CampaignKind, GenesysApiException>();
        var found = await api.GetCampaignsByIdAsync(ids, null, cancellationToken, (kind, ex) => refused.TryAdd(kind, ex)).ConfigureAwait(false);
        var foundIds = new HashSet<string>(found.Select(c => c.Id), StringComparer.OrdinalIgnoreCase);
        var why = refused.IsEmpty ? null : string.Join(" ", refused.Select(r => Unread(r.Key, r.Value, "it may be one of them")));
        foreach (var missing in ids.Where(id => !foundIds.Contains(id)))
        {
            onMissing(missing, why);
        }

        return found;
    }

    /// <summary>
    /// Says that the campaigns of <paramref name="kind"/> could not be read (Genesys's refusal), what
    /// that means for the caller (<paramref name="consequence"/>), and the permission that lets them be.
    /// </summary>
    public static string Unread(CampaignKind kind, GenesysApiException refusal, string consequence) =>
        $"The {kind.Plural} could not be read ({refusal.Message}): {consequence}. " + (refusal.StatusCode == 403
            ? $"To include them, give the OAuth client's role {kind.PermissionPrefix}:view."
            : "This org may not have them; if it should, check the org's products and the OAuth client's role.");

    /// <summary>
    /// Streams each campaign matching any pattern once; with no patterns, every campaign. A plain name
    /// (no wildcards) matches itself. A pattern with wildcards matches the campaign named exactly as
    /// typed when there is one (literal names first: <c>[UK] Renewals</c>), else what its wildcards
    /// match; so its matches are handed out once the listing is done. The list endpoint is asked only
    /// for prefixes that cannot hide a match (<see cref="NamePattern.ServerPrefixes"/>).
    /// <paramref name="matched"/> collects the patterns that matched something, so the caller can
    /// report those that did not. Campaigns of every kind in <paramref name="kinds"/> (all when null),
    /// voice first. A kind whose list is refused (403 for a role without messaging, or an org without the
    /// product: <see cref="GenesysApiException.RefusesTheList"/>) is skipped and
    /// told to <paramref name="onRefused"/> as a warning (<see cref="Unread"/>), once the others are
    /// listed; without it, or when no kind could be listed, the refusal is thrown.
    /// </summary>
    public static async IAsyncEnumerable<GenesysCampaign> FindByNameAsync(
        GenesysApiClient api,
        IReadOnlyList<NamePattern> patterns,
        ISet<string> matched,
        RequestStats? stats,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        IReadOnlyCollection<CampaignKind>? kinds = null,
        Action<string>? onRefused = null)
    {
        var prefixes = patterns.Count == 0 || patterns.Any(p => p.ServerPrefixes.Contains(string.Empty))
            ? new[] { string.Empty }
            : patterns.SelectMany(p => p.ServerPrefixes).Distinct(StringComparer.Ordinal).ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var held = patterns.Where(p => p.HasWildcards && !p.MatchesAll).ToDictionary(p => p, _ => new PatternHits());

        // A kind whose list cannot narrow by prefix is listed once, whole.
        var listings = CampaignKind.All
            .Where(kind => kinds is null || kinds.Contains(kind))
            .SelectMany(kind => kind.FiltersByNamePrefix ? prefixes.Select(prefix => (kind, prefix)) : new[] { (kind, prefix: string.Empty) })
            .ToList();
        var listed = new HashSet<CampaignKind>();
        var refused = new Dictionary<CampaignKind, GenesysApiException>();

        // The first kind's pages stream as they come; the other kinds' lists (messaging: one or two pages)
        // are read beside them, not after them, and handed out in their turn.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = listings
            .Where(listing => listing.kind != listings[0].kind)
            .ToDictionary(listing => listing, listing => ReadAheadAsync(api.ListCampaignsAsync(listing.prefix.Length == 0 ? null : listing.prefix, stats, stop.Token, listing.kind), onRefused is not null, stop.Token));

        // Whether a campaign listed is handed out now; one a held pattern matches waits for the listing's end.
        bool Take(GenesysCampaign campaign)
        {
            var now = patterns.Count == 0;
            foreach (var pattern in patterns)
            {
                if (held.TryGetValue(pattern, out var hits))
                {
                    (pattern.IsLiteralName(campaign.Name) ? hits.Literal : pattern.IsMatch(campaign.Name) ? hits.Wildcard : null)?.Add(campaign);
                }
                else if (pattern.IsMatch(campaign.Name))
                {
                    matched.Add(pattern.Pattern);
                    now = true;
                }
            }

            return now && seen.Add(campaign.Id);
        }

        try
        {
            foreach (var (kind, prefix) in listings)
            {
                if (refused.ContainsKey(kind))
                {
                    continue;
                }

                if (ahead.TryGetValue((kind, prefix), out var read))
                {
                    var (items, refusal) = await read.ConfigureAwait(false);
                    foreach (var campaign in items.Where(Take))
                    {
                        yield return campaign;
                    }

                    if (refusal is not null)
                    {
                        refused[kind] = refusal;
                    }
                    else
                    {
                        listed.Add(kind);
                    }

                    continue;
                }

                await using var pages = api.ListCampaignsAsync(prefix.Length == 0 ? null : prefix, stats, cancellationToken, kind).GetAsyncEnumerator(cancellationToken);
                while (true)
                {
                    try
                    {
                        if (!await pages.MoveNextAsync().ConfigureAwait(false))
                        {
                            listed.Add(kind);
                            break;
                        }
                    }
                    catch (GenesysApiException ex) when (ex.RefusesTheList && onRefused is not null)
                    {
                        // A role without this kind's view (an org or admin without messaging): the other
                        // kinds are still listed, and the caller warns (a pause must not stop at the list it
                        // cannot read). When no kind can be listed, the first refusal is the error.
                        refused[kind] = ex;
                        break;
                    }

                    if (Take(pages.Current))
                    {
                        yield return pages.Current;
                    }
                }
            }
        }
        finally
        {
            stop.Cancel(); // A listing left early (Select-Object -First) stops the lists read ahead.
        }

        if (refused.Count > 0)
        {
            if (listed.Count == 0)
            {
                throw refused.Values.First();
            }

            foreach (var entry in refused)
            {
                onRefused!(Unread(entry.Key, entry.Value, "none of them was matched, listed or changed"));
            }
        }

        foreach (var entry in held)
        {
            var hits = entry.Value.Literal.Count > 0 ? entry.Value.Literal : entry.Value.Wildcard;
            if (hits.Count > 0)
            {
                matched.Add(entry.Key.Pattern);
            }

            foreach (var campaign in hits.Where(c => seen.Add(c.Id)))
            {
                yield return campaign;
            }
        }
    }

    /// <summary>
    /// <see cref="FindByNameAsync"/> for the cmdlets: each campaign is handed to <paramref name="onEach"/>
    /// as it is found (awaited before the next), and the task ends when the listing does. The cmdlets
    /// must not see IAsyncEnumerable: it comes from Microsoft.Bcl.AsyncInterfaces, which the host may
    /// hold in another version (docs/ARCHITECTURE.md, "The import contract").
    /// </summary>
    public static async Task ForEachByNameAsync(
        GenesysApiClient api,
        IReadOnlyList<NamePattern> patterns,
        ISet<string> matched,
        Func<GenesysCampaign, Task> onEach,
        CancellationToken cancellationToken,
        IReadOnlyCollection<CampaignKind>? kinds = null,
        Action<string>? onRefused = null)
    {
        await foreach (var campaign in FindByNameAsync(api, patterns, matched, null, cancellationToken, kinds, onRefused).ConfigureAwait(false))
        {
            await onEach(campaign).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a list whole, beside the one being streamed. A refusal the caller skips (<paramref name="mayRefuse"/>)
    /// ends it with what was read before; anything else is thrown where the list's turn comes.
    /// </summary>
    private static async Task<(List<GenesysCampaign> Items, GenesysApiException? Refused)> ReadAheadAsync(IAsyncEnumerable<GenesysCampaign> pages, bool mayRefuse, CancellationToken cancellationToken)
    {
        var items = new List<GenesysCampaign>();
        try
        {
            await foreach (var campaign in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                items.Add(campaign);
            }
        }
        catch (GenesysApiException ex) when (ex.RefusesTheList && mayRefuse)
        {
            return (items, ex);
        }

        return (items, null);
    }

    private sealed class PatternHits
    {
        public List<GenesysCampaign> Literal { get; } = new();

        public List<GenesysCampaign> Wildcard { get; } = new();
    }
}

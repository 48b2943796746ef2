using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>Finds campaigns by name pattern or id with as few list calls as the patterns allow.</summary>
public static class CampaignFinder
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

    /// <summary>
    /// Streams each campaign matching any pattern once. Patterns sharing no literal prefix cost one
    /// full listing; otherwise each pattern lists by its prefix. <paramref name="matched"/> collects the
    /// patterns that matched something, so the caller can report the plain names that did not.
    /// </summary>
    public static async IAsyncEnumerable<GenesysCampaign> FindByNameAsync(
        GenesysApiClient api,
        IReadOnlyList<NamePattern> patterns,
        ISet<string> matched,
        RequestStats? stats,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var prefixes = patterns.Any(p => p.LiteralPrefix.Length == 0)
            ? new[] { string.Empty }
            : patterns.Select(p => p.LiteralPrefix).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

        foreach (var prefix in prefixes)
        {
            await foreach (var campaign in api.ListCampaignsAsync(prefix.Length == 0 ? null : prefix, stats, cancellationToken).ConfigureAwait(false))
            {
                var hit = false;
                foreach (var pattern in patterns)
                {
                    if (pattern.IsMatch(campaign.Name))
                    {
                        matched.Add(pattern.Pattern);
                        hit = true;
                    }
                }

                if (hit && seen.Add(campaign.Id))
                {
                    yield return campaign;
                }
            }
        }
    }
}

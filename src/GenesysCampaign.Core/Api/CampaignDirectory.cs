using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// Which kind each campaign id seen on a connection is (voice or messaging), so an id resolves to
/// the right endpoints without the user saying which. Filled by every campaign the client reads;
/// an id never seen is looked for as a voice campaign first, then as a messaging campaign.
/// </summary>
internal sealed class CampaignDirectory
{
    private readonly ConcurrentDictionary<string, (CampaignKind Kind, CampaignMediaType MediaType)> _kinds = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The kind of <paramref name="id"/>, or null when no campaign with that id was read yet.</summary>
    public CampaignKind? KindOf(string id) => _kinds.TryGetValue(id, out var seen) ? seen.Kind : null;

    /// <summary>The notification topics of a campaign by id: its kind's, or the voice topic for an id not yet read.</summary>
    public IEnumerable<string> TopicsFor(string id) =>
        _kinds.TryGetValue(id, out var seen) ? seen.Kind.TopicsFor(id, seen.MediaType) : CampaignKind.Voice.TopicsFor(id, CampaignMediaType.Voice);

    /// <summary>Remembers the kind of a campaign read.</summary>
    internal GenesysCampaign Remember(GenesysCampaign campaign)
    {
        _kinds[campaign.Id] = (campaign.Kind, campaign.MediaType);
        return campaign;
    }
}

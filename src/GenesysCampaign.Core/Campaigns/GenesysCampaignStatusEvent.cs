using System;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// A campaign's status changed (Watch-GenesysCampaign emits one per change), or, with the Source
/// <c>Start</c> and no PreviousStatus, where a watched campaign stood when the watch began.
/// </summary>
public sealed class GenesysCampaignStatusEvent
{
    /// <summary>When the change was seen (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>The campaign id.</summary>
    public string CampaignId { get; set; } = string.Empty;

    /// <summary>The campaign name.</summary>
    public string CampaignName { get; set; } = string.Empty;

    /// <summary>What the campaign dials or sends: Voice, Sms, Email or WhatsApp (as the records say it).</summary>
    public CampaignMediaType MediaType { get; set; }

    /// <summary>The status before the change.</summary>
    public string? PreviousStatus { get; set; }

    /// <summary>The status now.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The campaign version now.</summary>
    public int Version { get; set; }

    /// <summary>Notification or Poll: how the change was seen; Start for the status a watch began from.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The status <paramref name="campaign"/> showed when a watch began on it.</summary>
    public static GenesysCampaignStatusEvent AtStart(GenesysCampaign campaign) => new()
    {
        Timestamp = DateTime.UtcNow,
        CampaignId = campaign.Id,
        CampaignName = campaign.Name,
        MediaType = campaign.MediaType,
        Status = campaign.Status,
        Version = campaign.Version,
        Source = "Start",
    };

    /// <inheritdoc />
    public override string ToString() => PreviousStatus is null ? $"{CampaignName}: {Status}" : $"{CampaignName}: {PreviousStatus} -> {Status}";
}

using System;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>A campaign's status changed (Watch-GenesysCampaign emits one per change).</summary>
public sealed class GenesysCampaignStatusEvent
{
    /// <summary>When the change was seen (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>The campaign id.</summary>
    public string CampaignId { get; set; } = string.Empty;

    /// <summary>The campaign name.</summary>
    public string CampaignName { get; set; } = string.Empty;

    /// <summary>The status before the change.</summary>
    public string? PreviousStatus { get; set; }

    /// <summary>The status now.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The campaign version now.</summary>
    public int Version { get; set; }

    /// <summary>Notification or Poll: how the change was seen.</summary>
    public string Source { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{CampaignName}: {PreviousStatus} -> {Status}";
}

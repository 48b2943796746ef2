namespace GenesysCloud.Outbound.Audit;

/// <summary>What a record's change was made to (<see cref="GenesysCampaignStateChange.ObjectKind"/>).</summary>
public enum OutboundObjectKind
{
    /// <summary>A campaign of any media type (voice, SMS, email, WhatsApp).</summary>
    Campaign,

    /// <summary>A campaign sequence.</summary>
    Sequence,

    /// <summary>A campaign rule.</summary>
    CampaignRule,
}

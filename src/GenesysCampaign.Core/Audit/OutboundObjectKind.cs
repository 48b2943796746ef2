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

    /// <summary>The schedule of a voice campaign (addressed by the campaign's id).</summary>
    CampaignSchedule,

    /// <summary>The schedule of a sequence (addressed by the sequence's id).</summary>
    SequenceSchedule,

    /// <summary>The schedule of a messaging campaign (addressed by the campaign's id).</summary>
    MessagingCampaignSchedule,

    /// <summary>The schedule of an email campaign, in the email campaign schedule list (addressed by the campaign's id).</summary>
    EmailCampaignSchedule,

    /// <summary>The schedule of a WhatsApp campaign, in the WhatsApp campaign schedule list (addressed by the campaign's id).</summary>
    WhatsAppCampaignSchedule,
}

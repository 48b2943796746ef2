namespace GenesysCloud.Outbound.Audit;

/// <summary>A campaign's media type: voice (dialer) campaigns and the three kinds of messaging campaign.</summary>
public enum CampaignMediaType
{
    /// <summary>A voice (dialer) campaign: <c>/api/v2/outbound/campaigns</c>.</summary>
    Voice,

    /// <summary>An SMS messaging campaign (<c>smsConfig</c>).</summary>
    Sms,

    /// <summary>An email messaging campaign (<c>emailConfig</c>).</summary>
    Email,

    /// <summary>A WhatsApp messaging campaign (<c>whatsAppConfig</c>).</summary>
    WhatsApp,
}

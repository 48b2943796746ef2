using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// A messaging campaign's channel, as the list's <c>type</c> query names it: the one of
/// <c>smsConfig</c>, <c>emailConfig</c> and <c>whatsAppConfig</c> that is filled.
/// </summary>
internal static class MessagingCampaignTypes
{
    public const string Sms = "SMS";
    public const string Email = "EMAIL";
    public const string WhatsApp = "WHATSAPP";

    /// <summary>The values the <c>type</c> query accepts (exactly, upper case: the stricter reading of the documented enum).</summary>
    public static readonly IReadOnlyList<string> All = [Email, Sms, WhatsApp];

    /// <summary>The campaign's type; SMS when no config is filled (the generic topic's default).</summary>
    public static string TypeOf(JsonObject campaign)
    {
        if (campaign["emailConfig"] is JsonObject)
        {
            return Email;
        }

        return campaign["whatsAppConfig"] is JsonObject ? WhatsApp : Sms;
    }

    /// <summary>The <c>mediaType</c> of <c>/campaigns/all</c>: sms, email or whatsapp.</summary>
    public static string MediaTypeOf(JsonObject campaign) => TypeOf(campaign).ToLowerInvariant();
}

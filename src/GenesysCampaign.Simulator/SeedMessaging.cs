namespace GenesysCloud.Outbound.Simulator;

/// <summary>The seeded messaging campaigns (SMS, email, WhatsApp).</summary>
/// <remarks>
/// Messaging campaign <c>i</c> (1..<see cref="MessagingCampaignCount"/>) has id
/// <c>6d000000-0000-4000-8000-{i:D12}</c> (<c>6d</c> is ASCII <c>m</c>; the id stays a valid UUID) and
/// name <c>{Prefix}-{Region}-{Type}-{i:D3}</c> with Type <c>SMS</c> (i % 3 == 1), <c>Email</c>
/// (i % 3 == 2) or <c>WhatsApp</c> (i % 3 == 0): 10 of each. Statuses: 1, 3 and 5 <c>on</c> (SMS,
/// WhatsApp, email), 7 <c>complete</c>, 8 <c>invalid</c>, 9 <c>stopping</c> (settles to <c>off</c> after
/// the dialer delay), 11 <c>forced_off</c>, 13, 17, 21, 25 and 29 <c>on</c>, the other 18 <c>off</c>:
/// 9 active of the 25 allowed.
/// </remarks>
public static partial class SimulatorSeed
{
    /// <summary>How many messaging campaigns are seeded.</summary>
    public const int MessagingCampaignCount = 30;

    /// <summary>Messaging campaign 1, SMS, <c>on</c>, referenced by no rule or schedule.</summary>
    public const string OnSmsCampaignId = "6d000000-0000-4000-8000-000000000001";

    /// <summary>Name of <see cref="OnSmsCampaignId"/>.</summary>
    public const string OnSmsCampaignName = "Sales-East-SMS-001";

    /// <summary>Messaging campaign 2, email, <c>off</c>, referenced by no rule or schedule.</summary>
    public const string OffEmailCampaignId = "6d000000-0000-4000-8000-000000000002";

    /// <summary>Name of <see cref="OffEmailCampaignId"/>.</summary>
    public const string OffEmailCampaignName = "Retention-West-Email-002";

    /// <summary>Messaging campaign 3, WhatsApp, <c>on</c>.</summary>
    public const string OnWhatsAppCampaignId = "6d000000-0000-4000-8000-000000000003";

    /// <summary>Name of <see cref="OnWhatsAppCampaignId"/>.</summary>
    public const string OnWhatsAppCampaignName = "Collections-North-WhatsApp-003";

    /// <summary>Messaging campaign 4, SMS, <c>off</c>: the entity whose condition triggers <see cref="MessagingRuleId"/>.</summary>
    public const string OffSmsCampaignId = "6d000000-0000-4000-8000-000000000004";

    /// <summary>Name of <see cref="OffSmsCampaignId"/>.</summary>
    public const string OffSmsCampaignName = "Survey-South-SMS-004";

    /// <summary>Messaging campaign 5, email, <c>on</c>.</summary>
    public const string OnEmailCampaignId = "6d000000-0000-4000-8000-000000000005";

    /// <summary>Name of <see cref="OnEmailCampaignId"/>.</summary>
    public const string OnEmailCampaignName = "Renewals-East-Email-005";

    /// <summary>Messaging campaign 6, WhatsApp, <c>off</c>.</summary>
    public const string OffWhatsAppCampaignId = "6d000000-0000-4000-8000-000000000006";

    /// <summary>Name of <see cref="OffWhatsAppCampaignId"/>.</summary>
    public const string OffWhatsAppCampaignName = "Sales-West-WhatsApp-006";

    /// <summary>Messaging campaign 7, SMS, <c>complete</c>.</summary>
    public const string CompleteMessagingCampaignId = "6d000000-0000-4000-8000-000000000007";

    /// <summary>Name of <see cref="CompleteMessagingCampaignId"/>.</summary>
    public const string CompleteMessagingCampaignName = "Retention-North-SMS-007";

    /// <summary>Messaging campaign 8, email, <c>invalid</c>, with one entry in <c>errors</c>.</summary>
    public const string InvalidMessagingCampaignId = "6d000000-0000-4000-8000-000000000008";

    /// <summary>Name of <see cref="InvalidMessagingCampaignId"/>.</summary>
    public const string InvalidMessagingCampaignName = "Collections-South-Email-008";

    /// <summary>Messaging campaign 9, WhatsApp, seeded <c>stopping</c>; settles to <c>off</c> one dialer delay after start.</summary>
    public const string StoppingMessagingCampaignId = "6d000000-0000-4000-8000-000000000009";

    /// <summary>Name of <see cref="StoppingMessagingCampaignId"/>.</summary>
    public const string StoppingMessagingCampaignName = "Survey-East-WhatsApp-009";

    /// <summary>Messaging campaign 10, SMS, <c>off</c>, which has the seeded messaging campaign schedule.</summary>
    public const string ScheduledMessagingCampaignId = "6d000000-0000-4000-8000-000000000010";

    /// <summary>Name of <see cref="ScheduledMessagingCampaignId"/>.</summary>
    public const string ScheduledMessagingCampaignName = "Renewals-West-SMS-010";

    /// <summary>Messaging campaign 11, email, <c>forced_off</c>.</summary>
    public const string ForcedOffMessagingCampaignId = "6d000000-0000-4000-8000-000000000011";

    /// <summary>Messaging campaign 16, SMS, <c>off</c>: what the enabled messaging rule turns on.</summary>
    public const string MessagingRuleTargetCampaignId = "6d000000-0000-4000-8000-000000000016";

    /// <summary>Name of <see cref="MessagingRuleTargetCampaignId"/>.</summary>
    public const string MessagingRuleTargetCampaignName = "Sales-South-SMS-016";

    /// <summary>The <c>error</c> of the RestErrorDetail the invalid messaging campaign carries.</summary>
    public const string InvalidMessagingCampaignErrorMessage = "Email domain is not verified";


    /// <summary>The channel types, in the order messaging campaign indexes cycle through them.</summary>
    public static readonly IReadOnlyList<string> MessagingTypes = ["SMS", "EMAIL", "WHATSAPP"];

    /// <summary>Id of seeded messaging campaign <paramref name="index"/> (1-based).</summary>
    public static string MessagingCampaignId(int index) => $"6d000000-0000-4000-8000-{index:D12}";

    /// <summary>The <c>type</c> query value (<c>SMS</c>, <c>EMAIL</c>, <c>WHATSAPP</c>) of messaging campaign <paramref name="index"/>.</summary>
    public static string MessagingType(int index) => MessagingTypes[(index - 1) % MessagingTypes.Count];

    /// <summary>Name of seeded messaging campaign <paramref name="index"/> (1-based).</summary>
    public static string MessagingCampaignName(int index)
    {
        var type = MessagingType(index) switch { "SMS" => "SMS", "EMAIL" => "Email", _ => "WhatsApp" };
        return $"{Prefixes[(index - 1) % Prefixes.Count]}-{Regions[(index - 1) % Regions.Count]}-{type}-{index:D3}";
    }

    /// <summary>Seeded <c>campaignStatus</c> of messaging campaign <paramref name="index"/> (1-based).</summary>
    public static string MessagingInitialStatus(int index) => index switch
    {
        1 or 3 or 5 => CampaignStatuses.On,
        7 => CampaignStatuses.Complete,
        8 => CampaignStatuses.Invalid,
        9 => CampaignStatuses.Stopping,
        11 => CampaignStatuses.ForcedOff,
        _ when index % 4 == 1 && index > 12 => CampaignStatuses.On,
        _ => CampaignStatuses.Off,
    };
}

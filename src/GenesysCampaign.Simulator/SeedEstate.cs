namespace GenesysCloud.Outbound.Simulator;

/// <summary>The seeded sequence schedule, messaging, email and WhatsApp campaign schedules and messaging campaign rule.</summary>
/// <remarks>
/// Their times lie in 2030, so nothing fires by itself while tests run: a test moves the simulator clock
/// (<see cref="GenesysSimulator.AdvanceClock"/>) past them. As the fixture README assumes, a new
/// schedule's id is the id of what it schedules.
/// </remarks>
public static partial class SimulatorSeed
{
    /// <summary>Schedule of the Winter Sequence (off): one interval, <see cref="SequenceScheduleStart"/> to <see cref="SequenceScheduleEnd"/>. Its id is <see cref="WinterSequenceId"/>.</summary>
    public const string SequenceScheduleName = "Winter Sequence launch";

    /// <summary>Start of the sequence schedule's interval (UTC).</summary>
    public static readonly DateTimeOffset SequenceScheduleStart = new(2030, 1, 7, 14, 0, 0, TimeSpan.Zero);

    /// <summary>End of the sequence schedule's interval (UTC).</summary>
    public static readonly DateTimeOffset SequenceScheduleEnd = new(2030, 1, 7, 22, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Schedule of <see cref="ScheduledMessagingCampaignId"/> (off): one interval,
    /// <see cref="MessagingScheduleIntervalStart"/> to <see cref="MessagingScheduleIntervalEnd"/>, and a
    /// weekly recurrence (Mondays and Wednesdays 09:00-17:00 Europe/London from 2030-01-14 to 2030-03-29).
    /// Its id is <see cref="ScheduledMessagingCampaignId"/>.
    /// </summary>
    public const string MessagingScheduleName = "Renewals-West-SMS-010 schedule";

    /// <summary>Start of the messaging schedule's interval (UTC).</summary>
    public static readonly DateTimeOffset MessagingScheduleIntervalStart = new(2030, 1, 8, 14, 0, 0, TimeSpan.Zero);

    /// <summary>End of the messaging schedule's interval (UTC).</summary>
    public static readonly DateTimeOffset MessagingScheduleIntervalEnd = new(2030, 1, 8, 16, 0, 0, TimeSpan.Zero);

    /// <summary>Id of the messaging schedule's weekly recurrence.</summary>
    public const string MessagingScheduleRecurrenceId = "5d000000-0000-4000-8000-000000000001";

    /// <summary>Messaging campaign 14, email, <c>off</c>: the one with the seeded email campaign schedule (in its own list, <c>/schedules/emailcampaigns</c>).</summary>
    public const string ScheduledEmailCampaignId = "6d000000-0000-4000-8000-000000000014";

    /// <summary>
    /// Name of the email campaign schedule of <see cref="ScheduledEmailCampaignId"/>, shaped as
    /// schedule.emailcampaign.page.json: one interval on 2030-01-09, and every second Monday 08:00-10:00
    /// America/Indiana/Indianapolis from 2030-01-14 to 2030-03-25, with one Inclusion on Wednesday 2030-01-23.
    /// </summary>
    public const string EmailScheduleName = "Email-014 launch";

    /// <summary>Messaging campaign 12, WhatsApp, <c>off</c>: the one with the seeded WhatsApp campaign schedule (<c>/schedules/whatsappcampaigns</c>).</summary>
    public const string ScheduledWhatsAppCampaignId = "6d000000-0000-4000-8000-000000000012";

    /// <summary>
    /// Name of the WhatsApp campaign schedule of <see cref="ScheduledWhatsAppCampaignId"/>, shaped as
    /// schedule.whatsappcampaign.page.json: one interval on 2030-01-10, and Wednesdays 12:00-14:00
    /// America/Indiana/Indianapolis from 2030-01-16, 8 occurrences.
    /// </summary>
    public const string WhatsAppScheduleName = "WhatsApp-012 launch";

    /// <summary>Enabled rule: triggered by SMS campaign <see cref="OffSmsCampaignId"/>, it turns on <see cref="MessagingRuleTargetCampaignId"/>.</summary>
    public const string MessagingRuleId = "7a000000-0000-4000-8000-000000000003";

    /// <summary>Name of <see cref="MessagingRuleId"/>.</summary>
    public const string MessagingRuleName = "Turn on Sales-South-SMS-016 when Survey-South-SMS-004 passes 80%";
}

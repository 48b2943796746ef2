using System.Globalization;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// One of the five schedule collections, as Genesys's SDK describes it (../shared/contract,
/// <c>scheduleKinds</c>): its path segment under <c>/schedules</c>, the property that references what it
/// schedules, whether its list is a bare array or an entity listing, the permissions of each call (any one
/// of each list), and which objects it may schedule.
/// </summary>
/// <param name="Segment">The path segment: <c>campaigns</c>, <c>sequences</c>, <c>messagingcampaigns</c>, <c>emailcampaigns</c>, <c>whatsappcampaigns</c>.</param>
/// <param name="TargetKey">The property naming the target: <c>campaign</c>, <c>sequence</c>, <c>messagingCampaign</c>, <c>emailCampaign</c>, <c>whatsAppCampaign</c>.</param>
/// <param name="TargetNoun">What a missing target is called in a 404.</param>
/// <param name="BareArray">Whether the list answers a bare array (campaigns, sequences) rather than an entity listing.</param>
/// <param name="Permission">The first permission of each call, <c>{0}</c> standing for view, edit or delete: <c>outbound:schedule:{0}</c>.</param>
/// <param name="OtherPermission">The second: <c>outbound:campaign:{0}Schedule</c>, <c>outbound:campaignSequenceSchedule:{0}</c> (no one rule across the kinds).</param>
/// <param name="Store">Where its schedules are kept.</param>
/// <param name="TargetExists">Whether an object it may schedule has that id (an email campaign schedule schedules an email campaign only).</param>
internal sealed record ScheduleKind(
    string Segment,
    string TargetKey,
    string TargetNoun,
    bool BareArray,
    string Permission,
    string OtherPermission,
    Func<SimulatorState, DocumentStore> Store,
    Func<SimulatorState, string, bool> TargetExists)
{
    public static IReadOnlyList<ScheduleKind> All { get; } =
    [
        new("campaigns", "campaign", "Campaign", true, "outbound:schedule:{0}", "outbound:campaign:{0}Schedule", s => s.CampaignSchedules, (s, id) => s.Campaigns.Exists(id)),
        new("sequences", "sequence", "Sequence", true, "outbound:schedule:{0}", "outbound:campaignSequenceSchedule:{0}", s => s.SequenceSchedules, (s, id) => s.Sequences.Exists(id)),
        new("messagingcampaigns", "messagingCampaign", "Messaging campaign", false, "outbound:messagingCampaignSchedule:{0}", "outbound:messagingCampaign:{0}Schedule", s => s.MessagingSchedules, (s, id) => s.MessagingCampaigns.Exists(id)),
        new("emailcampaigns", "emailCampaign", "Email campaign", false, "outbound:emailCampaignSchedule:{0}", "outbound:emailCampaign:{0}Schedule", s => s.EmailSchedules, (s, id) => s.IsMessagingCampaignOfType(id, "EMAIL")),
        new("whatsappcampaigns", "whatsAppCampaign", "WhatsApp campaign", false, "outbound:whatsAppCampaignSchedule:{0}", "outbound:whatsAppCampaign:{0}Schedule", s => s.WhatsAppSchedules, (s, id) => s.IsMessagingCampaignOfType(id, "WHATSAPP")),
    ];

    /// <summary>The kind whose list is at <c>/schedules/{segment}</c>, or null.</summary>
    public static ScheduleKind? OfSegment(string segment) =>
        All.FirstOrDefault(k => string.Equals(k.Segment, segment, StringComparison.OrdinalIgnoreCase));

    /// <summary>The permissions of a call (<c>view</c>, <c>edit</c>, <c>delete</c>): holding any one of them is enough.</summary>
    public string[] PermissionsFor(string call) => [string.Format(CultureInfo.InvariantCulture, Permission, call), string.Format(CultureInfo.InvariantCulture, OtherPermission, call)];
}

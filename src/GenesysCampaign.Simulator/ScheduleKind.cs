namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// One of the three schedule collections: its path segment under <c>/schedules</c>, the property
/// that references what it schedules, and how to tell that target exists.
/// </summary>
internal sealed record ScheduleKind(string Segment, string TargetKey, string TargetNoun, Func<SimulatorState, DocumentStore> Store, Func<SimulatorState, string, bool> TargetExists)
{
    public static IReadOnlyList<ScheduleKind> All { get; } =
    [
        new("campaigns", "campaign", "Campaign", s => s.CampaignSchedules, (s, id) => s.Campaigns.Exists(id)),
        new("sequences", "sequence", "Sequence", s => s.SequenceSchedules, (s, id) => s.Sequences.Exists(id)),
        new("messagingcampaigns", "messagingCampaign", "Messaging campaign", s => s.MessagingSchedules, (s, id) => s.MessagingCampaigns.Exists(id)),
    ];
}

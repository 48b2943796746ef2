using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>What messages call each kind of outbound object: the one table, for records, warnings and prompts.</summary>
internal static class ObjectNouns
{
    /// <summary>The noun of <paramref name="kind"/> (<c>campaign</c>, <c>sequence</c>, <c>campaign rule</c>, <c>campaign schedule</c>, ...), with a capital to start a sentence.</summary>
    public static string Of(OutboundObjectKind kind, bool capital = false)
    {
        var noun = kind switch
        {
            OutboundObjectKind.Sequence => ToggleKind.Sequence.Noun,
            OutboundObjectKind.CampaignRule => ToggleKind.CampaignRule.Noun,
            _ when GenesysCampaignSchedule.ScheduleKindOf(kind) is { } schedule => GenesysCampaignSchedule.Noun(schedule),
            _ => "campaign",
        };
        return capital ? char.ToUpperInvariant(noun[0]) + noun.Substring(1) : noun;
    }
}

using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// What each kind of outbound object is called: in messages (records, warnings, prompts, errors)
/// and in the ids of its PowerShell error records. The one table; a new kind adds its row here.
/// </summary>
internal static class ObjectNouns
{
    /// <summary>The noun of <paramref name="kind"/> (<c>campaign</c>, <c>sequence</c>, <c>campaign rule</c>, <c>campaign schedule</c>, ...), with a capital to start a sentence.</summary>
    public static string Of(OutboundObjectKind kind, bool capital = false)
    {
        var noun = ToggleKind.Of(kind)?.Noun
            ?? (GenesysCampaignSchedule.ScheduleKindOf(kind) is { } schedule ? GenesysCampaignSchedule.Noun(schedule) : "campaign");
        return capital ? char.ToUpperInvariant(noun[0]) + noun.Substring(1) : noun;
    }

    /// <summary>
    /// The kind's part of an error record id (<c>Campaign</c>NotFound, Invalid<c>CampaignSequence</c>Id,
    /// <c>CampaignRule</c>StateChangeFailed, <c>CampaignSchedule</c>PermissionDenied, ...).
    /// </summary>
    public static string IdPartOf(OutboundObjectKind kind) => kind switch
    {
        OutboundObjectKind.Sequence => "CampaignSequence",
        OutboundObjectKind.Campaign => "Campaign",
        _ => kind.ToString(), // CampaignRule, CampaignSchedule, SequenceSchedule, MessagingCampaignSchedule.
    };
}

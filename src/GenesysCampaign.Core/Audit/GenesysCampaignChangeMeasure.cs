using System;
using System.Collections.Generic;
using System.Linq;

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// Change records (or audit lines) added up: how many there were, by outcome; the success rate; how
/// long the campaigns took to settle (WrittenAt to SettledAt: median, 95th percentile, maximum); and the
/// time to silence (the first campaign write accepted to the last campaign settled). What
/// Measure-GenesysCampaignChange writes, one per input or per group. The latency figures are of campaign
/// records only, for campaigns are what dial or send: a hold's sequences, rules and schedules count in the
/// outcome figures (a new user's trial found its headline TimeToSilence was the last schedule written, not the
/// last campaign quiet). Records without WrittenAt or SettledAt (audit lines written by 0.2.0 and earlier, a
/// change made without -Wait) count in the outcome figures and not in the latency ones.
/// </summary>
public sealed class GenesysCampaignChangeMeasure
{
    /// <summary>What the records were grouped by (Action, ObjectKind, MediaType or OperationId); null when not grouped.</summary>
    public string? GroupBy { get; internal set; }

    /// <summary>The value the records of this group share (Suspend, Campaign, Sms, an operation id; <c>None</c> for the MediaType of what is not a campaign); null when not grouped.</summary>
    public string? Group { get; internal set; }

    /// <summary>Records counted.</summary>
    public int Count { get; internal set; }

    /// <summary>Records whose outcome is Changed.</summary>
    public int Changed { get; internal set; }

    /// <summary>Records whose outcome is Unchanged.</summary>
    public int Unchanged { get; internal set; }

    /// <summary>Records whose outcome is Rejected.</summary>
    public int Rejected { get; internal set; }

    /// <summary>Records whose outcome is Failed.</summary>
    public int Failed { get; internal set; }

    /// <summary>Records whose outcome is TimedOut.</summary>
    public int TimedOut { get; internal set; }

    /// <summary>Changed plus Unchanged over Count, from 0 to 1: the share of objects left as asked; null for no records.</summary>
    public double? SuccessRate { get; internal set; }

    /// <summary>Campaign records with both WrittenAt and SettledAt: those the settle figures are made of.</summary>
    public int Settled { get; internal set; }

    /// <summary>The median of WrittenAt to SettledAt; null when no record has both.</summary>
    public TimeSpan? SettleMedian { get; internal set; }

    /// <summary>The 95th percentile (nearest rank) of WrittenAt to SettledAt; null when no record has both.</summary>
    public TimeSpan? SettleP95 { get; internal set; }

    /// <summary>The longest WrittenAt to SettledAt; null when no record has both.</summary>
    public TimeSpan? SettleMax { get; internal set; }

    /// <summary>
    /// From the first campaign write accepted (earliest WrittenAt) to the last campaign settled (latest SettledAt);
    /// null when a campaign written to has no SettledAt (still stopping at its timeout, no -Wait, a failure after
    /// the write), for then silence was not seen, and without both.
    /// </summary>
    public TimeSpan? TimeToSilence { get; internal set; }

    /// <summary>
    /// Campaign records written to Genesys that carry no WrittenAt (audit lines written by 0.2.0 and earlier):
    /// counted in the outcome figures, left out of the latency ones.
    /// </summary>
    public int WithoutTimes { get; internal set; }

    /// <summary>The names -GroupBy takes: the record properties a measure can be grouped by.</summary>
    public static IReadOnlyList<string> GroupNames { get; } = new[] { "Action", "ObjectKind", "MediaType", "OperationId" };

    /// <summary>
    /// One measure of <paramref name="records"/>, or, with <paramref name="groupBy"/> (one of
    /// <see cref="GroupNames"/>), one per value of that property, in the order each value first came.
    /// </summary>
    public static IReadOnlyList<GenesysCampaignChangeMeasure> Of(IReadOnlyCollection<GenesysCampaignStateChange> records, string? groupBy = null)
    {
        if (groupBy is null)
        {
            return new[] { Measure(records, null, null) };
        }

        // As PowerShell names it (-GroupBy mediatype is MediaType), else refused below.
        groupBy = GroupNames.FirstOrDefault(n => string.Equals(n, groupBy, StringComparison.OrdinalIgnoreCase)) ?? groupBy;
        Func<GenesysCampaignStateChange, string?> key = groupBy switch
        {
            "Action" => r => r.Action.ToString(),
            "ObjectKind" => r => r.ObjectKind.ToString(),
            "MediaType" => r => r.MediaType?.ToString() ?? "None",
            "OperationId" => r => r.OperationId,
            _ => throw new ArgumentException($"Records cannot be grouped by '{groupBy}': use {string.Join(", ", GroupNames)}.", nameof(groupBy)),
        };
        return records.GroupBy(key).Select(g => Measure(g.ToList(), groupBy, g.Key)).ToList();
    }

    /// <summary>
    /// A time as UTC: a local one converted, any other taken as UTC (records hold UTC). An audit line edited to
    /// carry an offset is read as local time; a copy's times (CopiedRecord) are read by this rule too.
    /// </summary>
    internal static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private static GenesysCampaignChangeMeasure Measure(IReadOnlyCollection<GenesysCampaignStateChange> records, string? groupBy, string? group)
    {
        int Of(StateChangeOutcome outcome) => records.Count(r => r.Outcome == outcome);
        var campaigns = records.Where(r => r.ObjectKind == OutboundObjectKind.Campaign).ToList();
        var settles = campaigns
            .Where(r => r.WrittenAt is not null && r.SettledAt is not null)
            .Select(r => Utc(r.SettledAt!.Value) - Utc(r.WrittenAt!.Value))
            .OrderBy(t => t)
            .ToList();
        var firstWrite = campaigns.Where(r => r.WrittenAt is not null).Select(r => Utc(r.WrittenAt!.Value)).DefaultIfEmpty().Min();
        var lastSettle = campaigns.Where(r => r.SettledAt is not null).Select(r => Utc(r.SettledAt!.Value)).DefaultIfEmpty().Max();

        // Silence is reached only when every campaign written to was seen settled (one still stopping at its
        // timeout, or a pause without -Wait, leaves it not known).
        var unsettled = campaigns.Any(r => r.WrittenAt is not null && r.SettledAt is null);
        var measure = new GenesysCampaignChangeMeasure
        {
            GroupBy = groupBy,
            Group = group,
            Count = records.Count,
            Changed = Of(StateChangeOutcome.Changed),
            Unchanged = Of(StateChangeOutcome.Unchanged),
            Rejected = Of(StateChangeOutcome.Rejected),
            Failed = Of(StateChangeOutcome.Failed),
            TimedOut = Of(StateChangeOutcome.TimedOut),
            Settled = settles.Count,
            WithoutTimes = campaigns.Count(r => r.WrittenWith is not null && r.WrittenAt is null),
        };
        measure.SuccessRate = records.Count == 0 ? null : (double)(measure.Changed + measure.Unchanged) / records.Count;
        if (settles.Count > 0)
        {
            measure.SettleMedian = settles.Count % 2 == 1
                ? settles[settles.Count / 2]
                : TimeSpan.FromTicks((settles[(settles.Count / 2) - 1].Ticks + settles[settles.Count / 2].Ticks) / 2);
            measure.SettleP95 = settles[(int)Math.Ceiling(0.95 * settles.Count) - 1];
            measure.SettleMax = settles[settles.Count - 1];
        }

        if (!unsettled && firstWrite != default && lastSettle != default && lastSettle >= firstWrite)
        {
            measure.TimeToSilence = lastSettle - firstWrite;
        }

        return measure;
    }
}

using GenesysCloud.Outbound.Audit;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>Records added up (GenesysCampaignChangeMeasure, behind Measure-GenesysCampaignChange).</summary>
public class ChangeMeasureTests
{
    private static readonly DateTime T0 = new(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);

    private static GenesysCampaignStateChange Record(StateChangeOutcome outcome, double? writtenAt = null, double? settledAt = null, CampaignAction action = CampaignAction.Suspend, string? writtenWith = null) => new()
    {
        Outcome = outcome,
        Action = action,
        WrittenAt = writtenAt is { } w ? T0.AddSeconds(w) : null,
        SettledAt = settledAt is { } s ? T0.AddSeconds(s) : null,
        WrittenWith = writtenWith ?? (writtenAt is null ? null : "POST stop"),
    };

    [Fact]
    public void Counts_outcomes_and_takes_the_success_rate_as_changed_plus_unchanged_over_all()
    {
        var measure = Assert.Single(GenesysCampaignChangeMeasure.Of(new[]
        {
            Record(StateChangeOutcome.Changed, 0, 10), Record(StateChangeOutcome.Unchanged), Record(StateChangeOutcome.Rejected),
            Record(StateChangeOutcome.Failed), Record(StateChangeOutcome.TimedOut, 1),
        }));

        Assert.Equal((5, 1, 1, 1, 1, 1), (measure.Count, measure.Changed, measure.Unchanged, measure.Rejected, measure.Failed, measure.TimedOut));
        Assert.Equal(0.4, measure.SuccessRate!.Value, 6);
        Assert.Null(measure.GroupBy);
    }

    [Fact]
    public void A_holds_sequences_rules_and_schedules_count_in_the_outcomes_not_in_the_time_to_silence()
    {
        // A new user's trial: a hold's headline TimeToSilence (2.0 s) was its last schedule removed, the
        // campaigns' own 0.3 s; by media type, a group with no name held the schedules and the rule.
        var records = new List<GenesysCampaignStateChange>
        {
            Record(StateChangeOutcome.Changed, 1, 2),
            Record(StateChangeOutcome.Changed, 1, 4),
        };
        records.ForEach(r => r.MediaType = CampaignMediaType.Voice);
        var schedule = Record(StateChangeOutcome.Changed, 3, 9);
        schedule.ObjectKind = OutboundObjectKind.CampaignSchedule;
        var rule = Record(StateChangeOutcome.Changed, 2, 2);
        rule.ObjectKind = OutboundObjectKind.CampaignRule;
        records.Add(schedule);
        records.Add(rule);

        var measure = Assert.Single(GenesysCampaignChangeMeasure.Of(records));
        var byMedia = GenesysCampaignChangeMeasure.Of(records, "MediaType");

        Assert.Equal((4, 4, 2), (measure.Count, measure.Changed, measure.Settled));
        Assert.Equal(TimeSpan.FromSeconds(3), measure.TimeToSilence);
        Assert.Equal(TimeSpan.FromSeconds(3), measure.SettleMax);
        Assert.Equal(new[] { ("Voice", 2), ("None", 2) }, byMedia.Select(m => (m.Group!, m.Count)));
        Assert.Null(byMedia[1].TimeToSilence);
    }

    [Fact]
    public void Settle_times_run_from_WrittenAt_to_SettledAt_and_time_to_silence_from_the_first_write_to_the_last_settle()
    {
        // Settles of 1..20 s, writes 1 s apart.
        var records = Enumerable.Range(1, 20).Select(i => Record(StateChangeOutcome.Changed, i, i + i)).ToList();

        var measure = Assert.Single(GenesysCampaignChangeMeasure.Of(records));

        Assert.Equal(20, measure.Settled);
        Assert.Equal(TimeSpan.FromSeconds(10.5), measure.SettleMedian);
        Assert.Equal(TimeSpan.FromSeconds(19), measure.SettleP95); // Nearest rank: the 19th of 20.
        Assert.Equal(TimeSpan.FromSeconds(20), measure.SettleMax);
        Assert.Equal(TimeSpan.FromSeconds(40 - 1), measure.TimeToSilence);
        Assert.Equal(0, measure.WithoutTimes);
    }

    [Fact]
    public void There_is_no_time_to_silence_while_an_object_written_to_was_not_seen_settled()
    {
        var measure = Assert.Single(GenesysCampaignChangeMeasure.Of(new[]
        {
            Record(StateChangeOutcome.Changed, 0, 3), Record(StateChangeOutcome.TimedOut, 1), // Still stopping at its timeout.
        }));

        Assert.Null(measure.TimeToSilence);
        Assert.Equal(TimeSpan.FromSeconds(3), measure.SettleMax);
    }

    [Fact]
    public void Times_with_an_offset_are_compared_as_the_same_instants()
    {
        var written = new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.FromHours(1)).LocalDateTime; // As an audit line with "+01:00" reads.
        var record = Record(StateChangeOutcome.Changed, 0, 5);
        record.WrittenAt = written;
        record.SettledAt = new DateTime(2026, 12, 6, 22, 0, 5, DateTimeKind.Utc);

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(GenesysCampaignChangeMeasure.Of(new[] { record })).SettleMax);
    }

    [Fact]
    public void Old_records_without_times_count_in_the_outcomes_only_and_are_counted_as_such()
    {
        var measure = Assert.Single(GenesysCampaignChangeMeasure.Of(new[]
        {
            Record(StateChangeOutcome.Changed, writtenWith: "POST stop"), Record(StateChangeOutcome.Changed, 0, 3), Record(StateChangeOutcome.Unchanged),
        }));

        Assert.Equal((3, 2, 1, 1), (measure.Count, measure.Changed, measure.Settled, measure.WithoutTimes));
        Assert.Equal(TimeSpan.FromSeconds(3), measure.SettleMax);
    }

    [Fact]
    public void Groups_by_a_record_property_in_the_order_each_value_first_came()
    {
        var measures = GenesysCampaignChangeMeasure.Of(
            new[] { Record(StateChangeOutcome.Changed, action: CampaignAction.Resume), Record(StateChangeOutcome.Failed), Record(StateChangeOutcome.Changed, action: CampaignAction.Resume) },
            "Action");

        Assert.Equal(new[] { ("Action", "Resume", 2), ("Action", "Suspend", 1) }, measures.Select(m => (m.GroupBy!, m.Group!, m.Count)));
        Assert.Throws<ArgumentException>(() => GenesysCampaignChangeMeasure.Of(Array.Empty<GenesysCampaignStateChange>(), "Reason"));
        Assert.Equal("MediaType", Assert.Single(GenesysCampaignChangeMeasure.Of(new[] { Record(StateChangeOutcome.Changed) }, "mediatype")).GroupBy);
    }

    [Fact]
    public void No_records_measure_to_zero_with_no_times()
    {
        var measure = Assert.Single(GenesysCampaignChangeMeasure.Of(Array.Empty<GenesysCampaignStateChange>()));
        Assert.Equal((0, (double?)null), (measure.Count, measure.SuccessRate));
        Assert.Null(measure.SettleMedian);
        Assert.Null(measure.TimeToSilence);
    }
}

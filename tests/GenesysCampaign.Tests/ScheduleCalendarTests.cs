using System.Globalization;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>ScheduleCalendar: reading schedule times, occurrences and the next start, with 'now' given.</summary>
public class ScheduleCalendarTests
{
    private static readonly TimeZoneInfo NewYork = ScheduleCalendar.FindZone("America/New_York")!;
    private static readonly TimeZoneInfo London = ScheduleCalendar.FindZone("Europe/London")!;

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, null, System.Globalization.DateTimeStyles.AssumeUniversal).ToUniversalTime();

    private static DateTime Local(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Unspecified);

    private static DateTimeOffset? Next(DateTimeOffset now, params ScheduleRecurrence[] recurrences) =>
        ScheduleCalendar.NextStart(Array.Empty<(DateTimeOffset, DateTimeOffset)>(), recurrences.Select(r => (r, NewYork)), now);

    private static ScheduleRecurrence Daily(string start, string end, int interval = 1, string? rangeType = null, string? rangeEnd = null, int? count = null, params ScheduleAlteration[] alterations) =>
        new(Local(start), Local(end), null, "Daily", interval, null, rangeType, rangeEnd is null ? null : Local(rangeEnd), count, alterations);

    [Fact]
    public void An_interval_bound_with_Z_or_an_offset_is_that_instant_and_one_without_is_local_to_the_schedule_zone()
    {
        Assert.True(ScheduleCalendar.TryParseInstant("2026-03-03T14:00:00.000Z", NewYork, out var z));
        Assert.Equal(Utc("2026-03-03T14:00:00Z"), z);
        Assert.True(ScheduleCalendar.TryParseInstant("2026-03-03T14:00:00+01:00", NewYork, out var offset));
        Assert.Equal(Utc("2026-03-03T13:00:00Z"), offset);

        // No zone: wall-clock New York time (EST in January, UTC-5), not UTC.
        Assert.True(ScheduleCalendar.TryParseInstant("2024-01-15T09:00:00.000", NewYork, out var local));
        Assert.Equal(Utc("2024-01-15T14:00:00Z"), local);
        Assert.True(ScheduleCalendar.TryParseInstant("2024-07-15T09:00:00", NewYork, out var summer));
        Assert.Equal(Utc("2024-07-15T13:00:00Z"), summer);

        Assert.False(ScheduleCalendar.TryParseInstant("next tuesday", NewYork, out _));
        Assert.False(ScheduleCalendar.TryParseInstant(null, NewYork, out _));
    }

    [Fact]
    public void Wall_clock_times_read_without_their_zone_and_a_bare_date_reads_as_midnight()
    {
        Assert.True(ScheduleCalendar.TryParseLocal("2026-03-09T09:00:00", out var plain));
        Assert.Equal((new DateTime(2026, 3, 9, 9, 0, 0), DateTimeKind.Unspecified), (plain, plain.Kind));
        Assert.True(ScheduleCalendar.TryParseLocal("2026-03-09T09:00:00.000Z", out var suffixed));
        Assert.Equal(new DateTime(2026, 3, 9, 9, 0, 0), suffixed);
        Assert.True(ScheduleCalendar.TryParseLocal("2026-06-26", out var date));
        Assert.Equal(new DateTime(2026, 6, 26), date);
        Assert.False(ScheduleCalendar.TryParseLocal("09:00", out _));
    }

    [Fact]
    public void Time_zones_are_IANA_ids_and_empty_means_UTC_and_an_unknown_one_is_null()
    {
        Assert.Same(TimeZoneInfo.Utc, ScheduleCalendar.FindZone(null));
        Assert.Same(TimeZoneInfo.Utc, ScheduleCalendar.FindZone(" "));
        Assert.Same(TimeZoneInfo.Utc, ScheduleCalendar.FindZone("Etc/UTC"));
        Assert.NotNull(ScheduleCalendar.FindZone("America/Indiana/Indianapolis"));
        Assert.Null(ScheduleCalendar.FindZone("Mars/Olympus_Mons"));
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_moves_later_by_the_gap_and_an_ambiguous_one_takes_the_earlier_instant()
    {
        // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT. 02:30 does not exist: it is read as 03:30 EDT.
        Assert.Equal(Utc("2026-03-08T07:30:00Z"), ScheduleCalendar.ToUtc(Local("2026-03-08T02:30:00"), NewYork));
        Assert.Equal(Utc("2026-03-08T07:00:00Z"), ScheduleCalendar.ToUtc(Local("2026-03-08T03:00:00"), NewYork));

        // 2026-11-01: 02:00 EDT falls back to 01:00 EST, so 01:30 happens twice; the first is 05:30Z (EDT).
        Assert.Equal(Utc("2026-11-01T05:30:00Z"), ScheduleCalendar.ToUtc(Local("2026-11-01T01:30:00"), NewYork));

        // London in summer is UTC+1.
        Assert.Equal(Utc("2026-07-01T08:00:00Z"), ScheduleCalendar.ToUtc(Local("2026-07-01T09:00:00"), London));
    }

    [Fact]
    public void A_daily_recurrence_keeps_its_wall_clock_time_across_a_clock_change()
    {
        var daily = Daily("2026-03-06T09:00:00", "2026-03-06T17:00:00");
        var starts = ScheduleCalendar.Occurrences(daily, NewYork).Take(4).Select(o => o.Start).ToList();

        Assert.Equal(new[] { Utc("2026-03-06T14:00:00Z"), Utc("2026-03-07T14:00:00Z"), Utc("2026-03-08T13:00:00Z"), Utc("2026-03-09T13:00:00Z") }, starts);
    }

    [Fact]
    public void A_daily_occurrence_in_the_spring_forward_gap_starts_after_the_gap()
    {
        var daily = Daily("2026-03-07T02:30:00", "2026-03-07T04:00:00");

        Assert.Equal(Utc("2026-03-08T07:30:00Z"), Next(Utc("2026-03-07T08:00:00Z"), daily));
    }

    [Fact]
    public void Daily_every_other_day_and_weekly_every_other_week_count_from_the_start()
    {
        var everyOther = Daily("2026-03-02T09:00:00", "2026-03-02T10:00:00", interval: 2);
        Assert.Equal(
            new[] { "2026-03-02", "2026-03-04", "2026-03-06" },
            ScheduleCalendar.Occurrences(everyOther, TimeZoneInfo.Utc).Take(3).Select(o => o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        // Start Tuesday 2026-03-03; Tuesdays and Thursdays every second week (weeks start on Sunday).
        var weekly = new ScheduleRecurrence(Local("2026-03-03T09:00:00"), Local("2026-03-03T10:00:00"), null, "Weekly", 2, new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Monday });
        Assert.Equal(
            new[] { "2026-03-03", "2026-03-05", "2026-03-16", "2026-03-17", "2026-03-19", "2026-03-30" },
            ScheduleCalendar.Occurrences(weekly, TimeZoneInfo.Utc).Take(6).Select(o => o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_weekly_recurrence_without_days_repeats_on_the_weekday_of_its_start()
    {
        var weekly = new ScheduleRecurrence(Local("2026-03-04T09:00:00"), Local("2026-03-04T10:00:00"), null, "Weekly", 1);

        Assert.Equal(
            new[] { "2026-03-04", "2026-03-11" },
            ScheduleCalendar.Occurrences(weekly, TimeZoneInfo.Utc).Take(2).Select(o => o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_end_date_and_a_number_of_occurrences_end_the_range_and_excluded_occurrences_count()
    {
        var ending = Daily("2026-03-02T09:00:00", "2026-03-02T10:00:00", rangeType: "EndDate", rangeEnd: "2026-03-04T09:00:00");
        Assert.Equal(3, ScheduleCalendar.Occurrences(ending, TimeZoneInfo.Utc).Count());

        var numbered = Daily("2026-03-02T09:00:00", "2026-03-02T10:00:00", rangeType: "Numbered", count: 3,
            alterations: new ScheduleAlteration("Exclusion", Local("2026-03-03T09:00:00"), Local("2026-03-03T10:00:00")));
        Assert.Equal(
            new[] { "2026-03-02", "2026-03-04" },
            ScheduleCalendar.Occurrences(numbered, TimeZoneInfo.Utc).Select(o => o.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        Assert.Null(ScheduleCalendar.NextStart(Array.Empty<(DateTimeOffset, DateTimeOffset)>(), new[] { (numbered, TimeZoneInfo.Utc) }, Utc("2026-03-04T09:00:01Z")));
    }

    [Fact]
    public void An_exclusion_inside_an_occurrence_splits_it_so_the_target_starts_again_when_it_ends()
    {
        var lunch = Daily("2026-03-02T09:00:00", "2026-03-02T17:00:00",
            alterations: new ScheduleAlteration("Exclusion", Local("2026-03-02T12:00:00"), Local("2026-03-02T13:00:00")));

        Assert.Equal(Utc("2026-03-02T18:00:00Z"), Next(Utc("2026-03-02T15:00:00Z"), lunch));   // 13:00 EST
        Assert.Equal(Utc("2026-03-03T14:00:00Z"), Next(Utc("2026-03-02T18:00:01Z"), lunch));   // next day 09:00
    }

    [Fact]
    public void An_inclusion_adds_a_span_and_wins_over_an_exclusion()
    {
        var weekdays = Daily("2026-03-02T09:00:00", "2026-03-02T10:00:00", rangeType: "EndDate", rangeEnd: "2026-03-03T09:00:00",
            alterations: new[]
            {
                new ScheduleAlteration("Exclusion", Local("2026-03-05T00:00:00"), Local("2026-03-06T00:00:00")),
                new ScheduleAlteration("Inclusion", Local("2026-03-05T15:00:00"), Local("2026-03-05T16:00:00")),
            });

        Assert.Equal(Utc("2026-03-05T20:00:00Z"), Next(Utc("2026-03-03T15:00:00Z"), weekdays));
    }

    [Fact]
    public void A_span_that_begins_while_another_runs_or_as_it_ends_starts_nothing()
    {
        var intervals = new[]
        {
            (Utc("2026-03-02T09:00:00Z"), Utc("2026-03-02T12:00:00Z")),
            (Utc("2026-03-02T12:00:00Z"), Utc("2026-03-02T13:00:00Z")),   // back to back
            (Utc("2026-03-02T10:00:00Z"), Utc("2026-03-02T11:00:00Z")),   // inside the first
            (Utc("2026-03-02T15:00:00Z"), Utc("2026-03-02T16:00:00Z")),
        };
        var none = Array.Empty<(ScheduleRecurrence, TimeZoneInfo)>();

        Assert.Equal(Utc("2026-03-02T09:00:00Z"), ScheduleCalendar.NextStart(intervals, none, Utc("2026-03-02T08:00:00Z")));
        Assert.Equal(Utc("2026-03-02T09:00:00Z"), ScheduleCalendar.NextStart(intervals, none, Utc("2026-03-02T09:00:00Z")));   // at or after
        Assert.Equal(Utc("2026-03-02T15:00:00Z"), ScheduleCalendar.NextStart(intervals, none, Utc("2026-03-02T09:30:00Z")));
        Assert.Null(ScheduleCalendar.NextStart(intervals, none, Utc("2026-03-02T15:00:01Z")));
    }

    [Fact]
    public void A_pattern_this_module_does_not_know_gives_no_occurrences()
    {
        var monthly = new ScheduleRecurrence(Local("2026-03-02T09:00:00"), Local("2026-03-02T10:00:00"), null, "AbsoluteMonthly", 1);

        Assert.False(monthly.IsUnderstood);
        Assert.Empty(ScheduleCalendar.Occurrences(monthly, TimeZoneInfo.Utc));
    }

    [Fact]
    public async Task Suspend_GenesysCampaign_still_pauses_when_some_schedule_in_the_org_has_a_far_range_end()
    {
        await using var org = await TestOrg.StartAsync();
        using var host = new PowerShellHost();

        // Some other campaign's schedule, "until further notice": its range ends on a bare date (read
        // by the module as that whole day), far away.
        var schedules = """
            [{"id":"ID","name":"Forever","intervals":[],"timeZone":"UTC","version":1,
              "recurrences":[{"id":"r1","start":"2030-01-07T09:00:00","end":"2030-01-07T17:00:00","timeZone":null,
                "pattern":{"type":"Daily","interval":1},"range":{"type":"EndDate","end":"9999-12-31"},"alterations":[]}],
              "campaign":{"id":"ID","name":"NAME"}}]
            """.Replace("ID", SimulatorSeed.EnabledRuleTargetCampaignId).Replace("NAME", SimulatorSeed.EnabledRuleTargetCampaignName);
        ConnectThrough(host, org.Simulator.BaseUri, new RewritingHandler(r =>
            r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == "/api/v2/outbound/schedules/campaigns" ? schedules : null));
        var audit = TestFiles.NewAuditPath("gc-far-range-");
        org.Simulator.ClearRequests();

        var (output, thrown) = host.TryRun(
            "param($id, $audit) Suspend-GenesysCampaign -Id $id -AuditLogPath $audit -Confirm:$false",
            Args(("id", SimulatorSeed.UnreferencedOnCampaignId), ("audit", audit)));

        Assert.True(thrown is null && host.Streams.Error.Count == 0, $"Suspend died: {thrown?.GetType().Name} {thrown?.InnerException?.GetType().Name} {thrown?.Message} {Ids(host.Streams.Error)}");
        var record = Assert.Single(Records(output));
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains(org.Simulator.GetStatus(SimulatorSeed.UnreferencedOnCampaignId), new[] { "stopping", "off" });
        Assert.Single(File.ReadAllLines(audit));
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Dependencies;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>Sequences, rules and schedules read from the SDK-shaped fixtures (tests/fixtures) and from answers that stray from them.</summary>
public class DependencyModelTests
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    internal static string FixtureText(string name) => File.ReadAllText(TestFiles.InRepository("tests", "fixtures", name));

    /// <summary>The JSON kept is the text read, byte for byte: every field, in order, nulls included.</summary>
    private static void AssertKeptWhole(string fixture, string kept)
    {
        Assert.Equal(fixture.Trim(), kept);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fixture), JsonNode.Parse(kept)));
    }

    [Fact]
    public void The_sequence_fixture_reads_every_typed_field_and_keeps_its_JSON_whole()
    {
        var text = FixtureText("sequence.json");

        var sequence = GenesysCampaignSequence.Parse(text);

        AssertKeptWhole(text, sequence.ToJson());
        Assert.Equal("b5d5e8a3-6cc6-4f3d-b09f-6a453fba8475", sequence.Id);
        Assert.Equal("Sequence-Sales-East-001", sequence.Name);
        Assert.Equal(5, sequence.Version);
        Assert.Equal("off", sequence.Status);
        Assert.Equal(new[] { "Sales-East-001", "Sales-East-002" }, sequence.Campaigns.Select(c => c.Name));
        Assert.Equal(new[] { "ec077ad4-aec7-44b1-a8b4-406c0190f12c", "dd9eb009-40f7-4ae5-9789-8e6e4f990940" }, sequence.Campaigns.Select(c => c.Id));
        Assert.Equal(1, sequence.CurrentCampaign);
        Assert.Equal(("dd9eb009-40f7-4ae5-9789-8e6e4f990940", "Sales-East-002"), (sequence.Current!.Id, sequence.Current.Name));
        Assert.False(sequence.Repeat);
        Assert.Equal("Campaign Sales-East-002 could not be started because it is invalid.", sequence.StopMessage);
        Assert.Equal(new DateTime(2026, 3, 2, 14, 20, 9, 733, DateTimeKind.Utc), sequence.DateModified);
        Assert.True(sequence.Contains("EC077AD4-AEC7-44B1-A8B4-406C0190F12C"));
        Assert.False(sequence.Contains("c0000000-0000-4000-8000-000000000001"));
    }

    [Fact]
    public void The_rule_fixture_reads_its_entities_actions_and_what_it_turns_on_and_keeps_its_JSON_whole()
    {
        var text = FixtureText("campaignrule.json");

        var rule = GenesysCampaignRule.Parse(text);

        AssertKeptWhole(text, rule.ToJson());
        Assert.Equal(("bb2adece-e2ad-49af-a023-29c3643ce7f5", "Rule-Sales-East-001-Progress-80", 2, true), (rule.Id, rule.Name, rule.Version, rule.Enabled));
        Assert.Equal(new[] { "Sales-East-001" }, rule.TriggerCampaigns.Select(c => c.Name));
        Assert.Empty(rule.TriggerSequences);
        Assert.Empty(rule.TriggerSmsCampaigns);
        Assert.Empty(rule.TriggerEmailCampaigns);
        Assert.Equal(new[] { "Sales-East-001" }, rule.TriggeredBy.Select(c => c.Name));
        Assert.Equal(new[] { "campaignProgress" }, rule.ConditionTypes);
        var action = Assert.Single(rule.Actions);
        Assert.Equal(("e6c18431-290b-4ebb-a0ee-b1d0d5aca2e3", "turnOnCampaign", false), (action.Id, action.ActionType, action.UseTriggeringEntity));
        Assert.Equal(new[] { "dd9eb009-40f7-4ae5-9789-8e6e4f990940" }, action.Campaigns.Select(c => c.Id));
        Assert.Equal(new[] { "Sales-East-002" }, rule.TurnsOnCampaigns.Select(c => c.Name));
        Assert.Empty(rule.TurnsOnSequences);
        Assert.Empty(rule.TurnsOffCampaigns);
        Assert.Empty(rule.TurnsOffSequences);
        Assert.Equal(new DateTime(2026, 2, 20, 17, 45, 58, 116, DateTimeKind.Utc), rule.DateModified);

        var none = Array.Empty<GenesysCampaignSequence>();
        Assert.True(rule.ActsOn("dd9eb009-40f7-4ae5-9789-8e6e4f990940", none));   // turned on
        Assert.True(rule.ActsOn("ec077ad4-aec7-44b1-a8b4-406c0190f12c", none));   // triggers it
        Assert.False(rule.ActsOn("c0000000-0000-4000-8000-000000000001", none));
    }

    [Fact]
    public void The_schedule_fixture_reads_its_target_intervals_and_recurrence_and_keeps_its_JSON_whole()
    {
        var text = FixtureText("schedule.campaign.json");

        var schedule = GenesysCampaignSchedule.Parse(text, ScheduleKind.Campaign, March1);

        AssertKeptWhole(text, schedule.ToJson());
        Assert.Equal(("ec077ad4-aec7-44b1-a8b4-406c0190f12c", "Sales-East-001", 3, ScheduleKind.Campaign), (schedule.Id, schedule.Name, schedule.Version, schedule.Kind));
        Assert.Equal(("ec077ad4-aec7-44b1-a8b4-406c0190f12c", "Sales-East-001"), (schedule.TargetId, schedule.TargetName));
        Assert.Equal("America/Indiana/Indianapolis", schedule.TimeZone);
        Assert.Equal(2, schedule.Intervals.Count);
        Assert.Equal((new DateTime(2026, 3, 3, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 3, 22, 0, 0, DateTimeKind.Utc)), (schedule.Intervals[0].Start, schedule.Intervals[0].End));
        Assert.Equal(DateTimeKind.Utc, schedule.Intervals[0].Start!.Value.Kind);
        Assert.Equal("2026-03-04T14:00:00.000Z", schedule.Intervals[1].StartText);

        var recurrence = Assert.Single(schedule.Recurrences);
        Assert.Equal("8d2b3b1d-d2c7-49c7-af39-0b80b81a4d09", recurrence.Id);
        Assert.Equal((new DateTime(2026, 3, 9, 9, 0, 0), new DateTime(2026, 3, 9, 17, 0, 0)), (recurrence.Start, recurrence.End));
        Assert.Equal("America/Indiana/Indianapolis", recurrence.TimeZone);
        Assert.Equal(("Weekly", 1), (recurrence.PatternType, recurrence.Interval));
        Assert.Equal(new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }, recurrence.DaysOfWeek);
        Assert.Equal(("EndDate", (DateTime?)new DateTime(2026, 6, 26, 17, 0, 0), (int?)null), (recurrence.RangeType, recurrence.RangeEnd, recurrence.NumberOfOccurrences));
        var exclusion = Assert.Single(recurrence.Alterations);
        Assert.Equal(("Exclusion", (DateTime?)new DateTime(2026, 5, 25, 9, 0, 0), (DateTime?)new DateTime(2026, 5, 25, 17, 0, 0)), (exclusion.Type, exclusion.Start, exclusion.End));
        Assert.Empty(schedule.Warnings);
        Assert.Equal(new DateTime(2026, 3, 3, 14, 0, 0, DateTimeKind.Utc), schedule.NextStart);
    }

    [Theory]
    [InlineData("2026-03-01T00:00:00Z", "2026-03-03T14:00:00Z")]   // the first interval
    [InlineData("2026-03-03T15:00:00Z", "2026-03-04T14:00:00Z")]   // inside the first: the second
    [InlineData("2026-03-05T00:00:00Z", "2026-03-09T13:00:00Z")]   // the recurrence: Monday 09:00 EDT, as nextOccurrenceDetails says
    [InlineData("2026-03-09T21:00:00Z", "2026-03-11T13:00:00Z")]   // as Monday's ends: Wednesday
    [InlineData("2026-05-23T00:00:00Z", "2026-05-27T13:00:00Z")]   // Monday 25 May is excluded
    [InlineData("2026-06-25T00:00:00Z", "2026-06-26T13:00:00Z")]   // the range's last day
    [InlineData("2026-06-26T13:00:01Z", null)]                     // nothing ahead
    public void The_fixture_schedule_starts_next_at(string now, string? expected)
    {
        var schedule = GenesysCampaignSchedule.Parse(FixtureText("schedule.campaign.json"), ScheduleKind.Campaign, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).UtcDateTime, schedule.NextStart);
        Assert.Equal(schedule.NextStart, schedule.NextStartAfter(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Missing_and_mistyped_fields_read_as_absent_and_extra_fields_stay_in_the_JSON()
    {
        var sequence = GenesysCampaignSequence.Parse("""{"id":"s1","status":"paused","version":"7","campaigns":{"id":"x"},"currentCampaign":4,"extra":{"a":1}}""");
        Assert.Equal(("s1", "", 0, "paused"), (sequence.Id, sequence.Name, sequence.Version, sequence.Status));
        Assert.Empty(sequence.Campaigns);
        Assert.Equal(4, sequence.CurrentCampaign);
        Assert.Null(sequence.Current);
        Assert.Contains("\"extra\":{\"a\":1}", sequence.ToJson());

        var rule = GenesysCampaignRule.Parse("""{"id":"r1","enabled":"yes","campaignRuleActions":[null,{"actionType":"setCampaignPriority"}],"campaignRuleEntities":null}""");
        Assert.False(rule.Enabled);
        Assert.Equal("setCampaignPriority", Assert.Single(rule.Actions).ActionType);
        Assert.Empty(rule.TriggeredBy);
        Assert.Empty(rule.TurnsOnCampaigns);

        var schedule = GenesysCampaignSchedule.Parse("""{"campaign":{"id":"c1"},"intervals":[{"start":"soon"}],"recurrences":"weekly"}""", null, DateTimeOffset.UtcNow);
        Assert.Equal(("c1", "c1", "UTC", ScheduleKind.Campaign), (schedule.Id, schedule.TargetId, schedule.TimeZone, schedule.Kind));
        Assert.Null(Assert.Single(schedule.Intervals).Start);
        Assert.Empty(schedule.Recurrences);
        Assert.Null(schedule.NextStart);

        Assert.Throws<FormatException>(() => GenesysCampaignSequence.Parse("""{"name":"no id"}"""));
        Assert.Throws<FormatException>(() => GenesysCampaignRule.Parse("""{"id":""}"""));
        Assert.Throws<FormatException>(() => GenesysCampaignSchedule.Parse("""{"name":"no id, no target"}""", ScheduleKind.Sequence, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void References_may_be_bare_ids_and_those_without_an_id_are_left_out()
    {
        var sequence = GenesysCampaignSequence.Parse("""{"id":"s1","campaigns":["c1",{"id":"c2","name":"Two"},{"name":"no id"},null,5,"c3"],"currentCampaign":2}""");

        Assert.Equal(new[] { "c1", "c2", "c3" }, sequence.Campaigns.Select(c => c.Id));
        Assert.Equal(new string?[] { null, "Two", null }, sequence.Campaigns.Select(c => c.Name));
        Assert.Equal("c3", sequence.Current!.Id);
        Assert.Equal("c3", sequence.Current.ToString());

        var rule = GenesysCampaignRule.Parse("""{"id":"r1","campaignRuleActions":[{"actionType":"turnOffCampaign","campaignRuleActionEntities":{"campaigns":["c9"],"smsCampaigns":[{"id":"m1"}]}}]}""");
        Assert.Equal(new[] { "c9", "m1" }, rule.TurnsOffCampaigns.Select(c => c.Id));
    }

    [Fact]
    public void With_useTriggeringEntity_a_rule_also_acts_on_what_triggered_it_and_sequences_carry_their_campaigns()
    {
        var rule = GenesysCampaignRule.Parse("""
            {"id":"r1","name":"r","enabled":true,
             "campaignRuleEntities":{"campaigns":[{"id":"t1"}],"sequences":[{"id":"seqT"}],"smsCampaigns":[{"id":"m1"}],"emailCampaigns":[{"id":"e1"}]},
             "campaignRuleActions":[
               {"actionType":"turnOffCampaign","campaignRuleActionEntities":{"campaigns":[],"useTriggeringEntity":true}},
               {"actionType":"TURNONSEQUENCE","campaignRuleActionEntities":{"sequences":[{"id":"seqA","name":"A"}],"useTriggeringEntity":false}},
               {"actionType":"turnOffSequence","campaignRuleActionEntities":{"useTriggeringEntity":true}}]}
            """);
        var sequences = new[]
        {
            GenesysCampaignSequence.Parse("""{"id":"seqA","campaigns":[{"id":"inA"}]}"""),
            GenesysCampaignSequence.Parse("""{"id":"seqT","campaigns":[{"id":"inT"}]}"""),
            GenesysCampaignSequence.Parse("""{"id":"seqB","campaigns":[{"id":"inB"}]}"""),
        };

        Assert.Equal(new[] { "t1", "m1", "e1" }, rule.TurnsOffCampaigns.Select(c => c.Id));
        Assert.Equal(new[] { "seqA" }, rule.TurnsOnSequences.Select(s => s.Id));
        Assert.Equal(new[] { "seqT" }, rule.TurnsOffSequences.Select(s => s.Id));
        Assert.Empty(rule.TurnsOnCampaigns);
        Assert.Equal(new[] { "t1", "m1", "e1", "seqT" }, rule.TriggeredBy.Select(e => e.Id));

        Assert.True(rule.ActsOn("inA", sequences));    // its sequence is turned on
        Assert.True(rule.ActsOn("inT", sequences));    // its sequence triggers the rule (and is turned off)
        Assert.True(rule.ActsOn("e1", sequences));
        Assert.False(rule.ActsOn("inB", sequences));
        Assert.False(rule.ActsOn("inA", Array.Empty<GenesysCampaignSequence>()));
    }

    [Fact]
    public void A_schedule_knows_its_kind_by_its_target_and_says_what_it_could_not_compute()
    {
        var sequence = GenesysCampaignSchedule.Parse("""{"id":"s1","sequence":{"id":"s1","name":"Winter"},"intervals":[{"start":"2030-01-07T14:00:00.000Z","end":"2030-01-07T22:00:00.000Z"}]}""", null, March1);
        Assert.Equal((ScheduleKind.Sequence, "Winter"), (sequence.Kind, sequence.TargetName));
        Assert.Equal(new DateTime(2030, 1, 7, 14, 0, 0, DateTimeKind.Utc), sequence.NextStart);

        var messaging = GenesysCampaignSchedule.Parse("""{"id":"m1","messagingCampaign":"m1"}""", null, March1);
        Assert.Equal((ScheduleKind.MessagingCampaign, "m1"), (messaging.Kind, messaging.TargetId));

        var unknownZone = GenesysCampaignSchedule.Parse("""
            {"id":"c1","timeZone":"Mars/Olympus_Mons",
             "intervals":[{"start":"2030-01-07T14:00:00","end":"2030-01-07T15:00:00"},{"start":"2030-02-07T14:00:00Z","end":"2030-02-07T15:00:00Z"}],
             "recurrences":[{"id":"r1","start":"2030-01-01T09:00:00","end":"2030-01-01T10:00:00","pattern":{"type":"AbsoluteMonthly","interval":1}}]}
            """, ScheduleKind.Campaign, March1);
        Assert.Equal(2, unknownZone.Warnings.Count);
        Assert.Contains("Mars/Olympus_Mons", unknownZone.Warnings[0]);
        Assert.Contains("AbsoluteMonthly", unknownZone.Warnings[1]);
        Assert.Null(unknownZone.Intervals[0].Start);
        Assert.Equal(new DateTime(2030, 2, 7, 14, 0, 0, DateTimeKind.Utc), unknownZone.NextStart);   // the bound with a Z still counts
    }

    [Theory]
    [InlineData("\"alterations\":[{\"type\":\"Exclusion\",\"start\":\"9999-12-31T22:00:00\",\"end\":\"9999-12-31T23:00:00\"}]")]
    [InlineData("\"range\":{\"type\":\"EndDate\",\"end\":\"9999-12-31T23:59:59\"}")]
    public void A_schedule_whose_times_run_off_the_calendar_is_read_with_a_warning(string part)
    {
        var text = $$"""
            {"id":"e1","name":"Far","timeZone":"America/New_York","emailCampaign":{"id":"e1"},"intervals":[],
             "recurrences":[{"id":"r1","start":"9999-12-30T22:00:00","end":"9999-12-30T23:00:00","pattern":{"type":"Daily","interval":1},{{part}}}]}
            """;

        var schedule = GenesysCampaignSchedule.Parse(text, null, March1);

        Assert.Equal((ScheduleKind.EmailCampaign, "e1"), (schedule.Kind, schedule.TargetId));
        Assert.Null(schedule.NextStart);
        Assert.Contains(schedule.Warnings, w => w.Contains("NextStart", StringComparison.Ordinal) && w.Contains("could not be computed", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interval_whose_times_run_off_the_calendar_is_left_out_with_a_warning()
    {
        var schedule = GenesysCampaignSchedule.Parse("""
            {"id":"e1","timeZone":"America/New_York","emailCampaign":{"id":"e1"},
             "intervals":[{"start":"9999-12-31T22:00:00","end":"9999-12-31T23:00:00"},{"start":"2030-01-07T14:00:00Z","end":"2030-01-07T15:00:00Z"}]}
            """, null, March1);

        Assert.Null(schedule.Intervals[0].Start);
        Assert.Equal(new DateTime(2030, 1, 7, 14, 0, 0, DateTimeKind.Utc), schedule.NextStart);
        Assert.Contains("'9999-12-31T22:00:00' to '9999-12-31T23:00:00' could not be read", Assert.Single(schedule.Warnings), StringComparison.Ordinal);
    }
}

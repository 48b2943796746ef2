using GenesysCloud.Outbound.Audit;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>A change record read from a copy of one (CopiedRecord, behind Resume, Stop and Measure taking copies).</summary>
public class CopiedRecordTests
{
    private static GenesysCampaignStateChange? From(params (string Name, object? Value)[] fields) => From(out _, fields);

    private static GenesysCampaignStateChange? From(out string? why, params (string Name, object? Value)[] fields) =>
        CopiedRecord.From(name => fields.FirstOrDefault(f => f.Name == name).Value, out why);

    [Fact]
    public void Reads_enums_by_name_or_number_and_times_from_dates_or_iso_text_as_utc()
    {
        // ConvertTo-Json writes an enum as its number; an audit line writes names and ISO 8601 times.
        var record = From(("OperationId", "op-1"), ("Action", 0), ("Outcome", "changed"), ("ObjectKind", "Campaign"), ("ObjectId", " c-1 "),
            ("MediaType", "Sms"), ("WrittenAt", "2026-12-07T03:00:00.25Z"), ("SettledAt", new DateTimeOffset(2026, 12, 7, 4, 0, 1, TimeSpan.FromHours(1))), ("WrittenWith", "POST stop"));

        Assert.NotNull(record);
        Assert.Equal((CampaignAction.Suspend, StateChangeOutcome.Changed, OutboundObjectKind.Campaign, "c-1", "c-1", CampaignMediaType.Sms), (record!.Action, record.Outcome, record.ObjectKind, record.ObjectId, record.CampaignId, record.MediaType));
        Assert.Equal(new DateTime(2026, 12, 7, 3, 0, 0, 250, DateTimeKind.Utc), record.WrittenAt);
        Assert.Equal(DateTimeKind.Utc, record.WrittenAt!.Value.Kind);
        Assert.Equal(new DateTime(2026, 12, 7, 3, 0, 1, DateTimeKind.Utc), record.SettledAt);
    }

    [Theory]
    [InlineData(null, "Suspend", "Changed", "it has no OperationId")]
    [InlineData("op-1", null, "Changed", "it has no Action")]
    [InlineData("op-1", "Pause", "Changed", "its Action 'Pause' is none of Suspend, Resume, Stop*")]
    [InlineData("op-1", "Suspend", null, "it has no Outcome")]
    [InlineData("op-1", "Suspend", "99", "its Outcome '99' is none of Changed, *")] // A number that names no outcome (an edited copy).
    [InlineData("op-1", "Suspend", "4294967296", "its Outcome '4294967296' is none of *")] // Not wrapped round to Changed (a breaker's trial).
    [InlineData("op-1", "Suspend", "NotChanged", "its Outcome 'NotChanged' is none of *")]
    public void Is_no_record_without_an_operation_an_action_and_an_outcome_it_can_read_and_says_what_is_wrong(string? operationId, string? action, string? outcome, string why)
    {
        Assert.Null(From(out var said, ("OperationId", operationId), ("Action", action), ("Outcome", outcome)));
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(why).Replace("\\*", ".*") + "$", said);
    }

    [Fact]
    public void A_copy_that_names_none_of_a_records_fields_is_no_record_and_nothing_is_said()
    {
        // A campaign, an id: for Resume and Stop, a campaign to act on as such.
        Assert.Null(From(out var said, ("Id", "c-1"), ("Name", "Sales-East-001")));
        Assert.Null(said);
    }
}

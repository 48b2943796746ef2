using GenesysCloud.Outbound.Audit;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>A change record read from a copy of one (CopiedRecord, behind Resume, Stop and Measure taking copies).</summary>
public class CopiedRecordTests
{
    private static GenesysCampaignStateChange? From(params (string Name, object? Value)[] fields) =>
        CopiedRecord.From(name => fields.FirstOrDefault(f => f.Name == name).Value);

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
    [InlineData(null, "Suspend", "Changed")] // No operation: not a record.
    [InlineData("op-1", null, "Changed")]
    [InlineData("op-1", "Suspend", null)]
    [InlineData("op-1", "Suspend", "99")] // A number that names no outcome (an edited copy) is not read as one.
    [InlineData("op-1", "Suspend", "Paused")]
    public void Is_no_record_without_an_operation_an_action_and_an_outcome_it_can_read(string? operationId, string? action, string? outcome)
    {
        Assert.Null(From(("OperationId", operationId), ("Action", action), ("Outcome", outcome)));
    }
}

using System.Text.Json;
using GenesysCloud.Outbound.Audit;
using Xunit;

namespace GenesysCampaign.Tests;

public sealed class AuditSinkTests : IDisposable
{
    private readonly string _dir = TestFiles.NewFolder("gc-audit-");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static GenesysCampaignStateChange Record(string id) => new()
    {
        Timestamp = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc),
        OperationId = "op-1",
        ObjectKind = OutboundObjectKind.Campaign,
        ObjectId = id,
        ObjectName = "Sales-East-001",
        CampaignId = id,
        CampaignName = "Sales-East-001",
        MediaType = CampaignMediaType.Sms,
        Action = CampaignAction.Suspend,
        Reason = "compliance",
        PreviousStatus = "on",
        RequestedStatus = "off",
        FinalStatus = "off",
        FinalVersion = 7,
        WrittenWith = "POST stop",
        ReplacedBody = "{\"id\":\"x\"}",
        ErrorCode = "none.really",
        Outcome = StateChangeOutcome.Changed,
        Message = "done",
        Warnings = new[] { "rule R" },
        Attempts = 2,
        DurationMs = 15,
        WrittenAt = new DateTime(2026, 11, 27, 2, 59, 58, DateTimeKind.Utc),
        SettledAt = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc),
        CorrelationId = "corr-1",
        OrganizationId = "org-1",
        OrganizationName = "Contoso",
        Environment = "mypurecloud.ie",
        OAuthClientId = "client-1",
        RunBy = "CONTOSO\\admin",
        Machine = "AUTOMATION-01",
        Failure = FailureKind.InvalidOperation,
    };

    [Fact]
    public void Each_record_is_one_camelCase_JSON_line_appended_to_what_was_there()
    {
        var path = Path.Combine(_dir, "sub", "audit.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\"existing\":true}\n");
        var sink = new JsonLinesAuditSink(path);

        sink.Append(Record("a"));
        sink.Append(Record("b"));

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal("{\"existing\":true}", lines[0]);
        using var doc = JsonDocument.Parse(lines[2]);
        var root = doc.RootElement;
        Assert.Equal("b", root.GetProperty("campaignId").GetString());
        Assert.Equal("Changed", root.GetProperty("outcome").GetString());
        Assert.Equal("Suspend", root.GetProperty("action").GetString());
        Assert.Equal("corr-1", root.GetProperty("correlationId").GetString());
        Assert.Equal("rule R", root.GetProperty("warnings")[0].GetString());
        Assert.False(root.TryGetProperty("failure", out _));
    }

    [Fact]
    public void A_line_reads_back_into_the_same_record()
    {
        var line = JsonLinesAuditSink.ToLine(Record("x"));
        var back = JsonLinesAuditSink.FromLine(line);
        Assert.Equal("x", back.CampaignId);
        Assert.Equal(StateChangeOutcome.Changed, back.Outcome);
        Assert.Equal(DateTimeKind.Utc, back.Timestamp.Kind);
        Assert.Equal(2, back.Attempts);
    }

    [Fact]
    public void A_record_has_no_public_setter_and_every_property_but_Failure_reads_back()
    {
        // Read-only for scripts (a record claims to be what the module did); [JsonInclude] keeps lines readable.
        var original = Record("x");
        var back = JsonLinesAuditSink.FromLine(JsonLinesAuditSink.ToLine(original));
        var properties = typeof(GenesysCampaignStateChange).GetProperties();

        Assert.Empty(properties.Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name));
        Assert.True(((IList<string>)original.Warnings).IsReadOnly); // Not an array, whose items a script could set.
        Assert.True(((IList<string>)back.Warnings).IsReadOnly);
        foreach (var property in properties.Where(p => p.Name != nameof(GenesysCampaignStateChange.Failure)))
        {
            var (was, read) = (property.GetValue(original), property.GetValue(back));
            Assert.NotNull(was); // Record() fills every property, so a property that does not read back cannot hide.
            Assert.True(was is IEnumerable<string> list ? list.SequenceEqual((IEnumerable<string>)read!) : Equals(was, read), $"{property.Name}: wrote {was}, read {read}");
        }
    }

    [Theory]
    [InlineData("objectKind", "99")]
    [InlineData("objectKind", "\"Bogus\"")]
    [InlineData("action", "3")]
    [InlineData("outcome", "42")]
    public void A_line_whose_kind_action_or_outcome_is_not_a_name_this_module_writes_is_unreadable_not_a_record(string field, string value)
    {
        // The sink writes names; a number (an edited line) would otherwise read as a kind no table has a row for.
        var path = Path.Combine(_dir, "edited.jsonl");
        var good = JsonLinesAuditSink.ToLine(Record("good"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonLinesAuditSink.ToLine(Record("bad")))!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        File.WriteAllLines(path, [good, node.ToJsonString(), good]);

        var lines = AuditLogReader.Read(path).ToList();

        Assert.Equal(new[] { "good", null, "good" }, lines.Select(l => l.Record?.ObjectId));
        Assert.Equal(2, lines[1].LineNumber);
        Assert.NotNull(lines[1].Error);
    }

    [Fact]
    public void Concurrent_appenders_never_interleave_or_lose_lines()
    {
        var path = Path.Combine(_dir, "shared.jsonl");
        var sinks = Enumerable.Range(0, 4).Select(_ => new JsonLinesAuditSink(path)).ToArray();

        Parallel.For(0, 200, i => sinks[i % sinks.Length].Append(Record("id-" + i)));

        var lines = File.ReadAllLines(path);
        Assert.Equal(200, lines.Length);
        Assert.Equal(200, lines.Select(l => JsonLinesAuditSink.FromLine(l).CampaignId).Distinct().Count());
    }
}

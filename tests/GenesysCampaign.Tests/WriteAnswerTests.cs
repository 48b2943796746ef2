using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// What a write's answer makes the record say when the answer is not the plain one: lost after the
/// server did the work, a gateway's 504, empty, without the field written, of another object, or
/// behind reads that lag; and a bulk run that one faulty or slow first write must not hold up.
/// </summary>
public class WriteAnswerTests
{
    [Fact]
    public async Task A_stop_that_applied_behind_a_gateway_504_is_Changed_not_Unchanged()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(5));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var posts = 0;
        var api = org.ClientThrough(new AnswerStatus(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/stop", StringComparison.Ordinal) && Interlocked.Increment(ref posts) == 1 ? 504 : null));

        var record = Assert.Single(await org.RunAsync(api, new StateChangeRequest(CampaignAction.Suspend), id));

        Assert.Equal((StateChangeOutcome.Changed, "POST stop (answer lost)"), (record.Outcome, record.WrittenWith));
        Assert.Equal("stopping", org.Simulator.GetStatus(id));
    }

    [Fact]
    public async Task A_lost_answer_is_not_claimed_when_the_read_shows_someone_else_moved_it_elsewhere()
    {
        // The first PUT meets a 503 (not done); before the retry someone else edits the campaign (a
        // new version, still on): the 409 is theirs, and the write that then applies is the only one.
        await using var org = await TestOrg.StartPutOnlyAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "PUT", PathContains = id });
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.VersionBump, Method = "PUT", PathContains = id });

        var record = Assert.Single(await org.RunAsync(org.Client(), new StateChangeRequest(CampaignAction.Suspend), id));

        Assert.Equal((StateChangeOutcome.Changed, "PUT off"), (record.Outcome, record.WrittenWith));
        Assert.Equal(new[] { 503, 409, 200 }, org.Simulator.Requests.Where(r => IsCampaignWrite(r)).Select(r => r.Status));
    }

    [Fact]
    public async Task A_PUT_accepted_with_an_empty_body_is_Changed_and_read_back()
    {
        await using var org = await TestOrg.StartPutOnlyAsync(o => o.DialerDelay = TimeSpan.FromSeconds(3));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var api = org.ClientThrough(new RewritingHandler(r => r.Method == HttpMethod.Put ? string.Empty : null));

        var record = Assert.Single(await org.RunAsync(api, new StateChangeRequest(CampaignAction.Suspend), id));

        Assert.Equal((StateChangeOutcome.Changed, "PUT off", "stopping"), (record.Outcome, record.WrittenWith, record.FinalStatus));
        Assert.Single(org.Simulator.Requests, w => IsCampaignWrite(w));
    }

    [Fact]
    public async Task A_force_write_whose_answer_was_lost_is_recorded_as_the_force_stop()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(3));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var lost = 0;
        var api = org.ClientThrough(new LosingHandler((r, body) => r.Method == HttpMethod.Put && body?.Contains("\"forced_off\"") == true && Interlocked.Increment(ref lost) == 1));

        var record = Assert.Single(await org.RunAsync(api, new StateChangeRequest(CampaignAction.Stop), id));

        Assert.Equal((StateChangeOutcome.Changed, "POST stop; PUT forced_off (answer lost)"), (record.Outcome, record.WrittenWith));
        // Without -Wait: force-stopping, as the record says.
        Assert.StartsWith($"Campaign '{SimulatorSeed.UnreferencedOnCampaignName}' is being force-stopped (forced_stopping", record.Message);
    }

    [Fact]
    public async Task Stop_with_lagging_reads_force_stops_or_says_it_did_not()
    {
        await using var org = await TestOrg.StartAsync(o => { o.DialerDelay = TimeSpan.FromSeconds(20); o.StaleReadWindow = TimeSpan.FromSeconds(8); });
        var id = SimulatorSeed.UnreferencedOnCampaignId;

        var record = Assert.Single(await org.RunAsync(org.Client(), new StateChangeRequest(CampaignAction.Stop), id));

        Assert.Equal((StateChangeOutcome.Changed, "POST stop", (string?)null), (record.Outcome, record.WrittenWith, record.FinalStatus));
        Assert.Contains(record.Warnings, w => w.StartsWith("Force stop of campaign", StringComparison.Ordinal) && w.Contains("was not sent"));
        Assert.DoesNotContain("before a force stop was needed", record.Message);
    }

    [Theory]
    [InlineData("Suspend")]
    [InlineData("Resume")]
    public async Task A_stale_view_whose_first_read_still_lags_is_Unchanged_not_Rejected(string action)
    {
        await using var org = await TestOrg.StartAsync(o => { o.DialerDelay = TimeSpan.FromSeconds(10); o.StaleReadWindow = TimeSpan.FromSeconds(2); });
        var suspend = action == "Suspend";
        var id = suspend ? SimulatorSeed.UnreferencedOnCampaignId : SimulatorSeed.UnreferencedOffCampaignId;
        var campaign = await org.Client().GetCampaignAsync(id, null, CancellationToken.None);
        await org.Client().PostCampaignActionAsync(campaign, suspend ? "stop" : "start", null, CancellationToken.None);
        org.Simulator.ClearRequests();
        using var waiter = new PollingCampaignWaiter(org.Client());
        var records = new List<GenesysCampaignStateChange>();

        await new StateChangeExecutor(org.Client(), waiter, null).RunAsync(new[] { campaign }, new StateChangeRequest(suspend ? CampaignAction.Suspend : CampaignAction.Resume), (r, _) => records.Add(r), CancellationToken.None);

        Assert.Equal(StateChangeOutcome.Unchanged, Assert.Single(records).Outcome);
    }

    private const string RulePath = "/api/v2/outbound/campaignrules/";

    private static async Task<string> ReadJsonAsync(TestOrg org, ToggleKind kind, string id) =>
        (await org.Client().GetObjectAsync(kind, id, null, CancellationToken.None)).ToJson();

    private static async Task<bool> RuleEnabledAsync(TestOrg org, string id) =>
        JsonNode.Parse(await ReadJsonAsync(org, ToggleKind.CampaignRule, id))!["enabled"]!.GetValue<bool>();

    /// <summary>Suspends one sequence or campaign as read through <paramref name="api"/>: its body as read, and its record.</summary>
    private static async Task<(string Original, GenesysCampaignStateChange Record)> SuspendAsync(GenesysCloud.Outbound.Api.GenesysApiClient api, bool sequence, string id)
    {
        using var waiter = new PollingCampaignWaiter(api);
        var records = new List<GenesysCampaignStateChange>();
        string original;
        if (sequence)
        {
            var item = await api.GetObjectAsync(ToggleKind.Sequence, id, null, CancellationToken.None);
            original = item.ToJson();
            await new StateChangeExecutor(api, waiter, null).RunAsync(new[] { item }, ToggleKind.Sequence, new StateChangeRequest(CampaignAction.Suspend), (r, _) => records.Add(r), CancellationToken.None);
        }
        else
        {
            var campaign = await api.GetCampaignAsync(id, null, CancellationToken.None);
            original = campaign.Json;
            await new StateChangeExecutor(api, waiter, null).RunAsync(new[] { campaign }, new StateChangeRequest(CampaignAction.Suspend), (r, _) => records.Add(r), CancellationToken.None);
        }

        return (original, Assert.Single(records));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("campaign")]
    public async Task A_PUT_accepted_whose_answer_is_not_the_object_and_whose_read_back_fails_is_Changed_with_what_it_replaced(string kind)
    {
        var sequence = kind == "sequence";
        await using var org = sequence ? await TestOrg.StartAsync() : await TestOrg.StartPutOnlyAsync();
        var id = sequence ? SimulatorSeed.RenewalsSequenceId : SimulatorSeed.UnreferencedOnCampaignId;
        var handler = new RewritingHandler(r =>
        {
            if (r.Method != HttpMethod.Put || !r.RequestUri!.AbsolutePath.EndsWith(id, StringComparison.Ordinal))
            {
                return null;
            }

            // Accepted (200), answered with something that is not the object; every read after it fails.
            org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "GET", PathContains = id, Count = 1000 });
            return "{}";
        });
        var api = org.ClientThrough(handler, resilience: org.Connection.Resilience);
        var (original, record) = await SuspendAsync(api, sequence, id);
        var accepted = org.Simulator.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith(id, StringComparison.Ordinal) && r.Status == 200).ToList();
        Assert.Single(accepted); // Genesys took the change.
        Assert.True(record.Outcome == StateChangeOutcome.Changed, $"The accepted PUT is recorded {record.Outcome} (WrittenWith {record.WrittenWith ?? "null"}): {record.Message}");
        Assert.Equal("PUT off", record.WrittenWith);
        Assert.Equal(original, record.ReplacedBody);
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("campaign")]
    public async Task A_PUT_whose_answer_was_lost_and_which_a_read_shows_applied_keeps_the_body_it_replaced(string kind)
    {
        // The first PUT applies and its answer is lost; the retry is refused as from a stale view (a
        // sequence's 409; a campaign's 400, for its version or its transition) and the read shows the
        // object where that PUT leads: the change is ours, and like any PUT it keeps what it replaced.
        var sequence = kind == "sequence";
        await using var org = sequence ? await TestOrg.StartAsync() : await TestOrg.StartPutOnlyAsync(o => o.DialerDelay = TimeSpan.FromSeconds(3));
        var id = sequence ? SimulatorSeed.RenewalsSequenceId : SimulatorSeed.UnreferencedOnCampaignId;
        var api = org.ClientThrough(new LosingHandler((r, _) => r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.EndsWith(id, StringComparison.Ordinal), times: 1));
        var (original, record) = await SuspendAsync(api, sequence, id);
        Assert.Equal((StateChangeOutcome.Changed, "PUT off (answer lost)"), (record.Outcome, record.WrittenWith));
        Assert.Equal(new[] { 200, sequence ? 409 : 400 }, org.Simulator.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith(id, StringComparison.Ordinal)).Select(r => r.Status));
        Assert.Equal(original, record.ReplacedBody);
    }

    [Theory]
    [InlineData("rule")]
    [InlineData("sequence")]
    public async Task A_PUT_answered_without_the_field_written_is_read_back_and_the_record_shows_the_state_written(string kind)
    {
        await using var org = await TestOrg.StartAsync();
        using var host = new PowerShellHost();
        var rule = kind == "rule";
        var id = rule ? SimulatorSeed.DisabledRuleId : SimulatorSeed.RenewalsSequenceId;
        ConnectThrough(host, org.Simulator.BaseUri, new RewritingHandler(r =>
            r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.EndsWith(id, StringComparison.Ordinal) ? $$"""{"id":"{{id}}","selfUri":"{{r.RequestUri!.AbsolutePath}}"}""" : null));
        org.Simulator.ClearRequests();

        var record = Assert.Single(Records(host.Run(
            "param($id) " + (rule ? "Enable-GenesysCampaignRule" : "Suspend-GenesysCampaignSequence") + " -Id $id -Confirm:$false",
            Args(("id", id)))));

        var expected = rule ? "enabled" : "off";
        var now = JsonNode.Parse(await ReadJsonAsync(org, rule ? ToggleKind.CampaignRule : ToggleKind.Sequence, id))!;
        Assert.True(expected == (rule ? (now["enabled"]!.GetValue<bool>() ? "enabled" : "disabled") : now["status"]!.GetValue<string>()), $"not applied: {record.Outcome} {record.WrittenWith} {record.FinalStatus} {record.Message} {Ids(host.Streams.Error)} {string.Join(", ", org.Simulator.Requests.Select(r => r.Method + " " + r.Path + " " + r.Status))}"); // The write applied.
        Assert.True(record.FinalStatus == expected, $"FinalStatus '{record.FinalStatus}' after writing {expected}: {record.Message}");
        Assert.DoesNotContain("something else changed it", record.Message);
    }

    [Fact]
    public async Task Disable_GenesysCampaignRule_never_writes_a_rule_it_was_not_given_when_a_read_answers_another_rule()
    {
        await using var org = await TestOrg.StartAsync();
        var other = await ReadJsonAsync(org, ToggleKind.CampaignRule, SimulatorSeed.MessagingRuleId);
        using var host = new PowerShellHost();
        ConnectThrough(host, org.Simulator.BaseUri, new RewritingHandler(r =>
            r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath.EndsWith(RulePath + SimulatorSeed.EnabledRuleId, StringComparison.Ordinal) ? other : null));
        org.Simulator.ClearRequests();

        var records = Records(host.Run("param($id) Disable-GenesysCampaignRule -Id $id -Confirm:$false -ErrorAction SilentlyContinue", Args(("id", SimulatorSeed.EnabledRuleId))));

        var puts = org.Simulator.Requests.Where(r => r.Method == "PUT").Select(r => r.Path).ToList();
        Assert.True(puts.Count == 0, $"Asked to disable {SimulatorSeed.EnabledRuleId}, it wrote {string.Join(", ", puts)}; records for {string.Join(", ", records.Select(r => r.ObjectId + " " + r.Outcome))}");
        Assert.True(await RuleEnabledAsync(org, SimulatorSeed.MessagingRuleId));
        var record = Assert.Single(records);
        Assert.Equal((SimulatorSeed.EnabledRuleId, StateChangeOutcome.Failed), (record.ObjectId, record.Outcome));
    }

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable503)]
    [InlineData(FaultKind.Forbidden403)]
    public async Task Disable_GenesysCampaignRule_a_rule_that_cannot_be_read_gets_a_Failed_record_and_the_other_rules_are_still_disabled(FaultKind fault)
    {
        var (org, host, audit) = await TestOrg.StartWithHostAsync();
        await using var _ = org;
        using var __ = host;

        // The second rule's read fails every time (Genesys down for it, or a division the client cannot see).
        org.Simulator.Faults.Add(new FaultRule { Kind = fault, Method = "GET", PathContains = RulePath + SimulatorSeed.MessagingRuleId, Count = 1000 });

        var records = Records(host.Run(
            "param($ids, $audit) Disable-GenesysCampaignRule -Id $ids -AuditLogPath $audit -Confirm:$false",
            Args(("ids", new[] { SimulatorSeed.EnabledRuleId, SimulatorSeed.MessagingRuleId }), ("audit", audit))));

        Assert.False(host.Streams.Error.Any(e => e.FullyQualifiedErrorId.StartsWith("CampaignRuleLookupFailed", StringComparison.Ordinal)),
            $"One unreadable rule ended the whole batch: {Ids(host.Streams.Error)}; records: {records.Count}");
        Assert.False(await RuleEnabledAsync(org, SimulatorSeed.EnabledRuleId), "The readable rule was never disabled.");
        Assert.Equal(2, records.Count);
        Assert.Equal(StateChangeOutcome.Changed, Assert.Single(records, r => r.ObjectId == SimulatorSeed.EnabledRuleId).Outcome);
        var failed = Assert.Single(records, r => r.ObjectId == SimulatorSeed.MessagingRuleId);
        Assert.Equal(StateChangeOutcome.Failed, failed.Outcome);
        Assert.Equal(fault == FaultKind.Forbidden403 ? FailureKind.PermissionDenied : FailureKind.ConnectionError, failed.Failure);
        Assert.Equal(2, File.ReadAllLines(audit).Length);
        Assert.Single(host.Streams.Error);
    }
}

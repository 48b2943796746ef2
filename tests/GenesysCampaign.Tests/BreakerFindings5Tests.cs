using System.Management.Automation;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>
/// Breaker review 5: Suspend-/Resume-GenesysCampaignSequence, Disable-/Enable-GenesysCampaignRule,
/// the shared ChangeRun and the typed CampaignDependencies. Each test fails on the code as reviewed
/// and passes once its finding is fixed.
/// </summary>
public sealed class BreakerFindings5Tests
{
    private const string RulePath = "/api/v2/outbound/campaignrules/";

    private static async Task<(TestOrg Org, PowerShellHost Host, string Audit)> StartAsync(Action<SimulatorOptions>? configure = null, PowerShellHost? host = null)
    {
        var org = await TestOrg.StartAsync(configure);
        host ??= new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        org.Simulator.ClearRequests();
        var audit = Path.Combine(Directory.CreateTempSubdirectory("gc-breaker5-").FullName, "audit.jsonl");
        return (org, host, audit);
    }

    private static List<GenesysCampaignStateChange> Records(IEnumerable<PSObject> output) =>
        output.Where(o => o.BaseObject is GenesysCampaignStateChange).Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

    private static string Ids(IEnumerable<ErrorRecord> errors) => string.Join(" | ", errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0] + ": " + e.Exception.Message));

    private static async Task<string> ReadJsonAsync(TestOrg org, ToggleKind kind, string id) =>
        (await org.Client().GetObjectAsync(kind, id, null, CancellationToken.None)).ToJson();

    private static async Task<bool> RuleEnabledAsync(TestOrg org, string id) =>
        JsonNode.Parse(await ReadJsonAsync(org, ToggleKind.CampaignRule, id))!["enabled"]!.GetValue<bool>();

    // ---------------------------------------------------------------------------------------------
    // Finding: one id that cannot be read ends the whole batch (the lookup is terminating).
    // ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable503)]
    [InlineData(FaultKind.Forbidden403)]
    public async Task Disable_GenesysCampaignRule_a_rule_that_cannot_be_read_gets_a_Failed_record_and_the_other_rules_are_still_disabled(FaultKind fault)
    {
        var (org, host, audit) = await StartAsync();
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

    // ---------------------------------------------------------------------------------------------
    // Finding: a PUT accepted (2xx) whose answer is not the object, and whose read-back then fails,
    // is recorded Failed with no WrittenWith/ReplacedBody although the change applied.
    // ---------------------------------------------------------------------------------------------

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

        var record = Assert.Single(records);
        var accepted = org.Simulator.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith(id, StringComparison.Ordinal) && r.Status == 200).ToList();
        Assert.Single(accepted); // Genesys took the change.
        Assert.True(record.Outcome == StateChangeOutcome.Changed, $"The accepted PUT is recorded {record.Outcome} (WrittenWith {record.WrittenWith ?? "null"}): {record.Message}");
        Assert.Equal("PUT off", record.WrittenWith);
        Assert.Equal(original, record.ReplacedBody);
    }

    // ---------------------------------------------------------------------------------------------
    // Finding (regression of the typed CampaignDependencies): one schedule whose recurrence range
    // ends on 9999-12-31 (a bare date: the whole day is kept, AddDays(1) overflows) throws
    // ArgumentOutOfRangeException out of the dependency load: every change cmdlet that writes dies
    // with no record, no audit line, nothing paused.
    // ---------------------------------------------------------------------------------------------

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
        var audit = Path.Combine(Directory.CreateTempSubdirectory("gc-breaker5-").FullName, "audit.jsonl");
        org.Simulator.ClearRequests();

        System.Collections.ObjectModel.Collection<PSObject>? output = null;
        Exception? thrown = null;
        try
        {
            output = host.Run(
                "param($id, $audit) Suspend-GenesysCampaign -Id $id -AuditLogPath $audit -Confirm:$false",
                Args(("id", SimulatorSeed.UnreferencedOnCampaignId), ("audit", audit)));
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        Assert.True(thrown is null && host.Streams.Error.Count == 0, $"Suspend died: {thrown?.GetType().Name} {thrown?.InnerException?.GetType().Name} {thrown?.Message} {Ids(host.Streams.Error)}");
        var record = Assert.Single(Records(output!));
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains(org.Simulator.GetStatus(SimulatorSeed.UnreferencedOnCampaignId), new[] { "stopping", "off" });
        Assert.Single(File.ReadAllLines(audit));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: a PUT answer that carries the id but not the field written is taken as the object:
    // the record's FinalStatus is the field's default, and it says something else changed it.
    // ---------------------------------------------------------------------------------------------

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

    // ---------------------------------------------------------------------------------------------
    // Finding: a read by id that answers a different object makes the cmdlet write that other object.
    // ---------------------------------------------------------------------------------------------

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

    // ---------------------------------------------------------------------------------------------
    // Finding: when the lookup fails (terminating), errors already held for bad ids are never written,
    // though their records were output and audited (ConfirmationUnavailable writes them first).
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Suspend_GenesysCampaign_a_failed_lookup_still_writes_the_errors_held_for_bad_ids()
    {
        var (org, host, audit) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "GET", PathContains = "/api/v2/outbound/campaigns", Count = 1000 });

        var records = Records(host.Run(
            "param($ids, $audit) Suspend-GenesysCampaign -Id $ids -AuditLogPath $audit -Confirm:$false",
            Args(("ids", new[] { "not an id!", SimulatorSeed.UnreferencedOnCampaignId }), ("audit", audit))));

        // The bad id's record was output and audited ...
        Assert.Equal(StateChangeOutcome.Failed, Assert.Single(records).Outcome);
        Assert.Single(File.ReadAllLines(audit));
        // ... so its error must be written too, before the lookup's terminating error.
        var ids = host.Streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
        Assert.True(ids.SequenceEqual(new[] { "InvalidCampaignId", "CampaignLookupFailed" }), $"errors written: {Ids(host.Streams.Error)}");
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: with -ErrorAction Stop, ConfirmationUnavailable is replaced by the first held input error.
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task ConfirmationUnavailable_is_the_error_that_stops_a_script_under_ErrorAction_Stop()
    {
        var answering = new AnsweringHost(null);
        var (org, host, _) = await StartAsync(host: new PowerShellHost(answering));
        await using var __ = org;
        using var ___ = host;
        using var ps = host.Create(
            "param($ids) Suspend-GenesysCampaignSequence -Id $ids -Confirm -ErrorAction Stop",
            Args(("ids", new[] { "not an id!", SimulatorSeed.RenewalsSequenceId })));

        // A terminating error surfaces as an exception or, from the SDK's Invoke, as the last error record.
        var errors = new List<ErrorRecord>();
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException thrown)
        {
            errors.Add(thrown.ErrorRecord);
        }

        errors.InsertRange(0, ps.Streams.Error);
        var stoppedOn = Assert.Single(errors);
        Assert.True(stoppedOn.FullyQualifiedErrorId.StartsWith("ConfirmationUnavailable", StringComparison.Ordinal), $"The script stopped on {stoppedOn.FullyQualifiedErrorId}: {stoppedOn}");
        Assert.Contains("1 error(s) about the input were not written", stoppedOn.ErrorDetails.Message);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "PUT");
    }
}

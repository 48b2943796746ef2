using System.Management.Automation;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>
/// Breaker review 6: Suspend-GenesysCampaign -Hold and Undo-GenesysCampaignChange. Each test fails
/// on the code as reviewed and passes once its finding is fixed.
/// </summary>
public sealed class BreakerFindings6Tests
{
    private const string Scheduled = SimulatorSeed.ScheduledCampaignId;
    private const string RuleTarget = SimulatorSeed.EnabledRuleTargetCampaignId;
    private const string SchedulePath = "/api/v2/outbound/schedules/campaigns/";

    private static string NewAudit() => Path.Combine(Directory.CreateTempSubdirectory("gc-breaker6-").FullName, "audit.jsonl");

    private static List<GenesysCampaignStateChange> Records(IEnumerable<PSObject> output) =>
        output.Where(o => o.BaseObject is GenesysCampaignStateChange).Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

    private static string Ids(IEnumerable<ErrorRecord> errors) => string.Join(" | ", errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0] + ": " + e.Exception.Message));

    private static string Describe(IEnumerable<GenesysCampaignStateChange> records) => string.Join(" | ", records.Select(r => $"{r.ObjectKind} {r.ObjectId} {r.Action} {r.Outcome} {r.Message}"));

    /// <summary>Lets the server handle the first request <c>lose</c> picks, then loses its answer (a reset after the work was done).</summary>
    private sealed class LosingHandler(Func<HttpRequestMessage, bool> lose) : DelegatingHandler(new HttpClientHandler())
    {
        private int _lost;

        public int Lost => _lost;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (lose(request) && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
            {
                response.Dispose();
                throw new HttpRequestException("The connection was reset after the request was sent (test).");
            }

            return response;
        }
    }

    private static async Task<bool> ScheduleExistsAsync(TestOrg org, string campaignId)
    {
        try
        {
            await org.Client().GetScheduleAsync(ScheduleKind.Campaign, campaignId, null, CancellationToken.None);
            return true;
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: a schedule DELETE that applied but whose answer was lost is retried, gets 404, and is
    // recorded "removed already" (Unchanged) without its body: the hold's schedule cannot be put back.
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Hold_keeps_the_schedule_body_when_the_DELETE_applied_but_its_answer_was_lost()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        var before = (await org.Client().GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).ToJson();
        using var host = new PowerShellHost();
        var handler = new LosingHandler(r => r.Method == HttpMethod.Delete && r.RequestUri!.AbsolutePath.StartsWith(SchedulePath, StringComparison.Ordinal));
        ConnectThrough(host, org.Simulator.BaseUri, handler);
        var audit = NewAudit();

        var records = Records(host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit))));

        Assert.Equal(1, handler.Lost);
        Assert.False(await ScheduleExistsAsync(org, Scheduled)); // The DELETE did apply.
        var removed = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        Assert.True(removed.ReplacedBody is not null, $"The schedule is gone but its record keeps no body to put back: {removed.Outcome} '{removed.Message}'");
        Assert.Equal(StateChangeOutcome.Changed, removed.Outcome);

        // And the undo from the audit log puts it back.
        host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit)));
        Assert.True(await ScheduleExistsAsync(org, Scheduled), "The undo did not put the schedule back.");
        Assert.NotNull(before);
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: a schedule PUT-back that applied but whose answer was lost is reported Failed.
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Undo_of_a_hold_whose_schedule_PUT_back_lost_its_answer_says_what_happened()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        var losing = false;
        var handler = new LosingHandler(r => losing && r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.StartsWith(SchedulePath, StringComparison.Ordinal));
        ConnectThrough(host, org.Simulator.BaseUri, handler);
        var audit = NewAudit();
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.False(await ScheduleExistsAsync(org, Scheduled));
        losing = true;
        org.Simulator.ClearRequests();

        var undone = Records(host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit))));

        Assert.Equal(1, handler.Lost);
        Assert.True(await ScheduleExistsAsync(org, Scheduled)); // The PUT applied.
        var restored = Assert.Single(undone, r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        var puts = org.Simulator.Requests.Count(r => r.Method == "PUT" && r.Path.StartsWith(SchedulePath, StringComparison.Ordinal));
        Assert.True(restored.Outcome == StateChangeOutcome.Changed && restored.FinalStatus == GenesysCampaignSchedule.Scheduled, $"Schedule put back, but its record says {restored.Outcome} (final '{restored.FinalStatus}', {puts} PUT(s)): {restored.Message} {Ids(host.Streams.Error)}");
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: one record whose ReplacedBody is not JSON ends the whole undo with an unhandled
    // exception: nothing else is put back, and the error does not name the record.
    // ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("{\"campaign\": ")]
    [InlineData("{}")]
    public async Task Undo_with_a_damaged_ReplacedBody_still_puts_back_the_other_objects(string damaged)
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        var audit = NewAudit();
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.Equal("off", org.Simulator.GetStatus(Scheduled));
        var edited = NewAudit();
        File.WriteAllLines(edited, File.ReadAllLines(audit).Select(line =>
        {
            var node = JsonNode.Parse(line)!.AsObject();
            if (node["replacedBody"] is not null)
            {
                node["replacedBody"] = damaged;
            }

            return node.ToJsonString();
        }));

        Exception? thrown = null;
        List<GenesysCampaignStateChange> undone = new();
        try
        {
            undone = Records(host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false", Args(("audit", edited))));
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        Assert.True(thrown is null, $"The undo died: {thrown?.GetType().Name}: {thrown?.Message}");
        var campaign = undone.SingleOrDefault(r => r.ObjectKind == OutboundObjectKind.Campaign);
        Assert.True(campaign?.Outcome == StateChangeOutcome.Changed, $"Campaign not put back (records: {Describe(undone)}); errors: {Ids(host.Streams.Error)}");
        Assert.Equal("on", org.Simulator.GetStatus(Scheduled));
        Assert.Contains(host.Streams.Warning.Select(w => w.Message).Concat(host.Streams.Error.Select(e => e.Exception.Message)), m => m.Contains(Scheduled, StringComparison.OrdinalIgnoreCase));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: one object of the records that cannot be read (403) ends the whole undo before anything
    // is sent (UndoLookupFailed): the campaigns of an emergency are not put back.
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Undo_puts_back_the_campaign_when_its_rule_cannot_be_read()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(RuleTarget, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        var audit = NewAudit();
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", RuleTarget), ("audit", audit)));
        Assert.Equal("off", org.Simulator.GetStatus(RuleTarget));
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "GET", PathContains = "/campaignrules/" + SimulatorSeed.EnabledRuleId, Count = 1000 });

        Exception? thrown = null;
        List<GenesysCampaignStateChange> undone = new();
        try
        {
            undone = Records(host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit))));
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        Assert.True(thrown is null, $"The undo died before anything was sent: {(thrown as RuntimeException)?.ErrorRecord?.FullyQualifiedErrorId} {thrown?.Message}");
        Assert.True(org.Simulator.GetStatus(RuleTarget) == "on", $"Campaign left {org.Simulator.GetStatus(RuleTarget)} (records: {Describe(undone)}); errors: {Ids(host.Streams.Error)}");
        var rule = Assert.Single(undone, r => r.ObjectKind == OutboundObjectKind.CampaignRule);
        Assert.Equal((StateChangeOutcome.Failed, FailureKind.PermissionDenied), (rule.Outcome, rule.Failure));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: records of two holds of one schedule (re-created by someone between them) are undone
    // to the OLDER body: reverting newest first puts back the re-created schedule, and then the
    // first removal is "changed since".
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Undo_of_two_holds_of_a_recreated_schedule_puts_back_the_newest_body()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        var audit = NewAudit();
        var api = org.Client();
        var original = JsonNode.Parse((await api.GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).ToJson())!.AsObject();
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.False(await ScheduleExistsAsync(org, Scheduled));

        // Someone re-creates the schedule with another name and turns the campaign on again.
        var recreated = original.DeepClone().AsObject();
        recreated["name"] = "Re-created by ops";
        await api.SendAsync(HttpMethod.Put, SchedulePath.TrimStart('/') + Scheduled, recreated.ToJsonString(), null, "test setup", CancellationToken.None);
        Assert.True(await ScheduleExistsAsync(org, Scheduled));
        org.Simulator.SetStatus(Scheduled, "on");
        await Task.Delay(20); // Distinct timestamps.
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.False(await ScheduleExistsAsync(org, Scheduled));

        host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit)));

        var now = (await api.GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).Name;
        Assert.True(now == "Re-created by ops", $"Undo put back '{now}', the body the first hold removed, over the re-created schedule the second hold removed.");
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: the undo of a schedule's Restore (remove it again) when the schedule is gone already
    // yields no record and no message at all.
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Undo_of_a_schedule_restore_when_the_schedule_is_gone_has_a_record()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        host.Run("param($id) $global:held = Suspend-GenesysCampaign -Id $id -Hold -Wait -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled)));
        host.Run("$global:restored = $global:held | Where-Object ObjectKind -ne Campaign | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue");
        Assert.True(await ScheduleExistsAsync(org, Scheduled));
        await org.Client().DeleteScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None);

        var again = Records(host.Run("$global:restored | Undo-GenesysCampaignChange -Confirm:$false"));

        var record = again.SingleOrDefault(r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        Assert.True(record is not null, $"No record for the schedule given (records: {Describe(again)}; warnings: {string.Join(" | ", host.Streams.Warning.Select(w => w.Message))})");
        Assert.Equal(StateChangeOutcome.Unchanged, record!.Outcome);
    }

    // ---------------------------------------------------------------------------------------------
    // Finding: a dependency declined at -Confirm is left as it was with no warning of what it can
    // still turn back on (a failed one gets that warning).
    // ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Hold_with_a_declined_rule_says_the_rule_can_still_turn_the_campaign_on()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(RuleTarget, "on");
        var answering = new AnsweringHost("Yes", "No");
        using var host = new PowerShellHost(answering);
        host.ConnectFast(org.Simulator.BaseUri);

        var records = Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id -Hold -Confirm", Args(("id", RuleTarget))));

        Assert.Equal(2, answering.Prompts.Count);
        var rule = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.CampaignRule);
        Assert.Equal(StateChangeOutcome.Unchanged, rule.Outcome);
        Assert.True(rule.Warnings.Any(w => w.Contains(SimulatorSeed.EnabledRuleTargetCampaignName, StringComparison.Ordinal)), $"Declined rule, no warning naming the campaign it can turn on: '{rule.Message}' [{string.Join(" | ", rule.Warnings)}]");
    }
}

using System.Management.Automation;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 12: Undo-GenesysCampaignChange puts back what change records say was changed (campaigns,
/// sequences, campaign rules), only while each object is as the change left it, with records and
/// audit lines of its own; an undo of an undo applies the change again.
/// </summary>
public sealed class UndoTests
{
    private const string Scheduled = SimulatorSeed.ScheduledCampaignId;           // Has a campaign schedule.
    private const string RuleTarget = SimulatorSeed.EnabledRuleTargetCampaignId; // Turned on by the enabled rule.

    private static async Task<(TestOrg Org, PowerShellHost Host, string Audit)> StartAsync()
    {
        var org = await TestOrg.StartAsync();
        var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-undo-");
        return (org, host, audit);
    }

    private static async Task<JsonObject> ReadAsync(TestOrg org, ToggleKind kind, string id) =>
        JsonNode.Parse((await org.Client().GetObjectAsync(kind, id, null, CancellationToken.None)).ToJson())!.AsObject();

    /// <summary>Two bodies alike in every field but those the server owns (version, dateModified).</summary>
    private static void AssertSameBody(JsonObject before, JsonObject after)
    {
        foreach (var owned in new[] { "version", "dateModified" })
        {
            before.Remove(owned);
            after.Remove(owned);
        }

        Assert.True(JsonNode.DeepEquals(before, after), $"Not put back as it was:\n{after.ToJsonString()}\nwas\n{before.ToJsonString()}");
    }

    [Fact]
    public async Task An_operation_read_back_from_the_audit_log_is_put_back_field_by_field_campaigns_first()
    {
        var (org, host, audit) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        var sequenceBefore = await ReadAsync(org, ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId);
        var ruleBefore = await ReadAsync(org, ToggleKind.CampaignRule, SimulatorSeed.EnabledRuleId);
        host.Run(
            "param($audit, $c, $s, $r) Suspend-GenesysCampaign -Id $c -Reason INC -AuditLogPath $audit -Wait; Suspend-GenesysCampaignSequence -Id $s -Reason INC -AuditLogPath $audit -WarningAction SilentlyContinue; Disable-GenesysCampaignRule -Id $r -Reason INC -AuditLogPath $audit",
            Args(("audit", audit), ("c", SimulatorSeed.UnreferencedOnCampaignId), ("s", SimulatorSeed.RenewalsSequenceId), ("r", SimulatorSeed.EnabledRuleId)));
        Assert.Equal("off", org.Simulator.GetStatus(SimulatorSeed.UnreferencedOnCampaignId));
        org.Simulator.ClearRequests();

        var undone = Records(host.Run("param($audit) Get-GenesysCampaignAuditLog $audit -Outcome Changed | Undo-GenesysCampaignChange -AuditLogPath $audit -Wait", Args(("audit", audit))));

        Assert.Empty(host.Streams.Error);
        Assert.Equal(
            new[] { (OutboundObjectKind.Campaign, CampaignAction.Resume), (OutboundObjectKind.Sequence, CampaignAction.Resume), (OutboundObjectKind.CampaignRule, CampaignAction.Enable) },
            undone.Select(r => (r.ObjectKind, r.Action)));
        Assert.All(undone, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Single(undone.Select(r => r.OperationId).Distinct());
        Assert.All(undone, r => Assert.StartsWith("Undo of operation ", r.Reason));

        Assert.Equal("on", org.Simulator.GetStatus(SimulatorSeed.UnreferencedOnCampaignId));
        AssertSameBody(sequenceBefore, await ReadAsync(org, ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId));
        AssertSameBody(ruleBefore, await ReadAsync(org, ToggleKind.CampaignRule, SimulatorSeed.EnabledRuleId));

        // Campaigns first: the campaign was turned on before the sequence, while the sequence was still off.
        var writes = org.Simulator.Requests.Where(r => r.Method is "PUT" or "POST" && r.Path.Contains("/outbound/", StringComparison.Ordinal) && !r.Path.Contains("notifications", StringComparison.Ordinal)).Select(r => r.Path).ToList();
        Assert.True(writes.FindIndex(p => p.EndsWith("/start", StringComparison.Ordinal)) < writes.FindIndex(p => p.Contains("/sequences/", StringComparison.Ordinal)), string.Join("\n", writes));
        Assert.Equal(6, File.ReadAllLines(audit).Length);
    }

    [Fact]
    public async Task An_object_changed_since_is_left_alone_with_a_warning_unless_Force()
    {
        var (org, host, audit) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        host.Run("param($r, $audit) $global:disabled = Disable-GenesysCampaignRule -Id $r -AuditLogPath $audit", Args(("r", SimulatorSeed.EnabledRuleId), ("audit", audit)));

        // Someone else enables and disables it again: same state, newer version.
        host.Run("param($r) Enable-GenesysCampaignRule -Id $r | Undo-GenesysCampaignChange", Args(("r", SimulatorSeed.EnabledRuleId)));
        org.Simulator.ClearRequests();

        var left = Assert.Single(Records(host.Run("$global:disabled | Undo-GenesysCampaignChange")));

        Assert.Equal((StateChangeOutcome.Unchanged, CampaignAction.Enable), (left.Outcome, left.Action));
        Assert.Contains("was changed since Disable", left.Message);
        Assert.Contains("use -Force", left.Message);
        Assert.Equal(left.Message, Assert.Single(left.Warnings));
        Assert.Contains(host.Streams.Warning, w => w.Message == left.Message);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "PUT");

        var forced = Assert.Single(Records(host.Run("$global:disabled | Undo-GenesysCampaignChange -Force")));
        Assert.Equal((StateChangeOutcome.Changed, "enabled"), (forced.Outcome, forced.FinalStatus));
    }

    [Fact]
    public async Task An_undo_of_an_undo_applies_the_change_again_and_records_that_changed_nothing_are_passed_over()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;

        var records = Records(host.Run(
            "param($on, $off) $global:paused = Suspend-GenesysCampaignSequence -Id $on, $off -WarningAction SilentlyContinue; $global:undo = $global:paused | Undo-GenesysCampaignChange; $global:undo; $global:undo | Undo-GenesysCampaignChange -WarningAction SilentlyContinue",
            Args(("on", SimulatorSeed.RenewalsSequenceId), ("off", SimulatorSeed.WinterSequenceId))));

        // The Winter Sequence was off already: Unchanged, so there is nothing to undo for it.
        var undo = Assert.Single(records, r => r.Action == CampaignAction.Resume);
        Assert.Equal((SimulatorSeed.RenewalsSequenceId, StateChangeOutcome.Changed, "on"), (undo.ObjectId, undo.Outcome, undo.FinalStatus));
        var redo = Assert.Single(records.Skip(1));
        Assert.Equal((CampaignAction.Suspend, StateChangeOutcome.Changed, "off"), (redo.Action, redo.Outcome, redo.FinalStatus));
        Assert.Equal("off", (await ReadAsync(org, ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhatIf_says_what_the_undo_would_do_and_sends_and_records_nothing()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);
        host.Run("param($r) $global:disabled = Disable-GenesysCampaignRule -Id $r -Confirm:$false", Args(("r", SimulatorSeed.EnabledRuleId)));
        sim.ClearRequests();

        Assert.Empty(host.Run("$global:disabled | Undo-GenesysCampaignChange -WhatIf"));

        var line = Assert.Single(answering.WhatIfLines);
        Assert.Contains("Enable (set enabled to true by full-body PUT)", line);
        Assert.Contains(SimulatorSeed.EnabledRuleName, line);
        Assert.DoesNotContain(sim.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Undo_of_a_hold_whose_schedule_PUT_back_lost_its_answer_says_what_happened()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        var losing = false;
        var handler = new LosingHandler((r, _) => losing && r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.StartsWith(Requests.CampaignSchedulePath, StringComparison.Ordinal), times: 1);
        ConnectThrough(host, org.Simulator.BaseUri, handler);
        var audit = TestFiles.NewAuditPath("gc-hold-undo-");
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.False(await Requests.ScheduleExistsAsync(org, Scheduled));
        losing = true;
        org.Simulator.ClearRequests();

        var undone = Records(host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit))));

        Assert.Equal(1, handler.Lost);
        Assert.True(await Requests.ScheduleExistsAsync(org, Scheduled)); // The PUT applied.
        var restored = Assert.Single(undone, r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        var puts = org.Simulator.Requests.Count(r => r.Method == "PUT" && r.Path.StartsWith(Requests.CampaignSchedulePath, StringComparison.Ordinal));
        Assert.True(restored.Outcome == StateChangeOutcome.Changed && restored.FinalStatus == GenesysCampaignSchedule.Scheduled, $"Schedule put back, but its record says {restored.Outcome} (final '{restored.FinalStatus}', {puts} PUT(s)): {restored.Message} {Ids(host.Streams.Error)}");
    }

    [Theory]
    [InlineData("{\"campaign\": ")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"" + Scheduled + "\",\"messagingCampaign\":{\"id\":\"" + Scheduled + "\"}}")] // Another kind's schedule.
    public async Task Undo_with_a_damaged_ReplacedBody_still_puts_back_the_other_objects(string damaged)
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-hold-undo-");
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.Equal("off", org.Simulator.GetStatus(Scheduled));
        var edited = TestFiles.NewAuditPath("gc-hold-undo-");
        File.WriteAllLines(edited, File.ReadAllLines(audit).Select(line =>
        {
            var node = JsonNode.Parse(line)!.AsObject();
            if (node["replacedBody"] is not null)
            {
                node["replacedBody"] = damaged;
            }

            return node.ToJsonString();
        }));

        var (output, thrown) = host.TryRun("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false", Args(("audit", edited)));
        var undone = Records(output);

        Assert.True(thrown is null, $"The undo died: {thrown?.GetType().Name}: {thrown?.Message}");
        var campaign = undone.SingleOrDefault(r => r.ObjectKind == OutboundObjectKind.Campaign);
        Assert.True(campaign?.Outcome == StateChangeOutcome.Changed, $"Campaign not put back (records: {Describe(undone)}); errors: {Ids(host.Streams.Error)}");
        Assert.Equal("on", org.Simulator.GetStatus(Scheduled));
        Assert.Contains(host.Streams.Warning.Select(w => w.Message).Concat(host.Streams.Error.Select(e => e.Exception.Message)), m => m.Contains(Scheduled, StringComparison.OrdinalIgnoreCase));
        var schedule = Assert.Single(undone, r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        Assert.Equal((StateChangeOutcome.Failed, Failures.RecordUnreadable), (schedule.Outcome, schedule.ErrorCode));
    }

    [Fact]
    public async Task Undo_puts_back_the_campaign_when_its_rule_cannot_be_read()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(RuleTarget, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-hold-undo-");
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", RuleTarget), ("audit", audit)));
        Assert.Equal("off", org.Simulator.GetStatus(RuleTarget));
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "GET", PathContains = "/campaignrules/" + SimulatorSeed.EnabledRuleId, Count = 1000 });

        var (output, thrown) = host.TryRun("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit)));
        var undone = Records(output);

        Assert.True(thrown is null, $"The undo died before anything was sent: {(thrown as RuntimeException)?.ErrorRecord?.FullyQualifiedErrorId} {thrown?.Message}");
        Assert.True(org.Simulator.GetStatus(RuleTarget) == "on", $"Campaign left {org.Simulator.GetStatus(RuleTarget)} (records: {Describe(undone)}); errors: {Ids(host.Streams.Error)}");
        var rule = Assert.Single(undone, r => r.ObjectKind == OutboundObjectKind.CampaignRule);
        Assert.Equal((StateChangeOutcome.Failed, FailureKind.PermissionDenied), (rule.Outcome, rule.Failure));
    }

    [Fact]
    public async Task Undo_of_two_holds_of_a_recreated_schedule_puts_back_the_newest_body()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-hold-undo-");
        var api = org.Client();
        var original = JsonNode.Parse((await api.GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).ToJson())!.AsObject();
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.False(await Requests.ScheduleExistsAsync(org, Scheduled));

        // Someone re-creates the schedule with another name and turns the campaign on again.
        var recreated = original.DeepClone().AsObject();
        recreated["name"] = "Re-created by ops";
        await api.SendAsync(HttpMethod.Put, Requests.CampaignSchedulePath.TrimStart('/') + Scheduled, recreated.ToJsonString(), null, "test setup", CancellationToken.None);
        Assert.True(await Requests.ScheduleExistsAsync(org, Scheduled));
        org.Simulator.SetStatus(Scheduled, "on");
        await Task.Delay(20); // Distinct timestamps.
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit)));
        Assert.False(await Requests.ScheduleExistsAsync(org, Scheduled));

        host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit)));

        var now = (await api.GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).Name;
        Assert.True(now == "Re-created by ops", $"Undo put back '{now}', the body the first hold removed, over the re-created schedule the second hold removed.");
    }

    [Fact]
    public async Task Undo_leaves_alone_a_schedule_someone_made_since_the_hold_unless_Force()
    {
        await using var org = await TestOrg.StartAsync();
        const string Email = SimulatorSeed.ScheduledEmailCampaignId;
        org.Simulator.SetStatus(Email, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-hold-undo-");
        var api = org.Client();
        var theirs = JsonNode.Parse((await api.GetScheduleAsync(ScheduleKind.EmailCampaign, Email, null, CancellationToken.None)).ToJson())!.AsObject();
        host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -Wait -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Email), ("audit", audit)));

        // A colleague makes a new schedule for the campaign, and edits it once (version 2: the one removed was at 1).
        theirs["name"] = "Made by a colleague";
        theirs["version"] = null;
        await api.SendAsync(HttpMethod.Put, $"api/v2/outbound/schedules/emailcampaigns/{Email}", theirs.ToJsonString(), null, "test setup", CancellationToken.None);
        theirs["version"] = 1;
        await api.SendAsync(HttpMethod.Put, $"api/v2/outbound/schedules/emailcampaigns/{Email}", theirs.ToJsonString(), null, "test setup", CancellationToken.None);
        Assert.Equal(2, (await api.GetScheduleAsync(ScheduleKind.EmailCampaign, Email, null, CancellationToken.None)).Version);
        org.Simulator.ClearRequests();

        var undone = Records(host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Where-Object ObjectKind -ne Campaign | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit))));

        var left = Assert.Single(undone);
        Assert.Equal((OutboundObjectKind.EmailCampaignSchedule, StateChangeOutcome.Unchanged), (left.ObjectKind, left.Outcome));
        Assert.Contains("was changed since", left.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "PUT");
        Assert.Equal("Made by a colleague", (await api.GetScheduleAsync(ScheduleKind.EmailCampaign, Email, null, CancellationToken.None)).Name);

        var forced = Records(host.Run("param($audit) Get-GenesysCampaignAuditLog $audit -ObjectKind EmailCampaignSchedule -Outcome Changed | Where-Object Action -eq Remove | Undo-GenesysCampaignChange -Force -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit))));
        Assert.Equal(StateChangeOutcome.Changed, Assert.Single(forced).Outcome);
        Assert.Equal(SimulatorSeed.EmailScheduleName, (await api.GetScheduleAsync(ScheduleKind.EmailCampaign, Email, null, CancellationToken.None)).Name);
    }

    [Fact]
    public async Task Undo_of_a_schedule_restore_when_the_schedule_is_gone_has_a_record()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        using var host = new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        host.Run("param($id) $global:held = Suspend-GenesysCampaign -Id $id -Hold -Wait -Confirm:$false -WarningAction SilentlyContinue", Args(("id", Scheduled)));
        host.Run("$global:restored = $global:held | Where-Object ObjectKind -ne Campaign | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue");
        Assert.True(await Requests.ScheduleExistsAsync(org, Scheduled));
        await org.Client().DeleteScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None);

        var again = Records(host.Run("$global:restored | Undo-GenesysCampaignChange -Confirm:$false"));

        var record = again.SingleOrDefault(r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        Assert.True(record is not null, $"No record for the schedule given (records: {Describe(again)}; warnings: {string.Join(" | ", host.Streams.Warning.Select(w => w.Message))})");
        Assert.Equal(StateChangeOutcome.Unchanged, record!.Outcome);
    }
}

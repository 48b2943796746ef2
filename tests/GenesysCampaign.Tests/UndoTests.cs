using System.Management.Automation;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 12: Undo-GenesysCampaignChange puts back what change records say was changed (campaigns,
/// sequences, campaign rules), only while each object is as the change left it, with records and
/// audit lines of its own; an undo of an undo applies the change again.
/// </summary>
public sealed class UndoTests
{
    private static async Task<(TestOrg Org, PowerShellHost Host, string Audit)> StartAsync()
    {
        var org = await TestOrg.StartAsync();
        var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        var audit = Path.Combine(Directory.CreateTempSubdirectory("gc-undo-").FullName, "audit.jsonl");
        return (org, host, audit);
    }

    private static List<GenesysCampaignStateChange> Records(IEnumerable<PSObject> output) =>
        output.Select(o => Assert.IsType<GenesysCampaignStateChange>(o.BaseObject)).ToList();

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

        var line = Assert.Single(answering.Lines, l => l.StartsWith("What if:", StringComparison.Ordinal));
        Assert.Contains("Enable (set enabled to true by full-body PUT)", line);
        Assert.Contains(SimulatorSeed.EnabledRuleName, line);
        Assert.DoesNotContain(sim.Requests, r => r.Method == "PUT");
    }
}

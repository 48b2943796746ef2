using System.Management.Automation;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 11: Suspend-/Resume-GenesysCampaignSequence and Disable-/Enable-GenesysCampaignRule, through
/// the cmdlets, against the simulator: full-body PUTs that keep every field, records and audit lines
/// like the campaign cmdlets', and the same input, -WhatIf and error semantics.
/// </summary>
public sealed class SequenceAndRuleChangeTests
{
    private const string SequencePath = "/api/v2/outbound/sequences/" + SimulatorSeed.RenewalsSequenceId;
    private const string RulePath = "/api/v2/outbound/campaignrules/" + SimulatorSeed.EnabledRuleId;

    private static async Task<(TestOrg Org, PowerShellHost Host, string Audit)> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var org = await TestOrg.StartAsync(configure);
        var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        org.Simulator.ClearRequests();
        var audit = TestFiles.NewAuditPath("gc-toggle-");
        return (org, host, audit);
    }

    private static List<RequestLogEntry> Puts(TestOrg org, string path) =>
        org.Simulator.Requests.Where(r => r.Method == "PUT" && r.Path == path).ToList();

    /// <summary>The JSON of one object as the simulator holds it now, by the module's own client.</summary>
    private static async Task<string> ReadJsonAsync(TestOrg org, ToggleKind kind, string id) =>
        (await org.Client().GetObjectAsync(kind, id, null, CancellationToken.None)).ToJson();

    /// <summary>Every field of <paramref name="original"/> is in <paramref name="body"/> unchanged, but <paramref name="field"/>.</summary>
    private static void AssertOnlyFieldChanged(string original, string body, string field, JsonNode expected)
    {
        var before = JsonNode.Parse(original)!.AsObject();
        var after = JsonNode.Parse(body)!.AsObject();
        Assert.True(JsonNode.DeepEquals(expected, after[field]), $"{field} is {after[field]?.ToJsonString()}");
        before.Remove(field);
        after.Remove(field);
        Assert.True(JsonNode.DeepEquals(before, after), $"The PUT lost or changed a field:\n{body}\nwas\n{original}");
    }

    [Fact]
    public async Task Suspend_GenesysCampaignSequence_puts_the_whole_sequence_back_with_only_status_off_and_records_what_it_replaced()
    {
        var (org, host, audit) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        var original = await ReadJsonAsync(org, ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId);
        org.Simulator.ClearRequests();

        var record = Assert.Single(Records(host.Run(
            "param($audit) Suspend-GenesysCampaignSequence -Name 'renewals*' -Reason 'INC-1' -AuditLogPath $audit -Confirm:$false",
            Args(("audit", audit)))));

        var put = Assert.Single(Puts(org, SequencePath));
        AssertOnlyFieldChanged(original, put.Body!, "status", JsonValue.Create("off"));
        Assert.Equal(
            (OutboundObjectKind.Sequence, SimulatorSeed.RenewalsSequenceId, SimulatorSeed.RenewalsSequenceName, (string?)null, CampaignAction.Suspend),
            (record.ObjectKind, record.ObjectId, record.ObjectName, record.CampaignId, record.Action));
        Assert.Equal((StateChangeOutcome.Changed, "on", "off", "off", "PUT off", "INC-1"), (record.Outcome, record.PreviousStatus, record.RequestedStatus, record.FinalStatus, record.WrittenWith, record.Reason));
        Assert.Equal(original, record.ReplacedBody);
        Assert.Null(record.ErrorCode);
        Assert.Empty(host.Streams.Error);

        // Its current campaign may still be dialing: the record and the warning stream say which, and how to pause it.
        var caution = Assert.Single(record.Warnings);
        Assert.Contains(SimulatorSeed.RenewalsSequenceOnCampaignName, caution);
        Assert.Contains("Suspend-GenesysCampaign -Id " + SimulatorSeed.RenewalsSequenceOnCampaignId, caution);
        Assert.Equal(caution, Assert.Single(host.Streams.Warning).Message);

        // The audit line is the record, the replaced body included, and reads back as one.
        var line = Assert.Single(File.ReadAllLines(audit));
        var read = JsonLinesAuditSink.FromLine(line);
        Assert.Equal((OutboundObjectKind.Sequence, SimulatorSeed.RenewalsSequenceId, original, record.OperationId), (read.ObjectKind, read.ObjectId, read.ReplacedBody, read.OperationId));
        Assert.Equal("off", JsonNode.Parse(await ReadJsonAsync(org, ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Disable_GenesysCampaignRule_puts_the_whole_rule_back_with_only_enabled_false_and_Enable_puts_it_back_on()
    {
        var (org, host, audit) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        var original = await ReadJsonAsync(org, ToggleKind.CampaignRule, SimulatorSeed.EnabledRuleId);
        org.Simulator.ClearRequests();

        var disabled = Assert.Single(Records(host.Run(
            "param($id, $audit) Get-GenesysCampaignRule -Id $id | Disable-GenesysCampaignRule -AuditLogPath $audit -Confirm:$false",
            Args(("id", SimulatorSeed.EnabledRuleId), ("audit", audit)))));

        AssertOnlyFieldChanged(original, Assert.Single(Puts(org, RulePath)).Body!, "enabled", JsonValue.Create(false));
        Assert.Equal((OutboundObjectKind.CampaignRule, StateChangeOutcome.Changed, "enabled", "disabled", "PUT disabled"), (disabled.ObjectKind, disabled.Outcome, disabled.PreviousStatus, disabled.FinalStatus, disabled.WrittenWith));
        Assert.Equal(original, disabled.ReplacedBody);

        org.Simulator.ClearRequests();
        var disabledJson = await ReadJsonAsync(org, ToggleKind.CampaignRule, SimulatorSeed.EnabledRuleId);
        var enabled = Assert.Single(Records(host.Run(
            "param($id, $audit) Enable-GenesysCampaignRule $id -AuditLogPath $audit -Confirm:$false",
            Args(("id", SimulatorSeed.EnabledRuleId), ("audit", audit)))));
        AssertOnlyFieldChanged(disabledJson, Assert.Single(Puts(org, RulePath)).Body!, "enabled", JsonValue.Create(true));
        Assert.Equal((CampaignAction.Enable, StateChangeOutcome.Changed, "disabled", "enabled"), (enabled.Action, enabled.Outcome, enabled.PreviousStatus, enabled.FinalStatus));
        Assert.Equal(2, File.ReadAllLines(audit).Length);
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task A_sequence_already_off_and_a_rule_already_disabled_are_Unchanged_and_nothing_is_sent()
    {
        var (org, host, audit) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        var records = Records(host.Run(
            "param($s, $r, $audit) Suspend-GenesysCampaignSequence -Id $s -AuditLogPath $audit -Confirm:$false; Disable-GenesysCampaignRule -Id $r -AuditLogPath $audit -Confirm:$false",
            Args(("s", SimulatorSeed.WinterSequenceId), ("r", SimulatorSeed.DisabledRuleId), ("audit", audit))));

        Assert.Equal(new[] { StateChangeOutcome.Unchanged, StateChangeOutcome.Unchanged }, records.Select(r => r.Outcome));
        Assert.Equal($"Sequence '{SimulatorSeed.WinterSequenceName}' is already off.", records[0].Message);
        Assert.Equal($"Campaign rule '{SimulatorSeed.DisabledRuleName}' is already disabled.", records[1].Message);
        Assert.All(records, r => Assert.Null(r.WrittenWith));
        Assert.All(records, r => Assert.Null(r.ReplacedBody));
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "PUT");
        Assert.Equal(2, File.ReadAllLines(audit).Length);
    }

    [Fact]
    public async Task A_sequence_changed_since_it_was_read_is_read_again_and_the_PUT_keeps_the_other_change()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;

        // Read by Get-, then changed by someone else (repeat turned off): the object piped in is stale.
        host.Run("$global:stale = Get-GenesysCampaignSequence -Id " + SimulatorSeed.RenewalsSequenceId);
        var current = JsonNode.Parse(await ReadJsonAsync(org, ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId))!.AsObject();
        current["repeat"] = false;
        await org.Client().SendAsync(HttpMethod.Put, SequencePath.TrimStart('/'), current.ToJsonString(), null, "test setup", CancellationToken.None);
        var newer = await ReadJsonAsync(org, ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId);
        org.Simulator.ClearRequests();

        var record = Assert.Single(Records(host.Run("$global:stale | Suspend-GenesysCampaignSequence -Confirm:$false")));

        var puts = Puts(org, SequencePath);
        Assert.Equal(new[] { 409, 200 }, puts.Select(p => p.Status));
        AssertOnlyFieldChanged(newer, puts[1].Body!, "status", JsonValue.Create("off"));
        Assert.Equal((StateChangeOutcome.Changed, "PUT off"), (record.Outcome, record.WrittenWith));
        Assert.Equal(newer, record.ReplacedBody);
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task Bad_ids_ids_not_found_and_names_not_found_get_records_or_errors_after_the_batch_and_the_rest_is_changed()
    {
        var (org, host, audit) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        var records = Records(host.Run(
            "param($ids, $audit) $ids | Disable-GenesysCampaignRule -AuditLogPath $audit -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +global:errs; Disable-GenesysCampaignRule -Name 'No such rule' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +global:errs",
            Args(("ids", new[] { "not a rule!", "7a000000-0000-4000-8000-000000000099", SimulatorSeed.EnabledRuleId }), ("audit", audit))));
        var errors = host.Run("$global:errs").Select(e => (ErrorRecord)e.BaseObject).ToList();

        Assert.Equal(3, records.Count);
        var invalid = Assert.Single(records, r => r.ObjectId == "not a rule!");
        Assert.Equal((OutboundObjectKind.CampaignRule, StateChangeOutcome.Failed, Failures.InvalidCampaignRuleId, FailureKind.InvalidArgument), (invalid.ObjectKind, invalid.Outcome, invalid.ErrorCode, invalid.Failure));
        var missing = Assert.Single(records, r => r.ObjectId == "7a000000-0000-4000-8000-000000000099");
        Assert.Equal((StateChangeOutcome.Failed, Failures.CampaignRuleNotFound), (missing.Outcome, missing.ErrorCode));
        Assert.Equal(StateChangeOutcome.Changed, Assert.Single(records, r => r.ObjectId == SimulatorSeed.EnabledRuleId).Outcome);
        Assert.Equal(3, File.ReadAllLines(audit).Length);

        Assert.Equal(new[] { "InvalidCampaignRuleId", "CampaignRuleNotFound", "CampaignRuleNotFound" }, errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(new[] { ErrorCategory.InvalidArgument, ErrorCategory.ObjectNotFound, ErrorCategory.ObjectNotFound }, errors.Select(e => e.CategoryInfo.Category));
        Assert.Contains("'No such rule'", errors[2].Exception.Message);
    }

    [Fact]
    public async Task A_campaign_piped_to_a_sequence_cmdlet_is_no_sequence_and_the_sequence_piped_with_it_is_still_changed_without_a_read()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;
        host.Run("param($c, $s) $global:given = @((Get-GenesysCampaign -Id $c), (Get-GenesysCampaignSequence -Id $s))", Args(("c", SimulatorSeed.UnreferencedOnCampaignId), ("s", SimulatorSeed.RenewalsSequenceId)));
        org.Simulator.ClearRequests();

        var records = Records(host.Run("$global:given | Suspend-GenesysCampaignSequence -Confirm:$false"));

        // The campaign binds by its Id: no sequence has it. The sequence object is used as given (not read again).
        Assert.Equal(new[] { StateChangeOutcome.Failed, StateChangeOutcome.Changed }, records.Select(r => r.Outcome));
        Assert.Equal((OutboundObjectKind.Sequence, SimulatorSeed.UnreferencedOnCampaignId, Failures.SequenceNotFound), (records[0].ObjectKind, records[0].ObjectId, records[0].ErrorCode));
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("CampaignSequenceNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "GET" && r.Path == SequencePath);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "PUT" && r.Path.Contains("/campaigns/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_edit_permission_the_record_is_Failed_PermissionDenied_and_names_the_permission()
    {
        var org = await TestOrg.StartAsync(o => o.Clients["view-only"] = new SimulatedClient("s", new HashSet<string> { EndpointPermissions.SequenceView }));
        await using var _ = org;
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri, "s", "view-only");

        var records = Records(host.Run("Suspend-GenesysCampaignSequence -Id " + SimulatorSeed.RenewalsSequenceId + " -Confirm:$false"));
        Assert.True(records.Count == 1, string.Join("\n", host.Streams.Error.Select(e => e.ToString())));
        var record = records[0];

        Assert.Equal((StateChangeOutcome.Failed, FailureKind.PermissionDenied, "on"), (record.Outcome, record.Failure, record.FinalStatus));
        Assert.Contains("outbound:campaignSequence:edit", record.Message);
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("CampaignSequencePermissionDenied,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
    }

    [Fact]
    public async Task WhatIf_says_per_object_what_would_happen_and_sends_and_records_nothing()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var audit = TestFiles.NewAuditPath("gc-toggle-whatif-");
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        var output = host.Run(
            "param($audit) Get-GenesysCampaignRule | Disable-GenesysCampaignRule -WhatIf -AuditLogPath $audit",
            Args(("audit", audit)));

        Assert.Empty(output);
        Assert.Empty(host.Streams.Error);
        Assert.Empty(answering.Prompts);
        Assert.DoesNotContain(sim.Requests, r => r.Method == "PUT");
        Assert.False(File.Exists(audit));
        var lines = answering.WhatIfLines;
        Assert.Equal(3, lines.Count);
        Assert.Contains("Performing the operation \"Disable (set enabled to false by full-body PUT)\" on target \"campaign rule '" + SimulatorSeed.EnabledRuleName, Assert.Single(lines, l => l.Contains(SimulatorSeed.EnabledRuleId, StringComparison.Ordinal)));
        Assert.Contains("is already disabled. Nothing would be sent.", Assert.Single(lines, l => l.Contains(SimulatorSeed.DisabledRuleId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Wait_reads_until_a_read_shows_the_new_state()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;

        var record = Assert.Single(Records(host.Run("Resume-GenesysCampaignSequence -Id " + SimulatorSeed.WinterSequenceId + " -Wait -Timeout 5 -Confirm:$false")));

        Assert.Equal((StateChangeOutcome.Changed, "off", "on"), (record.Outcome, record.PreviousStatus, record.FinalStatus));
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task Wait_fails_a_sequence_that_stopped_itself_after_the_PUT_said_on()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;
        org.Simulator.SetStatus(SimulatorSeed.WinterSequenceFirstCampaignId, "invalid");

        var record = Assert.Single(Records(host.Run("Resume-GenesysCampaignSequence -Id " + SimulatorSeed.WinterSequenceId + " -Wait -Timeout 10 -Confirm:$false")));

        // The PUT answered on; the sequence then stopped itself, for its campaign could not be started:
        // the resume did not reach what it leads to, whatever the PUT said.
        Assert.Equal((StateChangeOutcome.Failed, "off", "on"), (record.Outcome, record.PreviousStatus, record.RequestedStatus));
        Assert.Equal(("off", FailureKind.InvalidResult, Failures.StateNotReached), (record.FinalStatus, record.Failure, record.ErrorCode));
        Assert.Equal("PUT on", record.WrittenWith);
        Assert.Contains($"Campaign {SimulatorSeed.WinterSequenceFirstCampaignName} could not be started", record.Message);
        var error = Assert.Single(host.Streams.Error);
        Assert.Equal(("CampaignSequenceStateNotReached", System.Management.Automation.ErrorCategory.InvalidResult), (error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category));
    }

    [Fact]
    public async Task Records_piped_back_bind_by_ObjectId_so_a_Disable_is_undone_by_piping_its_records_to_Enable()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;

        var records = Records(host.Run("Disable-GenesysCampaignRule -Name 'Turn on Sales-*' -Confirm:$false | Where-Object Outcome -eq Changed | Enable-GenesysCampaignRule -Confirm:$false"));

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal((CampaignAction.Enable, StateChangeOutcome.Changed, "enabled"), (r.Action, r.Outcome, r.FinalStatus)));
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task Turning_a_scheduled_sequence_off_warns_of_its_schedule_and_WhatIf_says_so_too()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;
        host.Run("Resume-GenesysCampaignSequence -Id " + SimulatorSeed.WinterSequenceId + " -Confirm:$false");
        host.Streams.Warning.Clear();

        var record = Assert.Single(Records(host.Run("Suspend-GenesysCampaignSequence -Id " + SimulatorSeed.WinterSequenceId + " -Confirm:$false")));

        var warning = Assert.Single(record.Warnings, w => w.Contains(SimulatorSeed.SequenceScheduleName, StringComparison.Ordinal));
        Assert.Contains("turns sequence 'Winter Sequence' on by itself (next start 2030-01-07 14:00 UTC)", warning);
        Assert.Contains(host.Streams.Warning, w => w.Message == warning);
    }

    [Fact]
    public async Task A_sequence_record_piped_to_a_campaign_cmdlet_is_an_InvalidCampaignId_that_says_why()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;

        host.Run("Suspend-GenesysCampaignSequence -Id " + SimulatorSeed.RenewalsSequenceId + " -Confirm:$false -WarningAction SilentlyContinue | Suspend-GenesysCampaign -Confirm:$false");

        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("InvalidCampaignId,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-ObjectKind Campaign", error.Exception.Message);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/stop", StringComparison.Ordinal));
    }

    // Resume and Stop take change records (issue 22, point 5): one of another kind is Unchanged, pointing at the undo.
    [Fact]
    public async Task A_sequence_record_piped_to_Resume_GenesysCampaign_is_Unchanged_and_points_at_the_undo()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;

        var record = Assert.Single(Records(host.Run("Suspend-GenesysCampaignSequence -Id " + SimulatorSeed.RenewalsSequenceId + " -Confirm:$false -WarningAction SilentlyContinue | Resume-GenesysCampaign -Confirm:$false")));

        Assert.Empty(host.Streams.Error);
        Assert.Equal((OutboundObjectKind.Sequence, StateChangeOutcome.Unchanged), (record.ObjectKind, record.Outcome));
        Assert.Contains("not a campaign; Resume-GenesysCampaign does not act on it. To put back what that operation changed: Get-GenesysCampaignAuditLog <audit log> -OperationId", record.Message);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_campaign_id_given_to_a_sequence_cmdlet_is_named_as_a_campaign_when_this_connection_read_it()
    {
        var (org, host, _) = await StartAsync();
        await using var __ = org;
        using var ___ = host;

        var record = Assert.Single(Records(host.Run("Get-GenesysCampaign -Id " + SimulatorSeed.UnreferencedOnCampaignId + " | Suspend-GenesysCampaignSequence -Confirm:$false")));

        Assert.Equal((StateChangeOutcome.Failed, Failures.SequenceNotFound), (record.Outcome, record.ErrorCode));
        Assert.Contains("It is the id of a campaign", record.Message);
        Assert.Contains("| Get-GenesysCampaignSequence", record.Message);
    }

    [Theory]
    [InlineData(CampaignAction.Resume, "complete", false, "Rejected")]
    [InlineData(CampaignAction.Resume, "complete", true, "Write")]
    [InlineData(CampaignAction.Suspend, "complete", false, "Unchanged")]
    [InlineData(CampaignAction.Resume, "paused", false, "Rejected")]
    [InlineData(CampaignAction.Suspend, "paused", true, "Write")]
    [InlineData(CampaignAction.Resume, "off", false, "Write")]
    [InlineData(CampaignAction.Resume, "on", false, "Unchanged")]
    public void A_sequence_is_decided_by_its_status(CampaignAction action, string status, bool force, string expected)
    {
        var json = JsonNode.Parse(DependencyModelTests.FixtureText("sequence.json"))!.AsObject();
        json["status"] = status;
        var sequence = GenesysCampaignSequence.Parse(json.ToJsonString());

        var decision = ToggleKind.Sequence.Decide(action, sequence, force);

        Assert.Equal(expected, decision.Kind.ToString()); // By name: DecisionKind is internal.
        if (decision.Kind == DecisionKind.Rejected)
        {
            Assert.Contains("-Force", decision.Message);
        }
    }

    [Fact]
    public void A_kind_refuses_an_action_it_does_not_take()
    {
        var error = Assert.Throws<ArgumentException>(() => ToggleKind.CampaignRule.TargetOf(CampaignAction.Suspend));
        Assert.Contains("Disable or Enable", error.Message);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 12: Suspend-GenesysCampaign -Hold keeps campaigns off against the simulator's clock (its
/// schedules) and rules, by turning off, disabling and removing what could turn them back on, each
/// with its record; Undo-GenesysCampaignChange of that operation puts every object back as it was.
/// </summary>
public sealed class HoldTests
{
    private const string RuleTarget = SimulatorSeed.EnabledRuleTargetCampaignId; // Turned on by the enabled rule.
    private const string Scheduled = SimulatorSeed.ScheduledCampaignId;          // Has a campaign schedule.
    private const string InSequence = SimulatorSeed.RenewalsSequenceOnCampaignId; // Current campaign of the running sequence.
    private static readonly string[] Held = { RuleTarget, Scheduled, InSequence };

    /// <summary>A body without the fields the server owns (and sets anew on a schedule put back).</summary>
    private static JsonObject Owned(string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        foreach (var owned in new[] { "version", "dateModified", "dateCreated", "selfUri" })
        {
            body.Remove(owned);
        }

        return body;
    }

    private static async Task<(string Sequence, string Rule, string Schedule)> BodiesAsync(TestOrg org)
    {
        var api = org.Client();
        return (
            (await api.GetObjectAsync(ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId, null, CancellationToken.None)).ToJson(),
            (await api.GetObjectAsync(ToggleKind.CampaignRule, SimulatorSeed.EnabledRuleId, null, CancellationToken.None)).ToJson(),
            (await api.GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).ToJson());
    }

    /// <summary>The seeded campaign schedule's intervals are past: one is put an hour ahead of the simulator's clock (in UTC).</summary>
    private static async Task ScheduleAnIntervalAheadAsync(TestOrg org)
    {
        var path = "api/v2/outbound/schedules/campaigns/" + Scheduled;
        var api = org.Client();
        var schedule = JsonNode.Parse((await api.GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).ToJson())!.AsObject();
        var start = org.Simulator.ClockNow.UtcDateTime.AddHours(1);
        schedule["timeZone"] = "UTC";
        schedule["intervals"] = new JsonArray(new JsonObject { ["start"] = start.ToString("yyyy-MM-ddTHH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), ["end"] = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) });
        await api.SendAsync(HttpMethod.Put, path, schedule.ToJsonString(), null, "test setup", CancellationToken.None);
    }

    /// <summary>Moves the simulator's clock past the schedule's next start and makes the rule's condition true.</summary>
    private static async Task TryToTurnThemBackOnAsync(TestOrg org, DateTime nextStart)
    {
        org.Simulator.AdvanceClock(new DateTimeOffset(nextStart, TimeSpan.Zero).AddMinutes(1) - org.Simulator.ClockNow);
        org.Simulator.TriggerRule(SimulatorSeed.EnabledRuleId);
        await Task.Delay(500); // Let the dialer settle whatever was turned on.
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_held_pause_stays_off_past_the_schedule_and_the_rule_and_its_undo_puts_everything_back(bool hold)
    {
        await using var org = await TestOrg.StartAsync();
        foreach (var id in Held)
        {
            org.Simulator.SetStatus(id, "on");
        }

        await ScheduleAnIntervalAheadAsync(org);
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-hold-");
        var before = await BodiesAsync(org);
        var nextStart = GenesysCampaignSchedule.Parse(before.Schedule, ScheduleKind.Campaign, org.Simulator.ClockNow).NextStart;
        Assert.NotNull(nextStart);

        var records = Records(host.Run(
            $"param($ids, $audit) Suspend-GenesysCampaign -Id $ids -Wait -Reason INC-9 -AuditLogPath $audit -WarningAction SilentlyContinue {(hold ? "-Hold" : "-Force")}",
            Args(("ids", Held), ("audit", audit))));
        Assert.Empty(host.Streams.Error);
        Assert.All(Held, id => Assert.Equal("off", org.Simulator.GetStatus(id)));

        await TryToTurnThemBackOnAsync(org, nextStart!.Value);

        if (!hold)
        {
            // Without -Hold the pause does not hold: the schedule and the rule turn their campaigns back on.
            Assert.Equal("on", org.Simulator.GetStatus(Scheduled));
            Assert.Equal("on", org.Simulator.GetStatus(RuleTarget));
            return;
        }

        Assert.All(Held, id => Assert.Equal("off", org.Simulator.GetStatus(id)));
        Assert.Equal(
            new[] { (OutboundObjectKind.Campaign, 3), (OutboundObjectKind.Sequence, 1), (OutboundObjectKind.CampaignRule, 1), (OutboundObjectKind.CampaignSchedule, 1) },
            records.GroupBy(r => r.ObjectKind).Select(g => (g.Key, g.Count())));
        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Single(records.Select(r => r.OperationId).Distinct());
        var removed = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        Assert.Equal((CampaignAction.Remove, "DELETE", before.Schedule), (removed.Action, removed.WrittenWith, removed.ReplacedBody));

        var undone = Records(host.Run(
            "param($audit, $op) Get-GenesysCampaignAuditLog $audit -OperationId $op | Undo-GenesysCampaignChange -Wait -AuditLogPath $audit",
            Args(("audit", audit), ("op", records[0].OperationId))));

        Assert.Empty(host.Streams.Error);
        Assert.Equal(6, undone.Count);
        Assert.All(undone, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.All(Held, id => Assert.Equal("on", org.Simulator.GetStatus(id)));
        var after = await BodiesAsync(org);
        Assert.True(JsonNode.DeepEquals(Owned(before.Sequence), Owned(after.Sequence)), after.Sequence);
        Assert.True(JsonNode.DeepEquals(Owned(before.Rule), Owned(after.Rule)), after.Rule);
        Assert.True(JsonNode.DeepEquals(Owned(before.Schedule), Owned(after.Schedule)), after.Schedule);
    }

    // A new user's incident (issue 22): with -Wait, the rules, schedules and sequence of a hold were changed
    // only once the dialer had settled every campaign (15 s there), in which time they could start one again.
    [Fact]
    public async Task A_hold_with_Wait_neutralises_what_could_turn_the_campaigns_on_before_they_settle()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(3));
        foreach (var id in Held)
        {
            org.Simulator.SetStatus(id, "on");
        }

        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        var records = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Hold -Wait -Force -InformationAction Ignore", Args(("ids", Held))));

        var campaigns = records.Where(r => r.ObjectKind == OutboundObjectKind.Campaign).ToList();
        Assert.All(campaigns, r => Assert.Equal(("Changed", "off"), (r.Outcome.ToString(), r.FinalStatus)));
        var firstSettled = campaigns.Min(r => r.SettledAt!.Value);
        var held = records.Where(r => r.ObjectKind != OutboundObjectKind.Campaign).ToList();
        Assert.Equal(3, held.Count);
        Assert.All(held, r => Assert.True(r.WrittenAt < firstSettled, $"{r.ObjectKind} '{r.ObjectName}' was written at {r.WrittenAt:HH:mm:ss.fff}, after the first campaign settled at {firstSettled:HH:mm:ss.fff}"));
    }

    [Fact]
    public async Task A_hold_of_email_and_WhatsApp_campaigns_removes_their_schedules_from_each_list_and_its_undo_puts_them_back()
    {
        await using var org = await TestOrg.StartAsync();
        const string Email = SimulatorSeed.ScheduledEmailCampaignId, WhatsApp = SimulatorSeed.ScheduledWhatsAppCampaignId;
        org.Simulator.SetStatus(Email, "on");
        org.Simulator.SetStatus(WhatsApp, "on");
        var api = org.Client();

        // Which list Genesys keeps an email campaign's schedule in is not documented: one in the messaging
        // campaign schedule list too is removed as well.
        var copy = JsonNode.Parse((await api.GetScheduleAsync(ScheduleKind.EmailCampaign, Email, null, CancellationToken.None)).ToJson())!.AsObject();
        copy["messagingCampaign"] = copy["emailCampaign"]!.DeepClone();
        foreach (var field in new[] { "emailCampaign", "id", "version", "selfUri", "dateCreated" })
        {
            copy.Remove(field);
        }

        await api.SendAsync(HttpMethod.Put, "api/v2/outbound/schedules/messagingcampaigns/" + Email, copy.ToJsonString(), null, "test setup", CancellationToken.None);
        var kinds = new[] { (ScheduleKind.MessagingCampaign, Email), (ScheduleKind.EmailCampaign, Email), (ScheduleKind.WhatsAppCampaign, WhatsApp) };
        var before = new List<string>();
        foreach (var (kind, id) in kinds)
        {
            before.Add((await api.GetScheduleAsync(kind, id, null, CancellationToken.None)).ToJson());
        }

        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-hold-");
        var records = Records(host.Run("param($ids, $audit) Suspend-GenesysCampaign -Id $ids -Hold -Wait -AuditLogPath $audit", Args(("ids", new[] { Email, WhatsApp }), ("audit", audit))));

        Assert.Empty(host.Streams.Error);
        Assert.Equal(
            new[] { OutboundObjectKind.Campaign, OutboundObjectKind.Campaign, OutboundObjectKind.MessagingCampaignSchedule, OutboundObjectKind.EmailCampaignSchedule, OutboundObjectKind.WhatsAppCampaignSchedule },
            records.Select(r => r.ObjectKind).Order()); // Schedules are removed side by side: records come as they end.
        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Equal(before, records.Where(r => r.ObjectKind != OutboundObjectKind.Campaign).OrderBy(r => r.ObjectKind).Select(r => r.ReplacedBody));
        foreach (var (kind, id) in kinds)
        {
            Assert.False(await Requests.ScheduleExistsAsync(org, id, kind), kind.ToString());
        }

        // Past both schedules' first intervals (2030-01-09 and -10): nothing turns them back on.
        SimulatorEstateTests.MoveTo(org.Simulator, new DateTimeOffset(2030, 1, 10, 16, 1, 0, TimeSpan.Zero));
        await Task.Delay(500);
        Assert.Equal(("off", "off"), (org.Simulator.GetStatus(Email), org.Simulator.GetStatus(WhatsApp)));

        var undone = Records(host.Run(
            "param($audit, $op) Get-GenesysCampaignAuditLog $audit -OperationId $op | Undo-GenesysCampaignChange -Wait -AuditLogPath $audit",
            Args(("audit", audit), ("op", records[0].OperationId))));

        Assert.Empty(host.Streams.Error);
        Assert.Equal(records.Select(r => r.ObjectKind).Order(), undone.Select(r => r.ObjectKind).Order());
        Assert.All(undone, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        for (var i = 0; i < kinds.Length; i++)
        {
            var back = (await api.GetScheduleAsync(kinds[i].Item1, kinds[i].Item2, null, CancellationToken.None)).ToJson();
            Assert.True(JsonNode.DeepEquals(Owned(before[i]), Owned(back)), back);
        }

        // Put back, they act again: the WhatsApp schedule's next Wednesday turns its campaign on.
        org.Simulator.SetStatus(WhatsApp, "off");
        SimulatorEstateTests.MoveTo(org.Simulator, new DateTimeOffset(2030, 1, 16, 17, 1, 0, TimeSpan.Zero));
        await Task.Delay(500);
        Assert.Equal("on", org.Simulator.GetStatus(WhatsApp));
    }

    [Fact]
    public async Task A_rule_that_cannot_be_disabled_leaves_the_campaign_paused_and_says_what_can_still_turn_it_on()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(RuleTarget, "on");
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "PUT", PathContains = "/campaignrules/", Count = 1000 });
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);

        var records = Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id -Hold", Args(("id", RuleTarget))));

        Assert.Contains(org.Simulator.GetStatus(RuleTarget), new[] { "stopping", "off" }); // Paused all the same.
        var campaign = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.Campaign);
        Assert.Equal(StateChangeOutcome.Changed, campaign.Outcome);
        var rule = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.CampaignRule);
        Assert.Equal((StateChangeOutcome.Failed, FailureKind.PermissionDenied), (rule.Outcome, rule.Failure));
        var warning = Assert.Single(rule.Warnings, w => w.Contains("can still turn campaign(s)", StringComparison.Ordinal));
        Assert.Contains(SimulatorSeed.EnabledRuleTargetCampaignName, warning);
        Assert.Contains(host.Streams.Warning, w => w.Message == warning);
        Assert.StartsWith("CampaignRulePermissionDenied,", Assert.Single(host.Streams.Error).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task A_409_on_the_sequence_and_a_429_on_the_schedule_delete_are_ridden_out_and_every_object_is_changed_and_recorded()
    {
        await using var org = await TestOrg.StartAsync();
        foreach (var id in Held)
        {
            org.Simulator.SetStatus(id, "on");
        }

        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.VersionBump, Method = "PUT", PathContains = "/sequences/", Count = 1 });
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "DELETE", PathContains = "/schedules/", Count = 1, RetryAfterSeconds = 1 });
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-hold-faults-");

        var records = Records(host.Run("param($ids, $audit) Suspend-GenesysCampaign -Id $ids -Hold -AuditLogPath $audit -WarningAction SilentlyContinue", Args(("ids", Held), ("audit", audit))));

        Assert.Empty(host.Streams.Error);
        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Equal(6, File.ReadAllLines(audit).Length);
        var sequencePuts = org.Simulator.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/sequences/", StringComparison.Ordinal)).Select(r => r.Status).ToList();
        Assert.Equal(new[] { 409, 200 }, sequencePuts);
        var deletes = org.Simulator.Requests.Where(r => r.Method == "DELETE").Select(r => r.Status).ToList();
        Assert.Equal(new[] { 429, 204 }, deletes);
        Assert.Equal("off", (await org.Client().GetObjectAsync(ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId, null, CancellationToken.None) as GenesysCampaignSequence)!.Status);
    }

    [Fact]
    public async Task Ctrl_C_after_the_campaigns_leaves_a_record_for_each_object_the_hold_did_not_reach()
    {
        // The campaigns are paused, then Ctrl+C: nothing more is sent, but what could turn them back on
        // must not go unrecorded, or the audit log reads as a hold that held.
        await using var org = await TestOrg.StartAsync();
        var api = org.Client();
        var campaigns = await api.GetCampaignsByIdAsync(Held, null, CancellationToken.None);
        using var waiter = new GenesysCloud.Outbound.Engine.PollingCampaignWaiter(api);
        var executor = new GenesysCloud.Outbound.Engine.StateChangeExecutor(api, waiter, null);
        var request = new GenesysCloud.Outbound.Engine.StateChangeRequest(CampaignAction.Suspend) { Hold = true, Reason = "INC-1" };
        var plans = await executor.PlanHoldAsync(campaigns, request, CancellationToken.None);
        var dependencies = plans.Where(p => p.WouldWrite && p.Target.ObjectKind != OutboundObjectKind.Campaign).Select(p => p.Target).ToList();
        Assert.Contains(dependencies, d => d.ObjectKind == OutboundObjectKind.Sequence);
        Assert.Contains(dependencies, d => d.ObjectKind == OutboundObjectKind.CampaignRule);
        Assert.Contains(dependencies, d => d.ObjectKind == OutboundObjectKind.CampaignSchedule);
        using var stop = new CancellationTokenSource();
        var records = new List<GenesysCampaignStateChange>();
        org.Simulator.ClearRequests();

        await executor.RunHoldAsync(plans.Where(p => p.WouldWrite).Select(p => p.Target).ToList(), request, (r, _) =>
        {
            lock (records)
            {
                records.Add(r);
                if (r.ObjectKind == OutboundObjectKind.Campaign)
                {
                    stop.Cancel(); // Ctrl+C once the first campaign is paused.
                }
            }
        }, stop.Token);

        // The hold's other changes run beside the campaigns' (not after their settle): some may have been
        // written before the stop. Each has one record: Changed for a write sent, else Unchanged, saying so.
        var unreached = 0;
        Assert.All(dependencies, d =>
        {
            var record = Assert.Single(records, r => r.ObjectId == d.Id && r.ObjectKind == d.ObjectKind);
            Assert.Equal(request.OperationId, record.OperationId);
            if (record.WrittenWith is not null)
            {
                Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
                return;
            }

            unreached++;
            Assert.Equal(StateChangeOutcome.Unchanged, record.Outcome);
            Assert.Contains("the hold was stopped (Ctrl+C) before it was reached", record.Message, StringComparison.Ordinal);
            Assert.Contains(record.Warnings, w => w.Contains("can still turn campaign(s)", StringComparison.Ordinal));
        });
        var written = org.Simulator.Requests.Count(r => r.Method is "PUT" or "DELETE" && !r.Path.Contains("/notifications/", StringComparison.Ordinal));
        Assert.Equal(dependencies.Count - unreached, written);
    }

    [Fact]
    public async Task Ctrl_C_while_the_sequence_waits_out_a_429_says_on_the_host_what_can_still_turn_the_campaigns_on()
    {
        // A breaker's trial: the records saying the running sequence can still turn its campaign back on were
        // made after Ctrl+C, when the pipeline takes nothing, and the console never said it.
        await using var org = await TestOrg.StartAsync();
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(org.Simulator.BaseUri);
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "PUT", PathContains = "/sequences/", Count = 1, RetryAfterSeconds = 20 });
        using var ps = host.Create("param($ids) Suspend-GenesysCampaign -Id $ids -Hold -Confirm:$false", Args(("ids", Held)));

        var run = ps.BeginInvoke();
        await Eventually.Until(() => org.Simulator.Requests.Any(r => r.Method == "PUT" && r.Path.Contains("/sequences/", StringComparison.Ordinal) && r.Status == 429), TimeSpan.FromSeconds(20), "the sequence's PUT met its 429");

        ps.Stop();
        Assert.Throws<System.Management.Automation.PipelineStoppedException>(() => ps.EndInvoke(run));

        Assert.Contains(answering.Warnings, w => w.Contains("Renewals Sequence", StringComparison.Ordinal) && w.Contains("can still turn campaign(s)", StringComparison.Ordinal));
        Assert.StartsWith("Stopped (Ctrl+C) after", answering.Warnings[^1]);
        Assert.Equal("on", (await org.Client().GetObjectAsync(ToggleKind.Sequence, SimulatorSeed.RenewalsSequenceId, null, CancellationToken.None) as GenesysCampaignSequence)!.Status);
    }

    [Fact]
    public async Task A_hold_writes_at_most_ThrottleLimit_at_once_campaigns_and_what_could_turn_them_on_together()
    {
        // A breaker's trial: at -ThrottleLimit 1 a hold wrote two at once (the campaigns and the rest had a
        // throttle each). 150 ms a request keeps each write in flight long enough for another to meet it.
        await using var org = await TestOrg.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(150));
        foreach (var id in Held)
        {
            org.Simulator.SetStatus(id, "on");
        }

        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        org.Simulator.ResetConcurrency();

        var records = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Hold -ThrottleLimit 1 -Confirm:$false -WarningAction SilentlyContinue", Args(("ids", Held))));

        Assert.True(records.Count(r => r.WrittenWith is not null) == 6, string.Join(", ", records.Select(r => $"{r.ObjectKind} {r.Outcome}")));
        Assert.Equal(1, org.Simulator.MaxConcurrentWrites);
    }

    [Fact]
    public async Task A_sequence_shared_by_two_campaigns_held_together_is_turned_off_once()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(SimulatorSeed.RenewalsSequenceOffCampaignId, "on");
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);

        var records = Records(host.Run("param($a, $b) Suspend-GenesysCampaign -Id $a, $b -Hold", Args(("a", SimulatorSeed.RenewalsSequenceOffCampaignId), ("b", InSequence))));

        var sequence = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.Sequence);
        Assert.Equal((SimulatorSeed.RenewalsSequenceId, StateChangeOutcome.Changed), (sequence.ObjectId, sequence.Outcome));
        Assert.Single(org.Simulator.Requests, r => r.Method == "PUT" && r.Path.Contains("/sequences/", StringComparison.Ordinal));
        Assert.Empty(sequence.Warnings); // Its current campaign is one the hold pauses: no caution about it.
    }

    [Fact]
    public async Task The_undo_of_the_undo_of_a_hold_applies_the_hold_again_even_to_the_running_sequence_s_campaign()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(InSequence, "on");
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);

        var again = Records(host.Run("param($id) $h = Suspend-GenesysCampaign -Id $id -Hold -Wait -WarningAction SilentlyContinue; $u = $h | Undo-GenesysCampaignChange -Wait -WarningAction SilentlyContinue; $u | Undo-GenesysCampaignChange -Wait -WarningAction SilentlyContinue", Args(("id", InSequence))));

        Assert.Empty(host.Streams.Error);
        Assert.Equal(new[] { (OutboundObjectKind.Campaign, CampaignAction.Suspend), (OutboundObjectKind.Sequence, CampaignAction.Suspend) }, again.Select(r => (r.ObjectKind, r.Action)));
        Assert.All(again, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Equal("off", org.Simulator.GetStatus(InSequence));
    }

    [Fact]
    public async Task An_undo_given_nothing_it_can_undo_says_so()
    {
        await using var org = await TestOrg.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);

        Assert.Empty(host.Run("param($id) Suspend-GenesysCampaign -Id $id | Undo-GenesysCampaignChange", Args(("id", SimulatorSeed.UnreferencedOffCampaignId))));

        Assert.Contains("Nothing to undo", Assert.Single(host.Streams.Warning).Message);
    }

    [Fact]
    public async Task WhatIf_lists_every_change_a_hold_would_make_and_sends_nothing()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        foreach (var id in Held)
        {
            sim.SetStatus(id, "on");
        }

        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);
        sim.ClearRequests();

        Assert.Empty(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Hold -WhatIf", Args(("ids", Held))));

        var lines = answering.WhatIfLines;
        Assert.Equal(6, lines.Count);
        Assert.Equal("What if: Suspend-GenesysCampaign would write 6 of 6 objects.", answering.WhatIfSummary);
        Assert.Contains(lines, l => l.Contains("sequence '" + SimulatorSeed.RenewalsSequenceName, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("campaign rule '" + SimulatorSeed.EnabledRuleName, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("campaign schedule '" + SimulatorSeed.ScheduleName, StringComparison.Ordinal));
        Assert.DoesNotContain(sim.Requests, r => r.Method is "PUT" or "DELETE" || (r.Method == "POST" && r.Path.EndsWith("/stop", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Hold_keeps_the_schedule_body_when_the_DELETE_applied_but_its_answer_was_lost()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(Scheduled, "on");
        var before = (await org.Client().GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).ToJson();
        using var host = new PowerShellHost();
        var handler = new LosingHandler((r, _) => r.Method == HttpMethod.Delete && r.RequestUri!.AbsolutePath.StartsWith(Requests.CampaignSchedulePath, StringComparison.Ordinal), times: 1);
        ConnectThrough(host, org.Simulator.BaseUri, handler);
        var audit = TestFiles.NewAuditPath("gc-hold-undo-");

        var records = Records(host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("id", Scheduled), ("audit", audit))));

        Assert.Equal(1, handler.Lost);
        Assert.False(await Requests.ScheduleExistsAsync(org, Scheduled)); // The DELETE did apply.
        var removed = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.CampaignSchedule);
        Assert.True(removed.ReplacedBody is not null, $"The schedule is gone but its record keeps no body to put back: {removed.Outcome} '{removed.Message}'");
        Assert.Equal(StateChangeOutcome.Changed, removed.Outcome);

        // And the undo from the audit log puts it back.
        host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit)));
        var after = (await org.Client().GetScheduleAsync(ScheduleKind.Campaign, Scheduled, null, CancellationToken.None)).ToJson();
        Assert.Equal(Owned(before).ToJsonString(), Owned(after).ToJsonString()); // Put back as it was, but for what Genesys owns.
    }

    [Fact]
    public async Task Hold_keeps_the_schedule_body_when_its_DELETE_was_resent_below_the_module_and_answered_404()
    {
        // .NET resends a request whose pooled connection died before an answer: the first DELETE applied,
        // and the module sees only the resend's 404 (one attempt, no answer lost as far as it knows).
        await using var org = await TestOrg.StartAsync();
        const string Email = SimulatorSeed.ScheduledEmailCampaignId;
        var before = (await org.Client().GetScheduleAsync(ScheduleKind.EmailCampaign, Email, null, CancellationToken.None)).ToJson();
        using var host = new PowerShellHost();
        var resent = 0;
        ConnectThrough(host, org.Simulator.BaseUri, new ShortCircuit(async request =>
        {
            if (request.Method == HttpMethod.Delete && request.RequestUri!.AbsolutePath.Contains("/schedules/emailcampaigns/", StringComparison.Ordinal) && Interlocked.Increment(ref resent) == 1)
            {
                using var first = new HttpRequestMessage(HttpMethod.Delete, request.RequestUri);
                first.Headers.Authorization = request.Headers.Authorization;
                using var http = new HttpClient();
                (await http.SendAsync(first)).Dispose(); // Applied; its answer never reaches the module.
            }

            return null;
        }));
        var audit = TestFiles.NewAuditPath("gc-hold-undo-");

        var records = Records(host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -Hold -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("id", Email), ("audit", audit))));

        Assert.False(await Requests.ScheduleExistsAsync(org, Email, ScheduleKind.EmailCampaign));
        var removed = Assert.Single(records, r => r.ObjectKind == OutboundObjectKind.EmailCampaignSchedule);
        Assert.True(removed.ReplacedBody == before, $"The schedule is gone but its record keeps no body to put back: {removed.Outcome} '{removed.Message}'");
        Assert.Equal((StateChangeOutcome.Changed, "DELETE (404)"), (removed.Outcome, removed.WrittenWith));
        Assert.Contains("404", removed.Message, StringComparison.Ordinal);

        host.Run("param($audit) Get-GenesysCampaignAuditLog $audit | Undo-GenesysCampaignChange -Confirm:$false -WarningAction SilentlyContinue -ErrorAction SilentlyContinue", Args(("audit", audit)));
        Assert.True(await Requests.ScheduleExistsAsync(org, Email, ScheduleKind.EmailCampaign));
    }

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

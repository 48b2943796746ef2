using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

public class ExecutorTests
{
    private static async Task<List<GenesysCampaignStateChange>> RunAsync(TestOrg org, StateChangeRequest request, params string[] ids)
    {
        var api = org.Client();
        var campaigns = await api.GetCampaignsByIdAsync(ids, null, CancellationToken.None);
        var byId = campaigns.ToDictionary(c => c.Id);
        var ordered = ids.Select(id => byId[id]).ToList();
        org.Simulator.ClearRequests();
        using var waiter = new PollingCampaignWaiter(api, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) });
        var records = new List<GenesysCampaignStateChange>();
        await new StateChangeExecutor(api, waiter, null).RunAsync(ordered, request, (r, _) => { lock (records) { records.Add(r); } }, CancellationToken.None);
        return records;
    }

    /// <summary>Runs one change through an HttpClient over <paramref name="handler"/> (answers the simulator never gives).</summary>
    private static async Task<List<GenesysCampaignStateChange>> RunThroughAsync(TestOrg org, HttpMessageHandler handler, string id, StateChangeRequest request, CancellationToken cancellationToken = default)
    {
        var api = org.ClientThrough(handler);
        var campaign = await api.GetCampaignAsync(id, null, CancellationToken.None);
        org.Simulator.ClearRequests();
        using var waiter = new PollingCampaignWaiter(api);
        var records = new List<GenesysCampaignStateChange>();
        try
        {
            await new StateChangeExecutor(api, waiter, null).RunAsync(new[] { campaign }, request, (r, _) => records.Add(r), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return records;
    }

    [Fact]
    public async Task Suspend_with_wait_posts_stop_and_waits_for_the_dialer()
    {
        await using var org = await TestOrg.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Reason = "test" }, id));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Equal(("on", "off", "off"), (record.PreviousStatus, record.RequestedStatus, record.FinalStatus));
        Assert.Equal("POST stop", record.WrittenWith);
        var write = Assert.Single(org.Simulator.Requests, Requests.IsCampaignWrite);
        Assert.Equal(("POST", $"/api/v2/outbound/campaigns/{id}/stop", 202, null), (write.Method, write.Path, write.Status, write.Body));
        Assert.Equal("off", org.Simulator.GetStatus(id));
    }

    [Fact]
    public async Task Without_start_and_stop_permissions_Suspend_falls_back_to_the_full_body_PUT()
    {
        await using var org = await TestOrg.StartAsync(clientId: SimulatorSeed.EditOnlyClientId);
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var before = org.Simulator.GetCampaignJson(id);

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Reason = "test" }, id));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Equal("on", record.PreviousStatus);
        Assert.Equal("off", record.RequestedStatus);
        Assert.Equal("off", record.FinalStatus);
        Assert.Equal("test", record.Reason);
        Assert.Equal(SimulatorSeed.UnreferencedOnCampaignName, record.CampaignName);
        Assert.False(string.IsNullOrEmpty(record.CorrelationId));
        Assert.Equal("PUT off", record.WrittenWith);
        Assert.Equal(403, Assert.Single(org.Simulator.Requests, Requests.IsEndpointWrite).Status);
        var put = Assert.Single(org.Requests("PUT"));
        Assert.Equal(CampaignBody.WithStatus(before, "off"), put.Body);
        Assert.Equal("off", org.Simulator.GetStatus(id));
    }

    // Issue 22, point 7: "set to off" was said of a campaign still stopping, "force-stopped" of one force-stopping.
    [Theory]
    [InlineData(CampaignAction.Suspend, "stopping", "is stopping (was on): Genesys took the stop")]
    [InlineData(CampaignAction.Stop, "forced_stopping", "is being force-stopped (forced_stopping; was on)")]
    public async Task A_change_the_dialer_is_still_carrying_out_is_told_as_under_way_not_as_done(CampaignAction action, string status, string told)
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMinutes(5));

        var record = Assert.Single(await org.RunAsync(org.Client(), new StateChangeRequest(action), SimulatorSeed.UnreferencedOnCampaignId));

        Assert.Equal((StateChangeOutcome.Changed, status), (record.Outcome, record.FinalStatus));
        Assert.StartsWith($"Campaign '{SimulatorSeed.UnreferencedOnCampaignName}' {told}", record.Message);
    }

    [Fact]
    public async Task The_PUT_body_is_the_read_JSON_with_only_the_status_changed()
    {
        await using var org = await TestOrg.StartPutOnlyAsync(o => o.FieldsNewerThanTheSdk = true);
        var id = SimulatorSeed.UnreferencedOffCampaignId;
        var before = org.Simulator.GetCampaignJson(id);

        await RunAsync(org, new StateChangeRequest(CampaignAction.Resume), id);

        var body = Assert.Single(org.Requests("PUT")).Body!;
        Assert.Equal(before.Replace("\"campaignStatus\":\"off\"", "\"campaignStatus\":\"on\""), body);
        Assert.Contains("customExtension", body);
        Assert.Contains("dynamicLineBalancingSettings", body);
    }

    [Fact]
    public async Task A_campaign_already_there_is_Unchanged_and_nothing_is_written()
    {
        await using var org = await TestOrg.StartAsync();

        var records = await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend),
            SimulatorSeed.UnreferencedOffCampaignId, SimulatorSeed.CompleteCampaignId, SimulatorSeed.ForcedOffCampaignId);

        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Unchanged, r.Outcome));
        Assert.Empty(org.Requests("PUT"));
    }

    [Fact]
    public async Task A_stale_version_is_read_again_and_the_change_reapplied()
    {
        await using var org = await TestOrg.StartPutOnlyAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var api = org.Client();
        var stale = await api.GetCampaignAsync(id, null, CancellationToken.None);
        org.Simulator.BumpVersion(id);
        org.Simulator.ClearRequests();
        using var waiter = new PollingCampaignWaiter(api);
        var records = new List<GenesysCampaignStateChange>();

        await new StateChangeExecutor(api, waiter, null).RunAsync(new[] { stale }, new StateChangeRequest(CampaignAction.Suspend), (r, _) => records.Add(r), CancellationToken.None);

        var record = Assert.Single(records);
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        var puts = org.Requests("PUT").ToList();
        Assert.Equal(new[] { 409, 200 }, puts.Select(p => p.Status));
        Assert.Equal(3, record.Attempts);
        Assert.Contains($"\"version\":{stale.Version + 1}", puts[1].Body);
    }

    [Fact]
    public async Task A_campaign_in_a_running_sequence_is_Rejected_unless_forced()
    {
        await using var org = await TestOrg.StartAsync();
        var id = SimulatorSeed.RenewalsSequenceOnCampaignId;

        var rejected = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend), id));
        Assert.Equal(StateChangeOutcome.Rejected, rejected.Outcome);
        Assert.Equal(FailureKind.InvalidOperation, rejected.Failure);
        Assert.Contains(SimulatorSeed.RenewalsSequenceName, rejected.Message);
        Assert.Empty(org.Requests("PUT"));

        var forced = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend) { Force = true }, id));
        Assert.Equal(StateChangeOutcome.Changed, forced.Outcome);
        Assert.Contains(forced.Warnings, w => w.Contains(SimulatorSeed.RenewalsSequenceName));
    }

    [Fact]
    public async Task An_enabled_rule_that_can_turn_the_campaign_back_on_is_a_warning()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(SimulatorSeed.EnabledRuleTargetCampaignId, "on");

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend), SimulatorSeed.EnabledRuleTargetCampaignId));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains(record.Warnings, w => w.Contains(SimulatorSeed.EnabledRuleName));
    }

    [Fact]
    public async Task A_disabled_rule_is_no_warning()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.SetStatus(SimulatorSeed.DisabledRuleTargetCampaignId, "on");

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend), SimulatorSeed.DisabledRuleTargetCampaignId));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public async Task A_schedule_is_a_warning_naming_it()
    {
        await using var org = await TestOrg.StartAsync();

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Resume), SimulatorSeed.ScheduledCampaignId));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains(record.Warnings, w => w.Contains(SimulatorSeed.ScheduleName));
    }

    [Theory]
    [InlineData(SimulatorSeed.ScheduledEmailCampaignId, "Email campaign schedule '" + SimulatorSeed.EmailScheduleName + "'", "2030-01-09 13:00")]
    [InlineData(SimulatorSeed.ScheduledWhatsAppCampaignId, "WhatsApp campaign schedule '" + SimulatorSeed.WhatsAppScheduleName + "'", "2030-01-10 16:00")]
    public async Task An_email_or_WhatsApp_campaign_schedule_in_its_own_list_is_a_warning_naming_its_kind_and_next_start(string id, string named, string nextStart)
    {
        await using var org = await TestOrg.StartAsync();

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Resume), id));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        var warning = Assert.Single(record.Warnings);
        Assert.StartsWith(named + " starts and stops campaign", warning, StringComparison.Ordinal);
        Assert.Contains($"(next start {nextStart} UTC)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_list_the_role_may_not_read_is_a_warning_naming_the_permissions_that_would_do_for_the_campaigns_it_could_hold()
    {
        await using var org = await TestOrg.StartAsync();
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "GET", PathContains = "/schedules/whatsappcampaigns", Count = 10 });

        var records = await RunAsync(org, new StateChangeRequest(CampaignAction.Resume), SimulatorSeed.ScheduledWhatsAppCampaignId, SimulatorSeed.UnreferencedOffCampaignId);

        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Equal(
            $"WhatsApp campaign schedules could not be read (refused: the OAuth client's role needs outbound:whatsAppCampaignSchedule:view or outbound:whatsAppCampaign:viewSchedule), so they were not checked for campaign '{SimulatorSeed.MessagingCampaignName(12)}'.",
            Assert.Single(records.Single(r => r.ObjectId == SimulatorSeed.ScheduledWhatsAppCampaignId).Warnings));
        Assert.Empty(records.Single(r => r.ObjectId == SimulatorSeed.UnreferencedOffCampaignId).Warnings); // A WhatsApp list holds no voice campaign's schedule.
    }

    [Fact]
    public async Task Dependencies_are_read_once_per_run_not_once_per_campaign()
    {
        await using var org = await TestOrg.StartAsync();
        var ids = new[] { 8, 10, 11, 13, 14 }.Select(SimulatorSeed.CampaignId).ToArray();

        var records = await RunAsync(org, new StateChangeRequest(CampaignAction.Resume), ids);

        Assert.Equal(5, records.Count(r => r.Outcome == StateChangeOutcome.Changed));
        Assert.Single(org.Requests("GET", "/outbound/sequences"));
        Assert.Single(org.Requests("GET", "/outbound/campaignrules"));
        Assert.Single(org.Requests("GET", "/outbound/schedules/campaigns"));
    }

    [Fact]
    public async Task An_invalid_campaign_cannot_be_resumed_and_its_errors_say_why()
    {
        await using var org = await TestOrg.StartAsync();

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Resume) { Force = true }, SimulatorSeed.InvalidCampaignId));

        Assert.Equal(StateChangeOutcome.Rejected, record.Outcome);
        Assert.Contains(SimulatorSeed.InvalidCampaignErrorMessage, record.Message);
        Assert.DoesNotContain(org.Simulator.Requests, Requests.IsCampaignWrite);
    }

    [Fact]
    public async Task A_complete_campaign_is_resumed_only_with_Force()
    {
        await using var org = await TestOrg.StartAsync();
        var id = SimulatorSeed.CompleteCampaignId;

        Assert.Equal(StateChangeOutcome.Rejected, Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Resume), id)).Outcome);
        Assert.DoesNotContain(org.Simulator.Requests, Requests.IsCampaignWrite);

        var forced = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Resume) { Force = true }, id));
        Assert.Equal(StateChangeOutcome.Changed, forced.Outcome);
        Assert.Equal("on", org.Simulator.GetStatus(id));
    }

    [Fact]
    public async Task A_PUT_answered_with_something_that_is_not_the_campaign_is_read_back_and_recorded()
    {
        await using var org = await TestOrg.StartPutOnlyAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;

        // The contract does not say what PUT returns: here, an empty object.
        var records = await RunThroughAsync(org, new RewritingHandler(r => r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.Contains("/outbound/campaigns/") ? "{}" : null), id, new StateChangeRequest(CampaignAction.Suspend));

        var record = Assert.Single(records);
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains(record.FinalStatus, new[] { "stopping", "off" });
        var put = Assert.Single(org.Simulator.Requests, Requests.IsCampaignWrite);
        Assert.Contains(org.Simulator.Requests, r => r.Method == "GET" && r.Path.EndsWith(id, StringComparison.Ordinal) && r.Time >= put.Time);
    }

    [Fact]
    public async Task A_running_sequence_that_lists_its_campaigns_as_bare_ids_still_rejects()
    {
        await using var org = await TestOrg.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var handler = new RewritingHandler(r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath.EndsWith("/outbound/sequences", StringComparison.Ordinal)
            ? $$"""{"entities":[{"id":"s1","name":"Bare Sequence","status":"on","campaigns":["{{id}}"]}],"pageCount":1}"""
            : null);

        var records = await RunThroughAsync(org, handler, id, new StateChangeRequest(CampaignAction.Suspend));

        var record = Assert.Single(records);
        Assert.Equal(StateChangeOutcome.Rejected, record.Outcome);
        Assert.Contains("Bare Sequence", record.Message);
        Assert.Equal("on", org.Simulator.GetStatus(id));
    }

    [Fact]
    public async Task Stopped_while_retrying_a_conflicted_write_still_gets_a_record()
    {
        await using var org = await TestOrg.StartPutOnlyAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.VersionBump, Method = "PUT", PathContains = id, Count = 1 });
        using var stop = new CancellationTokenSource();

        // Ctrl+C arrives while the first write is on its way; it meets a conflict.
        var handler = new RewritingHandler(r =>
        {
            if (r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.EndsWith(id, StringComparison.Ordinal))
            {
                stop.Cancel();
            }

            return null;
        });

        var records = await RunThroughAsync(org, handler, id, new StateChangeRequest(CampaignAction.Suspend), stop.Token);

        var record = Assert.Single(records);
        Assert.Equal((StateChangeOutcome.Failed, "stopped.after.write"), (record.Outcome, record.ErrorCode));
        Assert.Contains("refused as from a stale view", record.Message); // What Genesys said of the write sent.
        Assert.Null(record.FinalStatus); // "Check its status": the status read before the write does not say it (a breaker's trial).
        Assert.Single(org.Simulator.Requests, Requests.IsCampaignWrite);
    }

    [Fact]
    public async Task After_a_conflict_stale_reads_are_waited_out_instead_of_spending_the_retries()
    {
        await using var org = await TestOrg.StartPutOnlyAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var stale = org.Simulator.GetCampaignJson(id);
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.VersionBump, Method = "PUT", PathContains = id, Count = 1 });

        // After the first write (which meets a conflict), the next two reads still show the campaign as it was.
        var putSeen = false;
        var staleReads = 0;
        var handler = new RewritingHandler(r =>
        {
            if (r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.EndsWith(id, StringComparison.Ordinal))
            {
                putSeen = true;
            }

            return putSeen && r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath.EndsWith(id, StringComparison.Ordinal) && staleReads++ < 2 ? stale : null;
        });

        var record = Assert.Single(await RunThroughAsync(org, handler, id, new StateChangeRequest(CampaignAction.Suspend)));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Equal(new[] { 409, 200 }, org.Simulator.Requests.Where(Requests.IsCampaignWrite).Select(w => w.Status));
    }

    [Fact]
    public async Task A_refusal_without_a_correlation_header_records_the_error_bodys_contextId()
    {
        await using var org = await TestOrg.StartPutOnlyAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "PUT", PathContains = id, Count = 1 });

        var records = await RunThroughAsync(org, new WithoutCorrelationHeader(), id, new StateChangeRequest(CampaignAction.Suspend));

        var record = Assert.Single(records);
        Assert.Equal(StateChangeOutcome.Failed, record.Outcome);
        Assert.False(string.IsNullOrEmpty(record.CorrelationId));
        Assert.Contains(record.CorrelationId!, record.Message);
    }

    /// <summary>Drops the inin-correlation-id header from every answer (a proxy might).</summary>
    private sealed class WithoutCorrelationHeader() : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Headers.Remove("inin-correlation-id");
            return response;
        }
    }

    [Fact]
    public async Task Resuming_a_stopping_campaign_waits_for_it_to_settle_first()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMilliseconds(800));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.SetStatus(id, "stopping");

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Resume) { Timeout = TimeSpan.FromSeconds(10) }, id));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Equal("stopping", record.PreviousStatus);
        Assert.Equal("on", org.Simulator.GetStatus(id));
        var write = Assert.Single(org.Simulator.Requests, Requests.IsCampaignWrite);
        Assert.Equal(("POST", 202), (write.Method, write.Status));
        Assert.EndsWith("/start", write.Path);
    }

    [Fact]
    public async Task Force_stop_turns_the_campaign_off_then_writes_forced_off_while_it_is_stopping()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(1));
        var id = SimulatorSeed.UnreferencedOnCampaignId;

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Stop) { Wait = true }, id));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Equal("forced_off", record.FinalStatus);
        Assert.Equal("POST stop; PUT forced_off", record.WrittenWith);
        var writes = org.Simulator.Requests.Where(Requests.IsCampaignWrite).ToList();
        Assert.Equal(new[] { ("POST", 202), ("PUT", 200) }, writes.Select(w => (w.Method, w.Status)));
        Assert.Contains("\"campaignStatus\":\"forced_off\"", writes[1].Body);

        // The simulator accepts forced_off only from stopping (AllowForceStopFromOn is off), so the 200 says when it was written.
        Assert.False(org.Simulator.Options.AllowForceStopFromOn);
    }

    [Fact]
    public async Task The_active_campaign_limit_is_a_Rejected_record_that_names_it()
    {
        // Ten seeded campaigns are on and one (59) stopping: the limit of 11 is reached while 59 is still
        // stopping, so the dialer is slowed (with 300 ms, the reads before the write could outlast it).
        await using var org = await TestOrg.StartAsync(o =>
        {
            o.MaxActiveCampaigns = 11;
            o.DialerDelay = TimeSpan.FromMinutes(5);
        });

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Resume), SimulatorSeed.UnreferencedOffCampaignId));

        Assert.Equal(StateChangeOutcome.Rejected, record.Outcome);
        Assert.Equal(FailureKind.LimitsExceeded, record.Failure);
        Assert.Contains("50 active campaigns", record.Message);
        Assert.Equal("off", org.Simulator.GetStatus(SimulatorSeed.UnreferencedOffCampaignId));
    }

    [Fact]
    public async Task The_same_campaign_twice_is_acted_on_once()
    {
        await using var org = await TestOrg.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;

        var records = await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend), id, id);

        Assert.Single(records);
        Assert.Single(org.Simulator.Requests, Requests.IsCampaignWrite);
    }

    [Fact]
    public async Task A_wait_that_outlasts_the_timeout_is_TimedOut_with_the_last_status()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(30));

        var record = Assert.Single(await RunAsync(org, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Timeout = TimeSpan.FromSeconds(1) }, SimulatorSeed.UnreferencedOnCampaignId));

        Assert.Equal(StateChangeOutcome.TimedOut, record.Outcome);
        Assert.Equal(FailureKind.OperationTimeout, record.Failure);
        Assert.Equal("stopping", record.FinalStatus);
    }

    [Fact]
    public async Task Every_record_is_audited_before_it_is_reported()
    {
        await using var org = await TestOrg.StartAsync();
        var path = TestFiles.NewAuditPath("gc-exec-");
        var api = org.Client();
        var campaigns = await api.GetCampaignsByIdAsync(new[] { SimulatorSeed.UnreferencedOnCampaignId, SimulatorSeed.UnreferencedOffCampaignId }, null, CancellationToken.None);
        using var waiter = new PollingCampaignWaiter(api);
        var linesWhenReported = new List<int>();
        var executor = new StateChangeExecutor(api, waiter, new JsonLinesAuditSink(path));

        await executor.RunAsync(campaigns, new StateChangeRequest(CampaignAction.Suspend), (r, error) =>
        {
            Assert.Null(error);
            lock (linesWhenReported)
            {
                linesWhenReported.Add(File.ReadAllLines(path).Count(l => l.Contains(r.ObjectId)));
            }
        }, CancellationToken.None);

        Assert.Equal(new[] { 1, 1 }, linesWhenReported);
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }
}

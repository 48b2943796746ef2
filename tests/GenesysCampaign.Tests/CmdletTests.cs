using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

public class CmdletTests
{
    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] args) => args.ToDictionary(a => a.Name, a => a.Value);

    [Fact]
    public async Task Get_GenesysCampaign_streams_typed_campaigns_of_every_page()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { CampaignCount = 130 });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var campaigns = host.Run("Get-GenesysCampaign");

        // 130 voice campaigns on two pages, and the 30 seeded messaging campaigns on one.
        Assert.Equal(160, campaigns.Count);
        Assert.All(campaigns, c => Assert.IsType<GenesysCloud.Outbound.Campaigns.GenesysCampaign>(c.BaseObject));
        Assert.Equal(2, sim.Requests.Count(r => r.Method == "GET" && r.Path == "/api/v2/outbound/campaigns"));
        Assert.Equal(1, sim.Requests.Count(r => r.Method == "GET" && r.Path == "/api/v2/outbound/messagingcampaigns"));
    }

    [Theory]
    [InlineData("Get-GenesysCampaign -Id $id", "GetGenesysCampaignFailed")]
    [InlineData("Wait-GenesysCampaignState -Id $id -State off", "WaitGenesysCampaignStateFailed")]
    [InlineData("Watch-GenesysCampaign -Id $id -Timeout 5", "WatchGenesysCampaignFailed")]
    public async Task A_reading_cmdlet_whose_campaigns_cannot_be_read_stops_with_its_own_error(string command, string errorId)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        sim.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "GET", PathContains = "/outbound/campaigns", Count = 1000 });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        // A statement-terminating error: the script's next statement still runs, the cmdlet's does not.
        var output = host.Run("param($id) " + command + "; 'after'", Args(("id", SimulatorSeed.UnreferencedOffCampaignId)));

        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Equal("after", Assert.Single(output).BaseObject);
    }

    [Fact]
    public async Task A_slow_pipeline_holds_the_listing_back_instead_of_queuing_the_whole_org()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { CampaignCount = 10_000 });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        Func<int> listRequests = () => sim.Requests.Count(r => r.Method == "GET" && r.Path == "/api/v2/outbound/campaigns");

        // The first campaign stalls the pipeline for a second, long enough to read all 100 pages
        // from the simulator if nothing held the listing back.
        var output = host.Run(
            "param($listRequests) $n = 0; Get-GenesysCampaign -MediaType Voice | ForEach-Object { if ($n++ -eq 0) { Start-Sleep -Seconds 1; $atStall = $listRequests.Invoke() } }; $atStall; $n",
            Args(("listRequests", listRequests)));

        Assert.Equal(2, output.Count);
        Assert.Equal(10_000, (int)output[1].BaseObject);

        // Held back: the first page, the 500 campaigns the pump may queue (5 pages), the pages the
        // reader may hold or ask for (2 x 10) and the one being handed out; far from all 100.
        Assert.InRange((int)output[0].BaseObject, 2, 30);
    }

    [Fact]
    public void Connect_to_a_login_service_that_stays_down_is_a_connection_error_after_its_retries()
    {
        using var host = new PowerShellHost();

        // Port 1 refuses at once; the default retries (5, backing off from 0.5 s) still take seconds.
        host.Run("Connect-GenesysCloud -BaseUri http://127.0.0.1:1/ -ClientId down-client -ClientSecret (ConvertTo-SecureString down-secret-9 -AsPlainText -Force)");

        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("GenesysLoginUnavailable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("'down-client'", error.Exception.Message);
        Assert.Contains("after 6 attempt(s)", error.Exception.Message);
        Assert.Contains("login service", error.Exception.Message);
        Assert.DoesNotContain("down-secret-9", error.Exception.ToString());

        // No connection was kept.
        host.Run("Get-GenesysCampaign");
        Assert.StartsWith("GenesysNotConnected,", Assert.Single(host.Streams.Error).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task A_campaign_passed_on_by_Wait_from_a_minimal_event_is_read_before_Resume_writes_it()
    {
        // The edit-only client writes by PUT, the write an event's body must never become.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { MinimalNotificationBodies = true, DialerDelay = TimeSpan.FromSeconds(1) });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri, clientId: SimulatorSeed.EditOnlyClientId);
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        sim.SetStatus(id, "stopping");
        var original = sim.GetCampaignJson(id);

        var output = host.Run(
            "param($id) Wait-GenesysCampaignState -Id $id -State off -Timeout 20 -PassThru | Resume-GenesysCampaign -Confirm:$false",
            Args(("id", id)));

        Assert.True(host.Streams.Error.Count == 0, string.Join("\n", host.Streams.Error));
        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        Assert.Equal((StateChangeOutcome.Changed, "on"), (record.Outcome, sim.GetStatus(id)));
        AssertSameFieldsExceptStatusAndVersion(original, Assert.Single(sim.Requests, r => IsCampaignWrite(r) && r.Method == "PUT").Body!);
    }

    [Fact]
    public async Task Piped_ids_and_audit_records_bind_by_id_and_campaign_objects_are_not_read_again()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var audit = TestFiles.NewAuditPath("gc-bind-");
        var on = SimulatorSeed.UnreferencedOnCampaignId;

        // An id string piped in is read (batched), then written.
        sim.ClearRequests();
        var suspended = host.Run("param($id, $audit) $id | Suspend-GenesysCampaign -AuditLogPath $audit -Confirm:$false", Args(("id", on), ("audit", audit)));
        Assert.Equal(StateChangeOutcome.Changed, Assert.IsType<GenesysCampaignStateChange>(Assert.Single(suspended).BaseObject).Outcome);
        Assert.Contains(sim.Requests, r => r.Method == "GET" && r.Query.Contains("id=" + on));

        // Audit records bind by their CampaignId (the README's "resume exactly the ones that were paused").
        var resumed = host.Run("param($audit) Get-GenesysCampaignAuditLog $audit -Outcome Changed | Resume-GenesysCampaign -Confirm:$false", Args(("audit", audit)));
        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(resumed).BaseObject);
        Assert.Equal((on, StateChangeOutcome.Changed), (record.CampaignId, record.Outcome));
        Assert.Equal("on", sim.GetStatus(on));

        // A campaign object binds as itself: no read before its write.
        var campaigns = host.Run("param($id) Get-GenesysCampaign -Id $id", Args(("id", on)));
        sim.ClearRequests();
        host.Run("param($c) $c | Suspend-GenesysCampaign -Confirm:$false", Args(("c", campaigns[0])));
        Assert.Empty(host.Streams.Error);
        var write = Assert.Single(sim.Requests, IsCampaignWrite);
        Assert.DoesNotContain(sim.Requests, r => r.Method == "GET" && r.Path.StartsWith("/api/v2/outbound/campaigns", StringComparison.Ordinal) && r.Time < write.Time);
        Assert.Contains(sim.GetStatus(on), new[] { "stopping", "off" });
    }

    [Fact]
    public async Task WhatIf_sends_no_write_and_emits_no_record()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var output = host.Run("Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -WhatIf");

        Assert.Empty(output);
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r));
    }

    [Fact]
    public async Task A_rejection_is_a_record_and_an_ErrorRecord_targeting_it()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var output = host.Run("param($id) Suspend-GenesysCampaign -Id $id", Args(("id", SimulatorSeed.RenewalsSequenceOnCampaignId)));

        Assert.True(output.Count == 1, string.Join("\n", host.Streams.Error.Select(e => e.ToString())));
        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        Assert.Equal(StateChangeOutcome.Rejected, record.Outcome);
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("CampaignStateChangeRejected,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Same(record, error.TargetObject);
    }

    [Fact]
    public async Task ErrorAction_Stop_turns_a_rejection_into_a_terminating_error()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var ex = Assert.Throws<ActionPreferenceStopException>(() =>
            host.Run("param($id) Resume-GenesysCampaign -Id $id -ErrorAction Stop", Args(("id", SimulatorSeed.InvalidCampaignId))));

        Assert.StartsWith("CampaignStateChangeRejected,", ex.ErrorRecord.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task The_connection_belongs_to_its_runspace()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var connected = new PowerShellHost();
        using var other = new PowerShellHost();
        connected.Connect(sim.BaseUri);

        Assert.NotEmpty(connected.Run("Get-GenesysCampaign -Status on"));
        // A cmdlet's terminating error ends the statement; in a script it lands in the error stream.
        Assert.Empty(other.Run("Get-GenesysCampaign"));
        Assert.StartsWith("GenesysNotConnected,", Assert.Single(other.Streams.Error).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task No_stream_ever_carries_the_secret_or_a_token()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var output = host.Run("""
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Get-GenesysCampaign -Name 'Sales-*'
            Suspend-GenesysCampaign -Name 'Sales-*' -Wait -Timeout 5 -Confirm:$false -ErrorAction SilentlyContinue
            Connect-GenesysCloud -BaseUri $args[0] -ClientId sim-client -ClientSecret (ConvertTo-SecureString 'wrong-but-secret-99' -AsPlainText -Force) -ErrorAction SilentlyContinue
            """.Replace("$args[0]", $"'{sim.BaseUri}'"));

        var streams = host.Streams;
        var text = string.Join("\n", output.Select(o => o.ToString())
            .Concat(streams.Verbose.Select(v => v.Message))
            .Concat(streams.Debug.Select(d => d.Message))
            .Concat(streams.Warning.Select(w => w.Message))
            .Concat(streams.Error.Select(e => e.ToString() + e.Exception))
            .Concat(output.Select(o => o.BaseObject is GenesysCampaignStateChange r ? JsonLinesAuditSink.ToLine(r) : string.Empty)));
        Assert.NotEmpty(streams.Debug);
        Assert.DoesNotContain("sim-secret", text);
        Assert.DoesNotContain("wrong-but-secret-99", text);
        Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Stopping_the_pipeline_stops_new_writes_and_every_write_has_its_audit_line()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(150) });
        var ids = Enumerable.Range(31, 24).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in ids)
        {
            sim.SetStatus(id, "on");
        }

        var audit = TestFiles.NewAuditPath("gc-stop-");
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($ids, $audit) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 2 -AuditLogPath $audit -Confirm:$false -Force", Args(("ids", ids), ("audit", audit)));

        var run = ps.BeginInvoke();
        await Eventually.Until(() => sim.Requests.Any(r => IsCampaignWrite(r)), TimeSpan.FromSeconds(20), "a write was sent");

        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));

        var writes = sim.Requests.Where(r => IsCampaignWrite(r) && r.Status is 200 or 202).Select(r => r.Path.Split('/')[5]).ToHashSet();
        var audited = File.ReadAllLines(audit).Select(JsonLinesAuditSink.FromLine).Where(r => r.Outcome == StateChangeOutcome.Changed).Select(r => r.CampaignId).ToHashSet();
        Assert.NotEmpty(writes);
        Assert.True(writes.Count < ids.Length, $"all {ids.Length} campaigns were written despite the stop");
        Assert.Equal(writes.OrderBy(x => x), audited.OrderBy(x => x));
    }

    // Once wrong (a breaker, 2026-12-06): the read after an accepted write could not be cancelled, so
    // Ctrl+C during a slow read waited for it (and its retries): three minutes.
    [Fact]
    public async Task Stopping_during_the_read_after_a_write_stops_at_once_and_keeps_the_change_recorded()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        sim.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Method = "GET", PathContains = "/campaigns/" + id, DelayMs = 40000, Rate = 1.0 });
        var audit = TestFiles.NewAuditPath("gc-stop-read-");
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($id, $audit) Suspend-GenesysCampaign -Id $id -AuditLogPath $audit -Confirm:$false", Args(("id", id), ("audit", audit)));

        var run = ps.BeginInvoke();
        await Eventually.Until(() => sim.Requests.Any(r => IsCampaignWrite(r)), TimeSpan.FromSeconds(20), "a write was sent");

        await Task.Delay(500); // In the read after the stop.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stop took {clock.Elapsed}");
        var record = JsonLinesAuditSink.FromLine(Assert.Single(File.ReadAllLines(audit)));
        Assert.Equal((StateChangeOutcome.Changed, "POST stop", (string?)null), (record.Outcome, record.WrittenWith, record.FinalStatus));
    }

    [Fact]
    public async Task A_campaign_declined_at_the_prompt_gets_an_Unchanged_record_and_no_write()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var audit = TestFiles.NewAuditPath("gc-confirm-");
        var answering = new AnsweringHost("No");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        var output = host.Run("param($id, $audit) Stop-GenesysCampaign -Id $id -AuditLogPath $audit", Args(("id", SimulatorSeed.UnreferencedOnCampaignId), ("audit", audit)));

        Assert.Single(answering.Prompts);
        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        Assert.Equal(StateChangeOutcome.Unchanged, record.Outcome);
        Assert.Contains("not confirmed", record.Message);
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r));
        Assert.Equal(StateChangeOutcome.Unchanged, JsonLinesAuditSink.FromLine(Assert.Single(File.ReadAllLines(audit))).Outcome);
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.UnreferencedOnCampaignId));
    }

    [Fact]
    public async Task Completion_never_puts_a_campaign_name_on_the_command_line_as_code()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var text = (string)Assert.Single(host.Run("$line = \"Get-GenesysCampaign -Name 'R&\"; (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText")).BaseObject;
        var found = host.Run("Get-GenesysCampaign -Name " + text);

        Assert.Empty(host.Streams.Error);
        Assert.Equal(SimulatorSeed.ShellHostileCampaignName, ((GenesysCloud.Outbound.Campaigns.GenesysCampaign)Assert.Single(found).BaseObject).Name);
    }
}

using System.Diagnostics;
using System.Net;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Resilience;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// What a hostile review of the start/stop, force-stop and stale-view work found (each failed
/// before its fix): records that misreported an applied change, a bulk run held by one slow or
/// faulty first write, waits that overran their timeout, and input that broke the command line.
/// </summary>
public class ReviewFindingTests
{
    private static async Task<List<GenesysCampaignStateChange>> RunAsync(TestOrg org, GenesysApiClient api, StateChangeRequest request, params string[] ids)
    {
        var campaigns = await org.Client().GetCampaignsByIdAsync(ids, null, CancellationToken.None);
        var byId = campaigns.ToDictionary(c => c.Id);
        org.Simulator.ClearRequests();
        using var waiter = new PollingCampaignWaiter(api, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) });
        var records = new List<GenesysCampaignStateChange>();
        await new StateChangeExecutor(api, waiter, null).RunAsync(ids.Select(id => byId[id]).ToList(), request, (r, _) => { lock (records) { records.Add(r); } }, CancellationToken.None);
        return records;
    }

    [Fact]
    public async Task A_stop_that_applied_behind_a_gateway_504_is_Changed_not_Unchanged()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(5));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var posts = 0;
        var api = org.ClientThrough(new AnswerStatus(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/stop", StringComparison.Ordinal) && Interlocked.Increment(ref posts) == 1 ? 504 : null));

        var record = Assert.Single(await RunAsync(org, api, new StateChangeRequest(CampaignAction.Suspend), id));

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

        var record = Assert.Single(await RunAsync(org, org.Client(), new StateChangeRequest(CampaignAction.Suspend), id));

        Assert.Equal((StateChangeOutcome.Changed, "PUT off"), (record.Outcome, record.WrittenWith));
        Assert.Equal(new[] { 503, 409, 200 }, org.Simulator.Requests.Where(r => IsCampaignWrite(r)).Select(r => r.Status));
    }

    [Fact]
    public async Task A_PUT_accepted_with_an_empty_body_is_Changed_and_read_back()
    {
        await using var org = await TestOrg.StartPutOnlyAsync(o => o.DialerDelay = TimeSpan.FromSeconds(3));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var api = org.ClientThrough(new RewritingHandler(r => r.Method == HttpMethod.Put ? string.Empty : null));

        var record = Assert.Single(await RunAsync(org, api, new StateChangeRequest(CampaignAction.Suspend), id));

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

        var record = Assert.Single(await RunAsync(org, api, new StateChangeRequest(CampaignAction.Stop), id));

        Assert.Equal((StateChangeOutcome.Changed, "POST stop; PUT forced_off (answer lost)"), (record.Outcome, record.WrittenWith));
        Assert.StartsWith($"Campaign '{SimulatorSeed.UnreferencedOnCampaignName}' force-stopped", record.Message);
    }

    [Fact]
    public async Task Stop_with_lagging_reads_force_stops_or_says_it_did_not()
    {
        await using var org = await TestOrg.StartAsync(o => { o.DialerDelay = TimeSpan.FromSeconds(20); o.StaleReadWindow = TimeSpan.FromSeconds(8); });
        var id = SimulatorSeed.UnreferencedOnCampaignId;

        var record = Assert.Single(await RunAsync(org, org.Client(), new StateChangeRequest(CampaignAction.Stop), id));

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

    [Theory]
    [InlineData(500)]
    [InlineData(0)]
    public async Task An_endpoint_that_faults_does_not_make_the_bulk_run_go_one_campaign_at_a_time(int status)
    {
        await using var org = await TestOrg.StartAsync();
        var ids = Enumerable.Range(31, 9).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in ids)
        {
            org.Simulator.SetStatus(id, "on");
        }

        var api = org.ClientThrough(resilience: org.Connection.Resilience, handler: new ShortCircuit(async r =>
        {
            if (r.Method != HttpMethod.Post || !r.RequestUri!.AbsolutePath.EndsWith("/stop", StringComparison.Ordinal))
            {
                return null;
            }

            await Task.Delay(300);
            return status == 0
                ? throw new HttpRequestException("reset (test)")
                : new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("""{"message":"boom","code":"internal.server.error"}""") };
        }));
        var clock = Stopwatch.StartNew();

        var records = await RunAsync(org, api, new StateChangeRequest(CampaignAction.Suspend), ids);

        // Six attempts of 0.3 s each and short backoffs: about 2 s for each campaign, side by side.
        Assert.Equal(9, records.Count(r => r.Outcome == StateChangeOutcome.Failed));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_slow_first_write_holds_the_others_no_longer_than_the_probe_wait()
    {
        await using var org = await TestOrg.StartAsync();
        var ids = Enumerable.Range(31, 5).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in ids)
        {
            org.Simulator.SetStatus(id, "on");
        }

        var posts = 0;
        var api = org.ClientThrough(new ShortCircuit(async r =>
        {
            if (r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/stop", StringComparison.Ordinal) && Interlocked.Increment(ref posts) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(8));
            }

            return null;
        }));

        var records = await RunAsync(org, api, new StateChangeRequest(CampaignAction.Suspend), ids);

        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Equal(4, records.Count(r => r.DurationMs < StatusEndpoints.ProbeWait.TotalMilliseconds + 2000));
    }

    [Fact]
    public async Task A_waiter_whose_channel_is_lost_stops_making_channels()
    {
        await using var org = await TestOrg.StartAsync(o => o.ChannelLifetime = TimeSpan.FromSeconds(2));
        var id = SimulatorSeed.UnreferencedOffCampaignId;
        var api = org.Client();
        var campaign = await api.GetCampaignAsync(id, null, CancellationToken.None);
        using var waiter = new NotificationCampaignWaiter(api);
        await waiter.PrepareAsync(new[] { id }, CancellationToken.None);
        org.Simulator.Options.NotificationsEnabled = false;
        org.Simulator.ClearRequests();

        var started = DateTime.UtcNow;
        var result = await waiter.WaitAsync(campaign, c => c.Status == "on", TimeSpan.FromSeconds(12), null, false, CancellationToken.None);

        // The renewal at 1.8 s tries (and retries) and gives up; after that no channel is asked for.
        Assert.False(result.Reached);
        Assert.True(waiter.IsPolling);
        var late = org.Simulator.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v2/notifications/channels" && r.Time > started.AddSeconds(8));
        Assert.Equal(0, late);
    }

    [Fact]
    public async Task A_wait_ends_near_its_timeout_however_its_reads_fail()
    {
        await using var org = await TestOrg.StartAsync(o => o.NotificationsEnabled = false);
        org.Connection.Resilience.BaseDelay = TimeSpan.FromMilliseconds(500);
        org.Connection.Resilience.MaxDelay = TimeSpan.FromSeconds(15);
        var api = org.Client();
        var campaign = await api.GetCampaignAsync(SimulatorSeed.UnreferencedOffCampaignId, null, CancellationToken.None);
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "GET", Rate = 1 });
        using var waiter = new NotificationCampaignWaiter(api);
        var clock = Stopwatch.StartNew();

        var result = await waiter.WaitAsync(campaign, c => c.Status == "on", TimeSpan.FromSeconds(2), null, false, CancellationToken.None);

        Assert.False(result.Reached);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2) + new PollingOptions().ReadOverrun + TimeSpan.FromSeconds(1.5), $"a 2 s wait took {clock.Elapsed.TotalSeconds:0.0} s");
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

    [Fact]
    public async Task A_pattern_PowerShell_would_refuse_is_a_plain_name_not_the_end_of_the_run()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var output = host.Run("Suspend-GenesysCampaign -Name 'Sales-West-006', 'Promo []', 'x[z-a]' -Confirm:$false");

        Assert.Equal(SimulatorSeed.UnreferencedOnCampaignId, ((GenesysCampaignStateChange)Assert.Single(output).BaseObject).CampaignId);
        Assert.Equal(new[] { "CampaignNotFound", "CampaignNotFound" }, host.Streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.True(new NamePattern("[^b]").IsMatch("^"));
        Assert.False(new NamePattern("[^b]").IsMatch("c"));
    }

    [Fact]
    public void A_rate_limit_reset_that_is_not_a_number_is_ignored()
    {
        var budget = new RateBudget();

        budget.Observe("300", "5", "NaN");

        Assert.Equal(RateBudget.DefaultAllowedPerMinute, budget.Allowed);
    }

    /// <summary>Forwards to the simulator, then replaces the status of the answers <c>status</c> picks with an HTML gateway page.</summary>
    private sealed class AnswerStatus(Func<HttpRequestMessage, int?> status) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (status(request) is { } code)
            {
                response.StatusCode = (HttpStatusCode)code;
                response.Content = new StringContent("<html>Gateway Timeout</html>");
            }

            return response;
        }
    }

    /// <summary>Forwards to the simulator; for the requests <c>lose</c> picks, drops the answer after the server handled it.</summary>
    private sealed class LosingHandler(Func<HttpRequestMessage, string?, bool> lose) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (lose(request, body))
            {
                response.Dispose();
                throw new HttpRequestException("connection reset after the server handled it (test)");
            }

            return response;
        }
    }

    /// <summary>Answers the requests <c>answer</c> takes itself; passes the rest to the simulator.</summary>
    private sealed class ShortCircuit(Func<HttpRequestMessage, Task<HttpResponseMessage?>> answer) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            await answer(request) ?? await base.SendAsync(request, cancellationToken);
    }
}

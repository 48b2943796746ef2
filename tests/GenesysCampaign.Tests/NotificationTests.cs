using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// Event-driven waiting, its fallback to polling, batching and the concurrency bound. Several tests
/// bound how long a wait takes, so they run alone (<see cref="TimingSensitive"/>).
/// </summary>
[Collection(TimingSensitive.Name)]
public class NotificationTests
{
    private static async Task<(List<GenesysCampaignStateChange> Records, NotificationCampaignWaiter Waiter)> SuspendAsync(
        TestOrg org, string[] ids, int throttle = 10, Action? afterWrites = null)
    {
        var api = org.Client();
        var campaigns = await api.GetCampaignsByIdAsync(ids, null, CancellationToken.None);
        org.Simulator.ClearRequests();
        org.Simulator.ResetConcurrency();
        var waiter = new NotificationCampaignWaiter(api, new NotificationOptions { Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) } });
        var records = new List<GenesysCampaignStateChange>();
        var run = new StateChangeExecutor(api, waiter, null).RunAsync(
            campaigns, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Force = true, ThrottleLimit = throttle, Timeout = TimeSpan.FromSeconds(30) },
            (r, _) => { lock (records) { records.Add(r); } }, CancellationToken.None);
        if (afterWrites is not null)
        {
            while (org.Simulator.Requests.Count(r => IsCampaignWrite(r)) < ids.Length)
            {
                await Task.Delay(10);
            }

            afterWrites();
        }

        await run;
        return (records, waiter);
    }

    private static string[] TurnOn(TestOrg org, int count)
    {
        var ids = Enumerable.Range(31, count).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in ids)
        {
            org.Simulator.SetStatus(id, "on");
        }

        return ids;
    }

    [Fact]
    public void A_minimal_event_takes_its_id_from_the_topic_and_the_rest_from_the_campaign_as_last_seen()
    {
        var known = GenesysCloud.Outbound.Campaigns.GenesysCampaign.Parse(
            """{"id":"c1","name":"Sales-1","version":4,"campaignStatus":"stopping","dialingMode":"preview","division":{"id":"d1","name":"Sales"},"errors":[]}""");
        using var doc = System.Text.Json.JsonDocument.Parse("""{"campaignStatus":"off","version":5,"errors":[]}""");

        Assert.True(CampaignTopic.TryRead("v2.outbound.campaigns.c1", doc.RootElement, id => id == "c1" ? known : null, out var seen));

        Assert.Equal(("c1", "Sales-1", "off", 5), (seen.Id, seen.Name, seen.Status, seen.Version));
        Assert.Equal(("preview", "Sales"), (seen.DialingMode, seen.Division));
        Assert.True(seen.FromNotification);
        Assert.False(known.FromNotification);

        using var noStatus = System.Text.Json.JsonDocument.Parse("""{"percentage":40}""");
        Assert.False(CampaignTopic.TryRead("v2.outbound.campaigns.c1", noStatus.RootElement, _ => known, out _));
        Assert.False(CampaignTopic.TryRead("v2.outbound.campaigns.c1.progress", doc.RootElement, _ => known, out _));
    }

    /// <summary>
    /// The campaign as read while stopping, then settled to off before anything is subscribed: no
    /// event of that settle will ever come, so only a read can show it.
    /// </summary>
    private static async Task<GenesysCloud.Outbound.Campaigns.GenesysCampaign> ReadAsStoppingThenSettleAsync(TestOrg org, GenesysCloud.Outbound.Api.GenesysApiClient api)
    {
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.SetStatus(id, "stopping");
        var seen = await api.GetCampaignAsync(id, null, CancellationToken.None);
        org.Simulator.SetStatus(id, "off");
        return seen;
    }

    [Fact]
    public async Task A_view_read_before_the_subscription_is_confirmed_by_a_read_not_left_to_the_deadline()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMinutes(5));
        var api = org.Client();
        var seen = await ReadAsStoppingThenSettleAsync(org, api);
        using var waiter = new NotificationCampaignWaiter(api);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await waiter.WaitAsync(seen, c => !StateRules.IsTransitional(c.Status), TimeSpan.FromSeconds(20), null, viewPredatesSubscription: true, CancellationToken.None);

        // Settled by the first confirming read, not by the final read at the 20 s deadline.
        Assert.True(result.Reached);
        Assert.Equal("off", result.Last!.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"settled after {clock.Elapsed}");
        Assert.False(waiter.IsPolling);
    }

    [Theory]
    [InlineData(CampaignAction.Suspend, "off", StateChangeOutcome.Unchanged)]
    [InlineData(CampaignAction.Resume, "on", StateChangeOutcome.Changed)]
    public async Task A_campaign_given_as_stopping_that_settled_before_the_run_subscribed_is_not_waited_on_to_the_timeout(CampaignAction action, string final, StateChangeOutcome outcome)
    {
        // Seen in fresh-clone CI runs: Suspend -Hold -Wait on seeded stopping campaigns waited out
        // -Timeout, then reported Unchanged stopping -> off. Suspend waits for the settle (nothing to
        // write); Resume waits for it before writing.
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMinutes(5));
        var api = org.Client();
        var given = await ReadAsStoppingThenSettleAsync(org, api);
        using var waiter = new NotificationCampaignWaiter(api);
        var records = new List<GenesysCampaignStateChange>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await new StateChangeExecutor(api, waiter, null).RunAsync(
            new[] { given }, new StateChangeRequest(action) { Wait = true, Timeout = TimeSpan.FromSeconds(20) }, (r, _) => records.Add(r), CancellationToken.None);

        var record = Assert.Single(records);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: {record.Message}");
        Assert.Equal((outcome, "stopping", final), (record.Outcome, record.PreviousStatus, record.FinalStatus));
        Assert.False(waiter.IsPolling);
    }

    [Fact]
    public async Task A_wait_whose_settling_event_is_lost_is_confirmed_by_a_read_not_left_to_the_timeout()
    {
        // Seen in a full run: a Resume -Wait whose event went out before the simulator attached the
        // socket waited its whole 300 s. Here every event is lost; the subscription still succeeds.
        await using var org = await TestOrg.StartAsync(o => o.LoseEvents = true);
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var api = org.Client();
        var given = await api.GetCampaignAsync(id, null, CancellationToken.None);
        using var waiter = new NotificationCampaignWaiter(api, new NotificationOptions { ConfirmUnheardAfter = TimeSpan.FromSeconds(2) });
        var records = new List<GenesysCampaignStateChange>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await new StateChangeExecutor(api, waiter, null).RunAsync(
            new[] { given }, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Timeout = TimeSpan.FromSeconds(30) }, (r, _) => records.Add(r), CancellationToken.None);

        var record = Assert.Single(records);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}: {record.Message}");
        Assert.Equal((StateChangeOutcome.Changed, "on", "off"), (record.Outcome, record.PreviousStatus, record.FinalStatus));
        Assert.False(waiter.IsPolling);
    }

    [Fact]
    public async Task A_write_sent_before_the_subscription_was_in_place_is_read_once_it_is_though_its_answer_came_after()
    {
        // Seen in a fresh-clone CI run of the first try at sending the subscription beside the writes:
        // Undo resumed a WhatsApp campaign in 20 s. Its start applied (and published "on") before the
        // subscription was in place, but was answered after it: the change asked whether it was
        // subscribed when the answer came, not when the write left, and waited for an event gone by.
        await using var org = await TestOrg.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.SetStatus(id, "off");
        var crossing = new SubscribedBetweenWriteAndAnswer();
        var api = org.ClientThrough(crossing);
        var given = await api.GetCampaignAsync(id, null, CancellationToken.None);
        using var waiter = new NotificationCampaignWaiter(api, new NotificationOptions { ConfirmUnheardAfter = TimeSpan.FromMinutes(10) });
        var records = new List<GenesysCampaignStateChange>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await new StateChangeExecutor(api, waiter, null).RunAsync(
            new[] { given }, new StateChangeRequest(CampaignAction.Resume) { Wait = true, Timeout = TimeSpan.FromSeconds(20) }, (r, _) => records.Add(r), CancellationToken.None);

        Assert.True(crossing.Crossed, "the subscription was not in place between the start applying and its answer");
        var record = Assert.Single(records);
        Assert.Equal((StateChangeOutcome.Changed, "off", "on"), (record.Outcome, record.PreviousStatus, record.FinalStatus));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: settled by the read at the 20 s deadline, not by one once subscribed");
        Assert.False(waiter.IsPolling);
    }

    /// <summary>
    /// Sends the subscription only once the start has applied, and hands the start's answer back only
    /// once the subscription's has come: the start's event goes out before anyone listens.
    /// </summary>
    private sealed class SubscribedBetweenWriteAndAnswer() : DelegatingHandler(new HttpClientHandler())
    {
        private readonly TaskCompletionSource _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Crossed { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Put && path.EndsWith("/subscriptions", StringComparison.Ordinal))
            {
                // Bounded, so a client that subscribes before it writes is not deadlocked, only not crossed.
                var applied = await Task.WhenAny(_applied.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)) == _applied.Task;
                var answer = await base.SendAsync(request, cancellationToken);
                Crossed = applied;
                _subscribed.TrySetResult();
                return answer;
            }

            if (request.Method == HttpMethod.Post && path.EndsWith("/start", StringComparison.Ordinal))
            {
                var answer = await base.SendAsync(request, cancellationToken);
                _applied.TrySetResult();
                await Task.WhenAny(_subscribed.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
                return answer;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task A_wait_settles_on_minimal_event_bodies_as_soon_as_they_come()
    {
        await using var org = await TestOrg.StartAsync(o =>
        {
            o.MinimalNotificationBodies = true;
            o.DialerDelay = TimeSpan.FromMilliseconds(500);
        });
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var api = org.Client();
        using var waiter = new NotificationCampaignWaiter(api);

        // Subscribed before the campaign starts turning off: a first channel can take longer than the
        // dialer's half second, and a settle before the subscription has no event to wait for.
        await waiter.PrepareAsync(new[] { id }, CancellationToken.None);
        org.Simulator.SetStatus(id, "stopping");
        var campaign = await api.GetCampaignAsync(id, null, CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await waiter.WaitAsync(campaign, c => c.Status == "off", TimeSpan.FromSeconds(20), null, false, CancellationToken.None);

        // Settled by the event, not by the read at the 20 s deadline.
        Assert.True(result.Reached);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"settled after {clock.Elapsed}");
        Assert.False(waiter.IsPolling);
        Assert.Equal((id, SimulatorSeed.UnreferencedOnCampaignName, "off"), (result.Last!.Id, result.Last.Name, result.Last.Status));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_campaign_settled_by_an_event_is_read_before_it_is_written(bool minimalBodies)
    {
        await using var org = await TestOrg.StartPutOnlyAsync(o =>
        {
            o.MinimalNotificationBodies = minimalBodies;
            o.DialerDelay = TimeSpan.FromSeconds(2);
        });
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.SetStatus(id, "stopping");
        var original = org.Simulator.GetCampaignJson(id);
        var api = org.Client();
        var campaign = await api.GetCampaignAsync(id, null, CancellationToken.None);
        Assert.Equal("stopping", campaign.Status);
        org.Simulator.ClearRequests();
        using var waiter = new NotificationCampaignWaiter(api);
        var records = new List<GenesysCampaignStateChange>();

        // Resume of a stopping campaign waits for it to settle (an event says off), then writes on.
        await new StateChangeExecutor(api, waiter, null).RunAsync(
            new[] { campaign }, new StateChangeRequest(CampaignAction.Resume) { Timeout = TimeSpan.FromSeconds(20) },
            (r, _) => records.Add(r), CancellationToken.None);

        var record = Assert.Single(records);
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Equal("on", org.Simulator.GetStatus(id));
        var put = Assert.Single(org.Simulator.Requests, IsCampaignWrite);
        AssertSameFieldsExceptStatusAndVersion(original, put.Body!);
        Assert.Contains(org.Simulator.Requests, r => r.Method == "GET" && r.Path == $"/api/v2/outbound/campaigns/{id}");
    }

    [Fact]
    public async Task A_socket_that_never_opens_falls_back_to_polling_within_the_attempt_timeout()
    {
        await using var org = await TestOrg.StartAsync();

        // A server that accepts the connection and never answers the WebSocket upgrade.
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var held = silent.AcceptTcpClientAsync();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var handler = new RewritingHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/notifications/channels", StringComparison.Ordinal)
            ? $$"""{"id":"silent","connectUri":"ws://127.0.0.1:{{port}}/","expires":"2030-01-01T00:00:00Z"}"""
            : null);
        var resilience = new GenesysCloud.Outbound.Resilience.ResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(1) };
        var api = org.ClientThrough(handler, resilience: resilience);
        using var waiter = new NotificationCampaignWaiter(api);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var prepare = waiter.PrepareAsync(new[] { SimulatorSeed.CampaignId(1) }, CancellationToken.None);

        Assert.Same(prepare, await Task.WhenAny(prepare, Task.Delay(TimeSpan.FromSeconds(15))));
        await prepare;
        Assert.True(waiter.IsPolling);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        silent.Stop();
    }

    [Fact]
    public async Task Waiting_uses_one_channel_one_subscription_and_about_one_request_per_campaign()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMilliseconds(600));
        var ids = TurnOn(org, 30);

        var (records, waiter) = await SuspendAsync(org, ids);
        using var _ = waiter;

        Assert.All(records, r => Assert.Equal(("Changed", "off"), (r.Outcome.ToString(), r.FinalStatus)));
        Assert.False(waiter.IsPolling);
        var api = org.Simulator.Requests.Where(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        Assert.Single(api, r => r.Method == "POST" && r.Path == "/api/v2/notifications/channels");
        Assert.Single(api, r => r.Method == "PUT" && r.Path.EndsWith("/subscriptions", StringComparison.Ordinal));
        Assert.Equal(30, api.Count(IsCampaignWrite));
        var reads = api.Count(r => r.Method == "GET" && r.Path == "/api/v2/outbound/campaigns");
        var lists = 2 + GenesysCloud.Outbound.Dependencies.OutboundKinds.Schedules.Count; // Sequences, rules, every schedule list: once.
        // The channel, its subscription, 30 writes, and a few batched reads (the campaigns written before the
        // subscription was in place are read once when it is).
        Assert.True(api.Count - lists <= 36, $"{api.Count} requests ({reads} confirming reads, {lists} dependency reads) for 30 campaigns");
        Assert.Contains(org.Simulator.Requests, r => r.Method == "WS");
    }

    [Fact]
    public async Task Without_notifications_it_falls_back_to_batched_polling_and_still_succeeds()
    {
        await using var org = await TestOrg.StartAsync(o => o.NotificationsEnabled = false);
        var ids = TurnOn(org, 12);

        var (records, waiter) = await SuspendAsync(org, ids);
        using var _ = waiter;

        Assert.True(waiter.IsPolling);
        Assert.Equal(12, records.Count(r => r.Outcome == StateChangeOutcome.Changed && r.FinalStatus == "off"));
        var polls = org.Simulator.Requests.Where(r => r.Method == "GET" && r.Path == "/api/v2/outbound/campaigns").ToList();
        Assert.NotEmpty(polls);
        Assert.Contains(polls, p => p.Query.Split('&').Count(q => q.StartsWith("id=", StringComparison.Ordinal)) > 1);
    }

    [Fact]
    public async Task With_notifications_down_a_wait_ends_at_its_timeout_not_after_the_setup_bounds()
    {
        // A breaker's trial (session 14): -Timeout 2 ended after 12 s, the channel and then the subscription
        // each taking their own 5 s bound before the campaign's wait began, and a TimedOut record then said 2 s.
        await using var org = await TestOrg.StartAsync(o =>
        {
            o.NotificationsEnabled = false;
            o.DialerDelay = TimeSpan.FromSeconds(60);
        });
        var id = TurnOn(org, 1)[0];
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = host.Run("param($id) Suspend-GenesysCampaign -Id $id -Wait -Timeout 2 -Confirm:$false -ErrorAction SilentlyContinue -InformationAction Ignore", PowerShellHost.Args(("id", id)));
        clock.Stop();

        var record = (GenesysCampaignStateChange)Assert.Single(output).BaseObject;
        Assert.Equal((StateChangeOutcome.TimedOut, "stopping"), (record.Outcome, record.FinalStatus));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"-Timeout 2 ended after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_Suspend_without_Wait_subscribes_to_nothing_even_for_a_campaign_still_stopping()
    {
        // It waits on none (a stopping campaign is left as it is): a failing subscription held such runs 5 s.
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(60));
        var ids = TurnOn(org, 2);
        org.Simulator.SetStatus(ids[0], "stopping");
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        org.Simulator.ClearRequests();

        var records = host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Confirm:$false -InformationAction Ignore", PowerShellHost.Args(("ids", ids)))
            .Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

        Assert.Equal([(StateChangeOutcome.Unchanged, "stopping"), (StateChangeOutcome.Changed, "stopping")], records.OrderBy(r => Array.IndexOf(ids, r.ObjectId)).Select(r => (r.Outcome, r.FinalStatus)));
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Path.StartsWith("/api/v2/notifications/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_campaign_settled_before_the_subscription_is_read_again_soon_when_the_read_lags()
    {
        // A breaker's trial (session 14): settled 100 ms after its stop, before a slow subscription was in
        // place (so no event), and the read to catch up lagged the write (showing it on): the wait went on
        // 15 s to the next unheard read. Reads lag writes by 1.5 s here.
        await using var org = await TestOrg.StartAsync(o =>
        {
            o.DialerDelay = TimeSpan.FromMilliseconds(100);
            o.StaleReadWindow = TimeSpan.FromMilliseconds(1500);
        });
        var id = TurnOn(org, 1)[0];
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Method = "PUT", PathContains = "/subscriptions", Count = 1, DelayMs = 1000 });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($id) Suspend-GenesysCampaign -Id $id -Wait -Timeout 60 -Confirm:$false -InformationAction Ignore", PowerShellHost.Args(("id", id)))).BaseObject;
        clock.Stop();

        Assert.Equal((StateChangeOutcome.Changed, "off"), (record.Outcome, record.FinalStatus));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"settled after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_wait_subscribes_only_to_the_campaigns_it_may_wait_on()
    {
        // A whole org piped in (a breaker: 20,000 given, 78 on) subscribed to every one: 21 channels, past
        // Genesys's 20 for a client, which evicts other runs' channels. The off ones are left as they are.
        await using var org = await TestOrg.StartAsync();
        var on = TurnOn(org, 2);
        var off = Enumerable.Range(40, 3).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in off)
        {
            org.Simulator.SetStatus(id, "off");
        }

        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        org.Simulator.ClearRequests();

        var records = host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Wait -Confirm:$false -InformationAction Ignore", PowerShellHost.Args(("ids", on.Concat(off).ToArray())))
            .Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

        Assert.Equal(2, records.Count(r => r.Outcome == StateChangeOutcome.Changed && r.FinalStatus == "off"));
        Assert.Equal(3, records.Count(r => r.Outcome == StateChangeOutcome.Unchanged));
        var subscribed = string.Concat(org.Simulator.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith("/subscriptions", StringComparison.Ordinal)).Select(r => r.Body));
        Assert.All(on, id => Assert.Contains(id, subscribed, StringComparison.Ordinal));
        Assert.All(off, id => Assert.DoesNotContain(id, subscribed, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_closed_or_dropped_socket_is_reconnected_and_the_wait_completes(bool announce)
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMilliseconds(1500));
        var ids = TurnOn(org, 5);

        var (records, waiter) = await SuspendAsync(org, ids, afterWrites: () => org.Simulator.CloseNotificationSockets(announce));
        using var _ = waiter;

        Assert.Equal(5, records.Count(r => r.Outcome == StateChangeOutcome.Changed && r.FinalStatus == "off"));
        Assert.True(org.Simulator.Requests.Count(r => r.Method == "WS") >= 2, "the socket was not reconnected");
    }

    [Fact]
    public async Task Writes_never_exceed_the_throttle_limit_and_reach_it()
    {
        await using var org = await TestOrg.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(150));
        var ids = TurnOn(org, 12);

        var (records, waiter) = await SuspendAsync(org, ids, throttle: 3);
        using var _ = waiter;

        Assert.Equal(12, records.Count);
        Assert.Equal(3, org.Simulator.MaxConcurrentWrites);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Watch_GenesysCampaign_streams_status_changes_until_its_timeout(bool minimalBodies)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { MinimalNotificationBodies = minimalBodies });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var id = SimulatorSeed.UnreferencedOffCampaignId;
        using var ps = host.Create("param($id) Watch-GenesysCampaign -Id $id -Timeout 4", new Dictionary<string, object?> { ["id"] = id });
        var output = new PSDataCollection<PSObject>();
        var run = ps.BeginInvoke<PSObject, PSObject>(null, output);

        // Subscribed and caught up: the read after the subscription is the watch's second read of the campaign.
        await Eventually.Until(() => sim.ConnectedSockets > 0 && sim.Requests.Count(r => r.Method == "GET" && r.Query.Contains(id) && r.Status == 200) >= 2, TimeSpan.FromSeconds(3), "the watch subscribed");

        sim.SetStatus(id, "on");
        sim.SetStatus(id, "stopping");
        ps.EndInvoke(run);

        var all = output.Select(o => (GenesysCampaignStatusEvent)o.BaseObject).ToList();
        Assert.Equal(("Start", (string?)null, "off"), (all[0].Source, all[0].PreviousStatus, all[0].Status)); // Where it stood as the watch began.
        var events = all.Skip(1).ToList();
        Assert.Equal(new[] { ("off", "on"), ("on", "stopping"), ("stopping", "off") }, events.Select(e => (e.PreviousStatus!, e.Status)));
        Assert.All(events, e => Assert.Equal("Notification", e.Source));
        Assert.All(events, e => Assert.Equal((id, SimulatorSeed.UnreferencedOffCampaignName), (e.CampaignId, e.CampaignName)));
    }
}

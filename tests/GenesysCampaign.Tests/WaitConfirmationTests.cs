using System.Diagnostics;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using Xunit.Abstractions;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// Waits that end by a read rather than an event: a view older than the subscription, a confirming read
/// that fails, a channel lost for good, reads that all fail, and Ctrl+C after the write. They measure
/// time, so they run alone (<see cref="TimingSensitive"/>).
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class WaitConfirmationTests(ITestOutputHelper output)
{
    private const string ListPath = "/api/v2/outbound/campaigns";

    private static async Task<(List<GenesysCampaignStateChange> Records, TimeSpan Elapsed)> RunAsync(
        TestOrg org, IReadOnlyList<GenesysCloud.Outbound.Campaigns.GenesysCampaign> campaigns, StateChangeRequest request, NotificationOptions options, CancellationToken cancellationToken = default)
    {
        var api = org.Client();
        using var waiter = new NotificationCampaignWaiter(api, options);
        var records = new List<GenesysCampaignStateChange>();
        var clock = Stopwatch.StartNew();
        try
        {
            await new StateChangeExecutor(api, waiter, null).RunAsync(campaigns, request, (r, _) => { lock (records) { records.Add(r); } }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return (records, clock.Elapsed);
    }

    // Once failed: a wait on a view from before the subscription (a campaign given as stopping) is to be
    // read at the next 300 ms window; when that one read is slow or fails, ToConfirm is cleared anyway
    // and the wait is left to the 15 s unheard confirm, for a campaign that was off all along.
    [Fact]
    public async Task A_stopping_view_whose_first_confirming_read_fails_is_read_again_at_the_next_window()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMilliseconds(300));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.SetStatus(id, "stopping");
        var given = await org.Client().GetCampaignAsync(id, null, CancellationToken.None);
        while (org.Simulator.GetStatus(id) != "off")
        {
            await Task.Delay(50); // Settled before the run subscribes: no event will come.
        }

        // The first confirming read outlasts the waiter's 5 s read bound (a slow replica, a long Retry-After).
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Method = "GET", PathContains = ListPath, DelayMs = 6000, Count = 1 });
        var (records, elapsed) = await RunAsync(org, new[] { given }, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Timeout = TimeSpan.FromSeconds(60) }, new NotificationOptions());

        var record = Assert.Single(records);
        Assert.Equal((StateChangeOutcome.Unchanged, "stopping", "off"), (record.Outcome, record.PreviousStatus, record.FinalStatus));
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}: after the failed read the wait sat until the 15 s unheard confirm");
    }

    // Once failed (a breaker, 2026-12-06): a wait whose view predates the subscription is read at once;
    // when that read outlasts its bound past the deadline, a second, final read was started then, and the
    // wait ended two read bounds after its deadline, not one.
    [Fact]
    public async Task A_wait_whose_confirming_read_outlasts_its_deadline_ends_within_one_read_bound()
    {
        await using var org = await TestOrg.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var given = await org.Client().GetCampaignAsync(id, null, CancellationToken.None);
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Method = "GET", PathContains = ListPath, DelayMs = 30000, Rate = 1.0 });
        var options = new NotificationOptions { Polling = new PollingOptions { ReadOverrun = TimeSpan.FromSeconds(3) } };
        using var waiter = new NotificationCampaignWaiter(org.Client(), options);
        await waiter.PrepareAsync(new[] { id }, CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var result = await waiter.WaitAsync(given, c => c.Status == "off", TimeSpan.FromSeconds(1), null, viewPredatesSubscription: true, CancellationToken.None);

        Assert.False(result.Reached);
        output.WriteLine($"ended after {clock.Elapsed}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: the 1 s wait should end within the 3 s read bound of its first read, not read again after it");
    }

    // Once failed: Ctrl+C while a written change waits records FinalStatus as the view written from (on),
    // though the stop was accepted and its stopping event was heard: the audit says on -> on.
    [Fact]
    public async Task A_Suspend_Wait_cancelled_after_its_write_does_not_record_the_campaign_as_still_on()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(20));
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var given = await org.Client().GetCampaignAsync(id, null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var run = RunAsync(org, new[] { given }, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Timeout = TimeSpan.FromSeconds(60) }, new NotificationOptions(), cancel.Token);
        while (!org.Simulator.Requests.Any(IsCampaignWrite))
        {
            await Task.Delay(20);
        }

        await Task.Delay(1500); // The stop was answered and its stopping event sent.
        Assert.Equal("stopping", org.Simulator.GetStatus(id));
        await cancel.CancelAsync();
        var (records, _) = await run;

        var record = Assert.Single(records);
        output.WriteLine($"{record.Outcome} {record.PreviousStatus} -> {record.FinalStatus}: {record.Message}");
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.NotEqual("on", record.FinalStatus);
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
}

using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// A campaign deleted while a change waits on it (a breaker, 2026-12-06: the wait went on to its timeout, five
/// minutes by default, and then said the campaign was "still stopping"): the first read that finds no campaign
/// ends the wait, and the record says it is gone. Bounds how long that takes, so it runs alone.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class DeletedWhileWaitedOnTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_campaign_deleted_while_waited_on_is_Failed_as_not_found_at_the_next_read_not_at_the_timeout(bool notifications)
    {
        await using var org = await TestOrg.StartAsync(o => { o.DialerDelay = TimeSpan.FromMinutes(5); o.AllowDeletingActiveCampaigns = true; });
        var api = org.Client();
        var id = SimulatorSeed.OnSmsCampaignId;
        var campaigns = await api.GetCampaignsByIdAsync([id], null, CancellationToken.None);
        var polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) };
        using ICampaignWaiter waiter = notifications
            ? new NotificationCampaignWaiter(api, new NotificationOptions { ConfirmUnheardAfter = TimeSpan.FromSeconds(1), Polling = polling })
            : new PollingCampaignWaiter(api, polling);
        var records = new List<GenesysCampaignStateChange>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = new StateChangeExecutor(api, waiter, null).RunAsync(
            campaigns, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Timeout = TimeSpan.FromSeconds(60) }, (r, _) => records.Add(r), CancellationToken.None);
        while (!org.Simulator.Requests.Any(r => r.Method == "POST" && r.Path.EndsWith("/stop", StringComparison.Ordinal) && r.Status is >= 200 and < 300))
        {
            await Task.Delay(20);
        }

        await api.SendAsync(HttpMethod.Delete, "api/v2/outbound/messagingcampaigns/" + id, null, null, "Deleting (test)", CancellationToken.None);
        await run;

        var record = Assert.Single(records);
        Assert.Equal((StateChangeOutcome.Failed, Failures.CampaignNotFound, FailureKind.ObjectNotFound), (record.Outcome, record.ErrorCode, record.Failure));
        Assert.Null(record.FinalStatus);
        Assert.Contains("no longer there", record.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"ended after {clock.Elapsed} (the timeout is 60 s)");
    }
}

using System.Management.Automation;
using System.Text.RegularExpressions;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 9, point 4: waits and watches that outlive a notification channel, or that must poll,
/// keep hearing every change and stay within the request budget.
/// </summary>
public class LongWaitTests
{
    [Fact]
    public async Task A_watch_that_outlives_its_channel_moves_to_a_new_one_and_misses_nothing()
    {
        // Channels live 2 s here and then fall silent (no close, no heartbeat), as an expired one may.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { ChannelLifetime = TimeSpan.FromSeconds(2), HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var id = SimulatorSeed.UnreferencedOffCampaignId;
        using var ps = host.Create("param($id) Watch-GenesysCampaign -Id $id -Timeout 6", Args(("id", id)));
        var output = new PSDataCollection<PSObject>();
        var run = ps.BeginInvoke<PSObject, PSObject>(null, output);

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        sim.SetStatus(id, "on");
        ps.EndInvoke(run);

        var change = Assert.Single(output.Select(o => (GenesysCampaignStatusEvent)o.BaseObject), e => e.Source != "Start");
        Assert.Equal(("off", "on"), (change.PreviousStatus, change.Status));
        Assert.True(sim.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v2/notifications/channels") >= 2, "no new channel was made");
        Assert.True(sim.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith("/subscriptions", StringComparison.Ordinal)) >= 2, "the new channel was not subscribed");
    }

    [Fact]
    public async Task A_channel_that_falls_silent_is_replaced_and_the_wait_still_hears_its_event()
    {
        // No expires in the answer: only the missing heartbeats tell that the channel died.
        await using var org = await TestOrg.StartAsync(o =>
        {
            o.ChannelLifetime = TimeSpan.FromSeconds(1.5);
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
            o.DialerDelay = TimeSpan.FromSeconds(4);
        });
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var api = org.ClientThrough(new WithoutExpires());
        var campaign = await api.GetCampaignAsync(id, null, CancellationToken.None);
        using var waiter = new NotificationCampaignWaiter(api, new NotificationOptions { HeartbeatTimeout = TimeSpan.FromSeconds(1) });
        var records = new List<GenesysCampaignStateChange>();

        await new StateChangeExecutor(api, waiter, null).RunAsync(new[] { campaign }, new StateChangeRequest(CampaignAction.Suspend) { Wait = true, Timeout = TimeSpan.FromSeconds(20) }, (r, _) => records.Add(r), CancellationToken.None);

        Assert.Equal((StateChangeOutcome.Changed, "off"), (Assert.Single(records).Outcome, records[0].FinalStatus));
        Assert.False(waiter.IsPolling, "it fell back to polling instead of replacing the channel");
        Assert.True(org.Simulator.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v2/notifications/channels") >= 2, "no new channel was made");
    }

    [Fact]
    public async Task Polling_stays_within_half_of_the_request_budget()
    {
        // 300 campaigns are 3 list requests a poll; 60 requests a minute allowed, so at most 30 for polling: a poll every 6 s.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { CampaignCount = 300, NotificationsEnabled = false, RateLimitPerMinute = 60 });
        var ids = Enumerable.Range(1, 300).Select(SimulatorSeed.CampaignId).ToArray();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.ClearRequests();

        host.Run("param($ids) Watch-GenesysCampaign -Id $ids -Timeout 8", Args(("ids", ids)));

        var polls = sim.Requests.Where(r => r.Method == "GET" && r.Path == "/api/v2/outbound/campaigns" && r.Query.Contains("id=", StringComparison.Ordinal)).ToList();
        Assert.True(polls.Count <= 9, $"{polls.Count} list requests in 8 s, more than three reads of 300 campaigns");
        Assert.True(polls.Count >= 3, "the campaigns were not read at all");
    }

    /// <summary>Drops <c>expires</c> from notification channel answers.</summary>
    private sealed class WithoutExpires() : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/notifications/channels", StringComparison.Ordinal))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                response.Content = new StringContent(Regex.Replace(body, ",\"expires\":\"[^\"]*\"", string.Empty), System.Text.Encoding.UTF8, "application/json");
            }

            return response;
        }
    }
}

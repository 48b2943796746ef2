using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Notifications as Genesys's SDK describes them (contract/outbound-api.json): event bodies of each
/// topic's model (the voice one has no forced_* status), subscriptions with ignoreErrors, and the
/// system messages that end a channel's subscriptions.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class NotificationContractTests
{
    [Fact]
    public async Task Every_event_is_an_envelope_of_its_topic_model_and_a_voice_force_stop_is_not_told()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMinutes(5));
        var voice = SimulatorSeed.UnreferencedOnCampaignId;
        string[] messaging = [SimulatorSeed.OnSmsCampaignId, SimulatorSeed.OnEmailCampaignId, SimulatorSeed.OnWhatsAppCampaignId];
        string[] topics =
        [
            "v2.outbound.campaigns." + voice, "v2.outbound.messagingcampaigns." + messaging[0],
            "v2.outbound.emailcampaigns." + messaging[1], "v2.outbound.whatsappcampaigns." + messaging[2],
        ];
        using var api = await SimApi.ConnectAsync(org.Simulator);
        using var socket = await api.SubscribeAsync(topics, expectPermitted: true);

        // Voice: stop (stopping, then off), start, stop and force stop (forced_stopping, forced_off).
        org.Simulator.SetStatus(voice, "off");
        org.Simulator.SetStatus(voice, "on");
        org.Simulator.SetStatus(voice, "stopping");
        org.Simulator.SetStatus(voice, "forced_stopping");
        org.Simulator.SetStatus(voice, "forced_off");
        foreach (var id in messaging)
        {
            org.Simulator.SetStatus(id, "forced_off");
        }

        // Six are told (one more is waited for, to see that none else comes).
        var envelopes = await socket.ReceiveEventsAsync(7, TimeSpan.FromSeconds(2));

        var faults = envelopes.SelectMany(e => ContractTests.EnvelopeFaults(e, everyKey: false)).Select(SdkContract.Summary).Distinct().ToList();
        Assert.True(faults.Count == 0, string.Join("\n", faults));
        var voiceStatuses = envelopes.Where(e => ((string)e["topicName"]!).StartsWith("v2.outbound.campaigns.", StringComparison.Ordinal)).Select(e => (string)e["eventBody"]!["campaignStatus"]!).ToList();
        Assert.Equal(["off", "on", "stopping"], voiceStatuses);
        // The messaging topics' models have forced_off: each messaging campaign tells it on its own topic.
        Assert.Equal(3, envelopes.Count(e => (string?)e["eventBody"]!["campaignStatus"] == "forced_off"));
    }

    [Fact]
    public async Task Without_ignoreErrors_one_refused_topic_fails_the_subscription_and_with_it_the_others_are_subscribed()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        var channel = (await api.PostAsync("api/v2/notifications/channels")).Body!;
        var path = $"api/v2/notifications/channels/{channel["id"]}/subscriptions";
        var body = JsonNode.Parse($$"""[{"id":"v2.outbound.campaigns.{{SimulatorSeed.UnreferencedOnCampaignId}}"},{"id":"v2.outbound.campaigns.c0000000-0000-4000-8000-999999999999"}]""")!;

        var strict = await api.PutAsync(path, body);
        var lenient = await api.PutAsync(path + "?ignoreErrors=true", body);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, strict.Status);
        Assert.Contains("c0000000-0000-4000-8000-999999999999", (string)strict.Body!["message"]!, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, lenient.Status);
        var states = lenient.Body!["entities"]!.AsArray().Select(e => (string)e!["state"]!).ToList();
        Assert.Equal(["Permitted", "Rejected"], states);
    }

    [Fact]
    public async Task A_wait_among_campaigns_one_of_which_has_no_topic_still_listens_to_the_others()
    {
        // Before ignoreErrors, the one refused topic failed the whole subscription and every wait polled.
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMilliseconds(100));
        var api = org.Client();
        var on = await api.GetCampaignAsync(SimulatorSeed.UnreferencedOnCampaignId, null, CancellationToken.None);
        using var waiter = new NotificationCampaignWaiter(api, new NotificationOptions { ConfirmUnheardAfter = TimeSpan.FromMinutes(5) });

        await waiter.PrepareAsync([on.Id, "c0000000-0000-4000-8000-999999999999"], CancellationToken.None);
        org.Simulator.ClearRequests();
        org.Simulator.SetStatus(on.Id, "off");
        var result = await waiter.WaitAsync(on, c => c.Status == "off", TimeSpan.FromSeconds(20), null, viewPredatesSubscription: false, CancellationToken.None);

        Assert.False(waiter.IsPolling);
        Assert.True(result.Reached);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "GET"); // Told by its event, not read.
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_channel_whose_subscriptions_Genesys_ended_is_lost_and_its_waits_are_read(bool tokenRevoked)
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMinutes(5));
        var api = org.Client();
        var on = await api.GetCampaignAsync(SimulatorSeed.UnreferencedOnCampaignId, null, CancellationToken.None);
        using var waiter = new NotificationCampaignWaiter(api, new NotificationOptions
        {
            ConfirmUnheardAfter = TimeSpan.FromMinutes(5),
            Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) },
        });
        await waiter.PrepareAsync([on.Id], CancellationToken.None);
        var wait = waiter.WaitAsync(on, c => c.Status == "off", TimeSpan.FromSeconds(20), null, viewPredatesSubscription: false, CancellationToken.None);

        if (tokenRevoked)
        {
            org.Simulator.RevokeTokens();
        }
        else
        {
            org.Simulator.EndNotificationSubscriptions();
        }

        await Eventually.Until(() => waiter.IsPolling, TimeSpan.FromSeconds(5), "the waiter moved to polling");
        org.Simulator.SetStatus(on.Id, "off"); // Told to nobody: only a read shows it.
        var result = await wait;

        Assert.True(result.Reached);
        Assert.Equal("off", result.Last!.Status);
    }

    [Fact]
    public async Task A_voice_force_stop_with_Wait_is_confirmed_by_reads_since_its_topic_cannot_tell_forced_off()
    {
        // The forced statuses never come as voice events: before, the wait heard nothing until its deadline.
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMilliseconds(500));
        var api = org.Client();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var campaigns = await api.GetCampaignsByIdAsync([id], null, CancellationToken.None);
        using var waiter = new NotificationCampaignWaiter(api, new NotificationOptions
        {
            ConfirmUnheardAfter = TimeSpan.FromMinutes(5),
            Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) },
        });
        var records = new List<GenesysCampaignStateChange>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await new StateChangeExecutor(api, waiter, null).RunAsync(
            campaigns, new StateChangeRequest(CampaignAction.Stop) { Wait = true, Timeout = TimeSpan.FromSeconds(20) }, (r, _) => records.Add(r), CancellationToken.None);

        var record = Assert.Single(records);
        Assert.Equal((StateChangeOutcome.Changed, "forced_off"), (record.Outcome, record.FinalStatus));
        // Read as it settled, not at the final read of the 20 s deadline.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"settled after {clock.Elapsed}");
        Assert.False(waiter.IsPolling);
    }

    // Once wrong (a breaker, 2026-12-06): Watch-GenesysCampaign, listening to events, never showed a voice force
    // stop (stopping -> on, with forced_off in between unseen).
    [Fact]
    public async Task A_watch_reads_a_voice_campaign_that_is_stopping_so_a_force_stop_is_seen()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMinutes(5));
        var api = org.Client();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        org.Simulator.SetStatus(id, "stopping");
        var campaign = await api.GetCampaignAsync(id, null, CancellationToken.None);
        var seen = new List<GenesysCloud.Outbound.Campaigns.GenesysCampaignStatusEvent>();
        using var stop = new CancellationTokenSource();
        var watch = new CampaignWatcher(api) { PollInterval = TimeSpan.FromMilliseconds(200) }.RunAsync([campaign], e => { lock (seen) { seen.Add(e); } }, stop.Token);

        await Task.Delay(500);
        org.Simulator.SetStatus(id, "forced_stopping"); // Untold on the voice topic.
        await Eventually.Until(() => { lock (seen) { return seen.Any(e => e.Status == "forced_stopping"); } }, TimeSpan.FromSeconds(5), "forced_stopping was seen");
        org.Simulator.SetStatus(id, "forced_off");
        await Eventually.Until(() => { lock (seen) { return seen.Any(e => e.Status == "forced_off"); } }, TimeSpan.FromSeconds(5), "forced_off was seen");
        await stop.CancelAsync();
        await watch;

        lock (seen)
        {
            Assert.Equal(["forced_stopping", "forced_off"], seen.Select(e => e.Status));
            Assert.All(seen, e => Assert.Equal("Poll", e.Source));
        }
    }
}

using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 11: the org's limits of 50 active voice and 25 active messaging campaigns are enforced
/// before the writes: a Resume turns campaigns on up to the limit, in the order given, and rejects
/// the rest without sending what Genesys would refuse.
/// </summary>
public sealed class ActiveLimitTests
{
    [Fact]
    public async Task A_Resume_past_the_messaging_limit_turns_on_up_to_it_in_order_and_rejects_the_rest_unsent()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        for (var i = 1; i <= 30; i++)
        {
            sim.SetStatus(SimulatorSeed.MessagingCampaignId(i), i <= 23 ? "on" : "off");
        }

        var ids = Enumerable.Range(24, 5).Select(SimulatorSeed.MessagingCampaignId).Reverse().ToArray(); // given 28, 27, ... 24
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var records = Records(host.Run("param($ids) Resume-GenesysCampaign -Id $ids -ThrottleLimit 5 -Confirm:$false", Args(("ids", ids))));

        Assert.Equal(new[] { ids[0], ids[1] }, records.Where(r => r.Outcome == StateChangeOutcome.Changed).Select(r => r.CampaignId).OrderByDescending(id => id));
        var rejected = records.Where(r => r.Outcome == StateChangeOutcome.Rejected).ToList();
        Assert.Equal(3, rejected.Count);
        Assert.All(rejected, r =>
        {
            Assert.Equal((FailureKind.LimitsExceeded, Failures.ActiveCampaignLimit), (r.Failure!.Value, r.ErrorCode));
            Assert.Contains("23 active messaging campaigns", r.Message);
            Assert.Contains("at most 25", r.Message);
            Assert.Equal("off", sim.GetStatus(r.ObjectId));
        });
        var writes = sim.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v2/outbound/messagingcampaigns/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(host.Streams.Error, e => Assert.Equal(ErrorCategory.LimitsExceeded, e.CategoryInfo.Category));
        Assert.Equal(3, host.Streams.Error.Count);
    }

    [Fact]
    public async Task An_org_that_shows_more_active_campaigns_than_the_documented_limit_decides_for_itself()
    {
        // This org allows 60 (limits can differ by org and contract): 55 are on, which shows the documented
        // 50 is not its limit, so the module sends the Resume and Genesys decides: one more is taken, and the
        // one past 60 is Genesys's own refusal, a Rejected record with its message.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { MaxActiveCampaigns = 60, CampaignCount = 70 });
        for (var i = 1; i <= 70; i++)
        {
            sim.SetStatus(SimulatorSeed.CampaignId(i), i <= 55 ? "on" : "off");
        }

        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var taken = Enumerable.Range(61, 5).Select(SimulatorSeed.CampaignId).ToArray();
        var past = SimulatorSeed.CampaignId(66);

        var records = Records(host.Run("param($ids) Resume-GenesysCampaign -Id $ids -ThrottleLimit 1 -Confirm:$false -ErrorAction SilentlyContinue", Args(("ids", taken.Append(past).ToArray()))));

        Assert.All(taken, id => Assert.Equal(StateChangeOutcome.Changed, records.Single(r => r.ObjectId == id).Outcome));
        var refused = records.Single(r => r.ObjectId == past);
        Assert.Equal((StateChangeOutcome.Rejected, FailureKind.LimitsExceeded), (refused.Outcome, refused.Failure!.Value));
        Assert.Contains("maximum number of active campaigns (60)", refused.Message);
        Assert.Equal("off", sim.GetStatus(past));
    }

    [Fact]
    public async Task The_voice_limit_counts_stopping_campaigns_and_WhatIf_says_which_would_be_rejected()
    {
        // A slow dialer: campaign 48 stays stopping (so active) from the -WhatIf through the run. With the
        // 300 ms default it settled in between once (fresh-clone CI), and three campaigns fitted.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromMinutes(5) });
        for (var i = 1; i <= 60; i++)
        {
            sim.SetStatus(SimulatorSeed.CampaignId(i), i <= 47 ? "on" : i == 48 ? "stopping" : "off");
        }

        var ids = Enumerable.Range(51, 4).Select(SimulatorSeed.CampaignId).ToArray();
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        host.Run("param($ids) Resume-GenesysCampaign -Id $ids -WhatIf", Args(("ids", ids)));
        var lines = answering.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        var records = Records(host.Run("param($ids) Resume-GenesysCampaign -Id $ids -Confirm:$false -ErrorAction SilentlyContinue", Args(("ids", ids))));

        Assert.Equal(2, lines.Count(l => l.Contains("Resume (set to on)", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("Would be rejected", StringComparison.Ordinal) && l.Contains("1 of them turning off", StringComparison.Ordinal)));
        // Records stream as each change ends: the two writes go out together, so either may end first.
        Assert.Equal(new[] { ids[0], ids[1] }, records.Where(r => r.Outcome == StateChangeOutcome.Changed).Select(r => r.CampaignId).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { ids[2], ids[3] }, records.Where(r => r.Outcome == StateChangeOutcome.Rejected).Select(r => r.CampaignId).Order(StringComparer.Ordinal));
        Assert.Equal(2, sim.Requests.Count(IsCampaignWrite));
    }

    [Fact]
    public async Task A_campaign_the_limit_rejects_is_never_turned_on_unasked_even_when_an_earlier_one_is_declined()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        for (var i = 1; i <= 30; i++)
        {
            sim.SetStatus(SimulatorSeed.MessagingCampaignId(i), i <= 24 ? "on" : "off");
        }

        var ids = new[] { SimulatorSeed.MessagingCampaignId(25), SimulatorSeed.MessagingCampaignId(26) };
        var answering = new AnsweringHost("No");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        var records = Records(host.Run("param($ids) Resume-GenesysCampaign -Id $ids -Confirm -ErrorAction SilentlyContinue", Args(("ids", ids))));

        // The one place left is counted for the first, which alone is asked about; declined, its
        // place is not handed to the second, which was never asked.
        Assert.Single(answering.Prompts);
        Assert.Equal(StateChangeOutcome.Unchanged, Assert.Single(records, r => r.CampaignId == ids[0]).Outcome);
        Assert.Equal(StateChangeOutcome.Rejected, Assert.Single(records, r => r.CampaignId == ids[1]).Outcome);
        Assert.DoesNotContain(sim.Requests, r => r.Method == "POST" && r.Path.Contains("messagingcampaigns/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_count_that_cannot_be_read_does_not_block_a_Resume()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var campaign = Assert.Single(host.Run("param($id) Get-GenesysCampaign -Id $id", Args(("id", SimulatorSeed.OffSmsCampaignId))));
        sim.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "GET", PathContains = "/api/v2/outbound/messagingcampaigns", Count = 100 });

        var record = Assert.Single(Records(host.Run("param($c) $c | Resume-GenesysCampaign -Confirm:$false -Verbose", Args(("c", campaign)))));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains(host.Streams.Verbose, v => v.Message.Contains("could not be counted", StringComparison.Ordinal));
    }
}

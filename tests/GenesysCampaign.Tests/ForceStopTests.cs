using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 9, point 2: Stop-GenesysCampaign turns the campaign off first and writes forced_off while
/// it is stopping; a refused force write leaves a Changed record with a warning, never a lost change.
/// </summary>
public class ForceStopTests
{
    private static readonly string Id = SimulatorSeed.UnreferencedOnCampaignId;

    private static GenesysCampaignStateChange StopOne(PowerShellHost host, string extra = "") =>
        (GenesysCampaignStateChange)Assert.Single(host.Run($"param($id) Stop-GenesysCampaign -Id $id -Confirm:$false {extra}", Args(("id", Id)))).BaseObject;

    /// <summary>Stops the campaign while the dialer takes 30 s to turn it off (so a force write is due), its PUTs meeting <paramref name="fault"/>.</summary>
    private static async Task<GenesysCampaignStateChange> StopWithAFaultyPutAsync(FaultRule fault)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(30) });
        sim.Faults.Add(fault);
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        return StopOne(host);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Force_stop_works_whether_or_not_Genesys_takes_forced_off_from_on(bool allowFromOn)
    {
        // A settle of 4 s: the read after the stop must find the campaign still stopping even on a loaded
        // machine (with 1 s, a full run once found it off already, and rightly sent no force).
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(4), AllowForceStopFromOn = allowFromOn });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);

        var record = StopOne(host, "-Wait -Timeout 20");

        Assert.Empty(host.Streams.Error);
        Assert.Equal((StateChangeOutcome.Changed, "forced_off", "POST stop; PUT forced_off"), (record.Outcome, record.FinalStatus, record.WrittenWith));
        Assert.Equal(new[] { "POST stop", "PUT forced_off" }, sim.Requests.Where(w => IsCampaignWrite(w) && w.Status is 200 or 202).Select(DescribeWrite));
        Assert.Equal("forced_off", sim.GetStatus(Id));
    }

    [Fact]
    public async Task A_force_stop_keeps_a_fraction_of_calls_per_agent()
    {
        // Campaign 6 reads maxCallsPerAgent 1 and maxCallsPerAgentDecimal 1.5. Genesys takes the integer
        // unless the PUT says useMaxCallsPerAgentDecimal=true (the simulator's stricter reading: the decimal
        // then follows the integer), so the forced_off PUT must say it, or 1.5 calls per agent become 1.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(4) });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);

        var record = StopOne(host);

        Assert.Equal((StateChangeOutcome.Changed, "POST stop; PUT forced_off"), (record.Outcome, record.WrittenWith));
        var after = System.Text.Json.Nodes.JsonNode.Parse(sim.GetCampaignJson(Id))!;
        Assert.Equal((1.5, 1), (after["maxCallsPerAgentDecimal"]!.GetValue<double>(), after["maxCallsPerAgent"]!.GetValue<int>()));
        Assert.Equal("useMaxCallsPerAgentDecimal=true", Assert.Single(sim.Requests, r => r.Method == "PUT").Query);
    }

    // Once wrong (a review, 2026-12-06): a force write met by a version conflict, read again and sent again
    // with success, left a warning that the force stop was refused.
    [Fact]
    public async Task A_force_write_that_meets_a_conflict_and_then_applies_is_not_called_refused()
    {
        var record = await StopWithAFaultyPutAsync(new FaultRule { Kind = FaultKind.VersionBump, Method = "PUT", PathContains = Id, Count = 1 });

        Assert.Equal((StateChangeOutcome.Changed, "POST stop; PUT forced_off"), (record.Outcome, record.WrittenWith));
        // Without -Wait: force-stopping, as the record says.
        Assert.StartsWith($"Campaign '{SimulatorSeed.UnreferencedOnCampaignName}' is being force-stopped (forced_stopping", record.Message);
        Assert.DoesNotContain(record.Warnings, w => w.Contains("refused", StringComparison.Ordinal));
    }

    // Once wrong (a breaker, 2026-12-06): a forced_off PUT that met only 503s was reported "refused",
    // though a PUT with no answer may have applied.
    [Fact]
    public async Task A_force_stop_that_got_no_answer_is_not_called_refused()
    {
        var record = await StopWithAFaultyPutAsync(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "PUT", PathContains = Id, Count = 1000 });

        Assert.Equal((StateChangeOutcome.Changed, "POST stop", (string?)null), (record.Outcome, record.WrittenWith, record.FinalStatus));
        Assert.DoesNotContain("refused", record.Message);
        Assert.Contains("not known", record.Message);
        Assert.Contains(record.Warnings, w => w.Contains("may have applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_force_stop_is_said_even_when_the_campaign_then_reads_off()
    {
        // The forced_off PUT is refused as an invalid transition because, in that moment, the dialer
        // finished: the read after it shows off. The campaign is off, but the force stop did not do it.
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromSeconds(30));
        const string refusal = "Invalid transition from stopping to forced_off";
        var api = org.ClientThrough(new ShortCircuit(r =>
        {
            if (r.Method != HttpMethod.Put || !r.RequestUri!.AbsolutePath.EndsWith(Id, StringComparison.Ordinal))
            {
                return Task.FromResult<HttpResponseMessage?>(null);
            }

            org.Simulator.SetStatus(Id, "off");
            return Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
            {
                Content = new StringContent($$"""{"message":"{{refusal}}","code":"invalid.transition","status":400}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }));

        var record = Assert.Single(await org.RunAsync(api, new StateChangeRequest(CampaignAction.Stop), Id));

        Assert.Equal((StateChangeOutcome.Changed, "POST stop", "off"), (record.Outcome, record.WrittenWith, record.FinalStatus));
        Assert.Contains("force stop was refused", record.Message);
        Assert.Contains(refusal, record.Message);
        Assert.DoesNotContain("before a force stop was needed", record.Message);
    }

    [Fact]
    public async Task A_campaign_that_settles_straight_to_off_needs_no_force()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.Zero });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);

        var record = StopOne(host);

        Assert.Equal((StateChangeOutcome.Changed, "off", "POST stop"), (record.Outcome, record.FinalStatus, record.WrittenWith));
        Assert.Contains("before a force stop was needed", record.Message);
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r) && r.Method == "PUT");
    }

    [Fact]
    public async Task A_force_write_refused_for_want_of_edit_leaves_the_campaign_stopping_and_says_so()
    {
        // The least-privilege client may stop but not edit: its forced_off PUT gets 403.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(1) });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, SimulatorSeed.LeastPrivilegeClientId);

        var record = StopOne(host, "-Wait -Timeout 10");

        Assert.Empty(host.Streams.Error);
        Assert.Equal((StateChangeOutcome.Changed, "off", "POST stop"), (record.Outcome, record.FinalStatus, record.WrittenWith));
        var warning = Assert.Single(record.Warnings);
        Assert.Contains("Force stop", warning);
        Assert.Contains("outbound:campaign:edit", warning);
        Assert.Contains(host.Streams.Warning, w => w.Message == warning);
        Assert.Equal(403, Assert.Single(sim.Requests, r => IsCampaignWrite(r) && r.Method == "PUT").Status);
    }

    [Fact]
    public async Task A_force_write_refused_with_a_400_is_a_warning_on_a_Changed_record()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(1) });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.BadRequest400, Method = "PUT", PathContains = Id });

        var record = StopOne(host);

        Assert.Empty(host.Streams.Error);
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains(record.FinalStatus, new[] { "stopping", "off" });
        Assert.Contains(record.Warnings, w => w.Contains("Force stop") && w.Contains("HTTP 400"));
        Assert.Contains("force stop was refused", record.Message);
    }
}

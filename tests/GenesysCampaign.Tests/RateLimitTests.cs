using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>Issue 9, point 4: rate limits are spread, kept to the campaign they hit, and reported as what they are.</summary>
[Collection(TimingSensitive.Name)]
public class RateLimitTests
{
    private static readonly string[] Ids = Enumerable.Range(31, 10).Select(SimulatorSeed.CampaignId).ToArray();

    private static async Task<GenesysSimulator> StartWithOnCampaignsAsync()
    {
        var sim = await GenesysSimulator.StartAsync();
        foreach (var id in Ids)
        {
            sim.SetStatus(id, "on");
        }

        return sim;
    }

    [Fact]
    public async Task Writes_refused_together_with_429_come_back_spread_out()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.ClearRequests();
        // Retry-After 5 s: the jitter is then up to 1 s (a fifth). With 1 s (jitter up to 250 ms) a full run
        // once saw all ten retries arrive within 1.4 ms: a stall of the test process (a GC, say) longer
        // than the jitter fires timers that were due apart together, which no spreading can prevent.
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = "/stop", Count = Ids.Length, RetryAfterSeconds = 5 });

        var records = host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 10 -Verbose", Args(("ids", Ids))).Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

        Assert.All(records, r => Assert.True(r.Outcome == StateChangeOutcome.Changed, r.Message));
        var writes = sim.Requests.Where(IsEndpointWrite).ToList();
        var refused = writes.Where(w => w.Status == 429).Select(w => w.Time).ToList();
        var retried = writes.Where(w => w.Status == 202).Select(w => w.Time).ToList();
        Assert.Equal((10, 10), (refused.Count, retried.Count));

        // Never sooner than asked (a stall of this process can only make a retry later).
        Assert.True(retried.Min() - refused.Max() >= TimeSpan.FromMilliseconds(4950), $"a retry came {(retried.Min() - refused.Max()).TotalMilliseconds} ms after the last refusal");

        // Spread over the jitter (up to 1 s here), not bunched: read from the waits the module chose (its
        // verbose "Retrying in 5.317 s"), not from when the retries arrived, which a stall of the test
        // process (a GC, a busy thread pool) bunches whatever the module chose (seen in full runs).
        var waits = host.Streams.Verbose
            .Select(v => System.Text.RegularExpressions.Regex.Match(v.Message, @"^Retrying in (?<s>[0-9.]+) s"))
            .Where(m => m.Success)
            .Select(m => double.Parse(m.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(10, waits.Count);
        Assert.All(waits, w => Assert.InRange(w, 5.0, 6.0));
        Assert.True(waits.Max() - waits.Min() >= 0.06, $"the ten waits were {string.Join(", ", waits)} s");
    }

    [Fact]
    public async Task A_429_for_one_campaign_does_not_slow_the_others()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = Ids[0], Count = 1, RetryAfterSeconds = 3 });

        var records = host.Run("param($ids) Suspend-GenesysCampaign -Id $ids", Args(("ids", Ids))).Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        var limited = Assert.Single(records, r => r.CampaignId == Ids[0]);
        Assert.True(limited.DurationMs >= 3000, $"{limited.DurationMs} ms");
        Assert.All(records.Where(r => r != limited), r => Assert.True(r.DurationMs < 2000, $"{r.CampaignName} took {r.DurationMs} ms"));

        // Records stream as campaigns finish: the limited one comes last.
        Assert.Equal(Ids[0], records[^1].CampaignId);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_time_left_is_reported_as_a_rate_limit()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = Ids[0], Count = 5, RetryAfterSeconds = 4 });

        var started = DateTime.UtcNow;
        var output = host.Run("""
            param($id)
            $c = Connect-GenesysCloud -BaseUri $env:GC_SIM -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru -AsDefault
            $c.Resilience.TotalTimeout = [timespan]::FromSeconds(3)
            Suspend-GenesysCampaign -Id $id -ErrorAction SilentlyContinue
            """.Replace("$env:GC_SIM", $"'{sim.BaseUri}'"), Args(("id", Ids[0])));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "the 4 s wait was not given up at once");
        var record = (GenesysCampaignStateChange)Assert.Single(output).BaseObject;
        Assert.Equal((StateChangeOutcome.Failed, FailureKind.LimitsExceeded, "genesys.rate.limited"), (record.Outcome, record.Failure, record.ErrorCode));
        Assert.Contains("Rate limited by Genesys Cloud: it asked to wait 4 s", record.Message);
        Assert.Single(sim.Requests, IsEndpointWrite);
    }
}

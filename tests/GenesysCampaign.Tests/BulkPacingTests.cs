using System.Diagnostics;
using System.Net;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// A bulk run is not held up by its first writes: an endpoint that faults does not make it go one
/// campaign at a time, and a slow first write holds the others no longer than the probe wait. They
/// measure time, so they run alone (<see cref="TimingSensitive"/>).
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class BulkPacingTests
{
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

        var records = await org.RunAsync(api, new StateChangeRequest(CampaignAction.Suspend), ids);

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

        var records = await org.RunAsync(api, new StateChangeRequest(CampaignAction.Suspend), ids);

        Assert.All(records, r => Assert.Equal(StateChangeOutcome.Changed, r.Outcome));
        Assert.Equal(4, records.Count(r => r.DurationMs < StatusEndpoints.ProbeWait.TotalMilliseconds + 2000));
    }
}

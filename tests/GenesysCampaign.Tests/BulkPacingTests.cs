using System.Diagnostics;
using System.Net;
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
    public async Task The_first_writes_go_out_together_not_after_the_first_endpoint_answer()
    {
        // Issue 23, point 1: the first stop of a connection was sent alone, the others held for its
        // answer (up to 3 s) in case the role lacked the endpoint: a wave added to every emergency pause.
        await using var org = await TestOrg.StartAsync();
        var ids = Enumerable.Range(31, 5).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in ids)
        {
            org.Simulator.SetStatus(id, "on");
        }

        var posts = 0;
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstHeldUntilAllSent = false;
        var api = org.ClientThrough(new ShortCircuit(async r =>
        {
            if (r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/stop", StringComparison.Ordinal))
            {
                var n = Interlocked.Increment(ref posts);
                if (n == ids.Length)
                {
                    allSent.TrySetResult();
                }

                if (n == 1)
                {
                    // The first stop's answer is held until the others are sent (2 s at most).
                    firstHeldUntilAllSent = await Task.WhenAny(allSent.Task, Task.Delay(TimeSpan.FromSeconds(2))) == allSent.Task;
                }
            }

            return null;
        }));

        var records = await org.RunAsync(api, new StateChangeRequest(CampaignAction.Suspend), ids);

        Assert.True(firstHeldUntilAllSent, "the other stops waited for the first stop's answer");
        Assert.All(records, r => Assert.Equal((StateChangeOutcome.Changed, "POST stop"), (r.Outcome, r.WrittenWith)));
    }
}

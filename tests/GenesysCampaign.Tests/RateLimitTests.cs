using System.Management.Automation;
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
    public async Task A_429_on_every_first_stop_costs_one_wait_not_a_queue_of_them()
    {
        // Issue 23, point 2: a per-resource limit refuses each campaign's first stop (Retry-After 2 s) while
        // the token's budget has room. A write held its throttle place through its wait, so 20 campaigns at
        // a throttle of 5 waited four times in a row.
        var ids = Enumerable.Range(31, 20).Select(SimulatorSeed.CampaignId).ToArray();
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { RateLimitPerMinute = 6000 });
        foreach (var id in ids)
        {
            sim.SetStatus(id, "on");
        }

        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.ClearRequests();
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = "/stop", OncePerPath = true, RetryAfterSeconds = 2 });

        var records = host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 5", Args(("ids", ids))).Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

        Assert.Equal(ids.Length, records.Count);
        Assert.All(records, r => Assert.Equal((StateChangeOutcome.Changed, "POST stop"), (r.Outcome, r.WrittenWith)));
        var writes = sim.Requests.Where(IsEndpointWrite).ToList();
        var refused = writes.Where(w => w.Status == 429).Select(w => w.Time).ToList();
        var accepted = writes.Where(w => w.Status == 202).Select(w => w.Time).ToList();
        Assert.Equal((20, 20), (refused.Count, accepted.Count));

        // Every first stop went out, and met its 429, before the first retry: one wait for all of them.
        Assert.True(refused.Max() < accepted.Min(), $"the last first stop came {(refused.Max() - accepted.Min()).TotalMilliseconds} ms after the first retry");
    }

    [Fact]
    public async Task A_write_sent_again_after_a_429_queues_for_its_place_outside_its_attempt_timeout_and_total_time()
    {
        // A breaker's trial of session 12: with the place given up during the wait, the retry queued for one
        // inside its attempt timeout, so it failed as connection.failed unsent while the other writes (slow,
        // each within its own attempt timeout) held the place. Queued 4.5 s here: more than the attempt's 2 s
        // and the request's 3 s in all.
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        sim.ClearRequests();
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = Ids[0] + "/stop", Count = 1, RetryAfterSeconds = 1 });
        foreach (var id in Ids.Skip(1).Take(3))
        {
            sim.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Method = "POST", PathContains = id + "/stop", Count = 1, DelayMs = 1500 });
        }

        var records = host.Run("""
            param($ids, $u)
            $c = Connect-GenesysCloud -BaseUri $u -ClientId sim-client -ClientSecret (ConvertTo-SecureString sim-secret -AsPlainText -Force) -PassThru -AsDefault
            $c.Resilience.AttemptTimeout = [timespan]::FromSeconds(2)
            $c.Resilience.TotalTimeout = [timespan]::FromSeconds(3)
            Suspend-GenesysCampaign -Id $ids -ThrottleLimit 1
            """, Args(("ids", Ids.Take(4).ToArray()), ("u", sim.BaseUri))).Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();

        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.True((r.Outcome, r.WrittenWith) == (StateChangeOutcome.Changed, "POST stop"), $"{r.CampaignName}: {r.Outcome} {r.ErrorCode} {r.Message}"));
        var limited = sim.Requests.Where(r => IsEndpointWrite(r) && r.Path.Contains(Ids[0], StringComparison.Ordinal)).Select(r => r.Status).ToList();
        Assert.Equal(new[] { 429, 202 }, limited);
        Assert.Contains(sim.GetStatus(Ids[0]), new[] { "stopping", "off" });
    }

    [Fact]
    public async Task Ctrl_C_while_writes_wait_out_a_429_sends_nothing_more_and_records_each_as_not_applied()
    {
        // A breaker's trial of session 12: writes were not cancellable at all, so Stop() waited out the
        // 20 s Retry-After and the retries went out after it, turning campaigns on after Ctrl+C.
        await using var sim = await GenesysSimulator.StartAsync();
        var ids = Ids.Take(3).ToArray();
        foreach (var id in ids)
        {
            sim.SetStatus(id, "off");
        }

        var audit = TestFiles.NewAuditPath("gc-stop-429-");
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);
        sim.ClearRequests();
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = "/start", OncePerPath = true, RetryAfterSeconds = 20 });
        using var ps = host.Create("param($ids, $audit) Resume-GenesysCampaign -Id $ids -ThrottleLimit 1 -AuditLogPath $audit -Confirm:$false", Args(("ids", ids), ("audit", audit)));

        var run = ps.BeginInvoke();
        await Eventually.Until(() => sim.Requests.Count(r => IsEndpointWrite(r) && r.Status == 429) >= ids.Length, TimeSpan.FromSeconds(20), "every first start met its 429");

        var stoppedAt = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {clock.Elapsed}");
        await Task.Delay(500);
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r) && r.Time >= stoppedAt);
        Assert.All(ids, id => Assert.Equal("off", sim.GetStatus(id)));

        // Each was attempted, so each has its record: refused every time, so not applied, its status known.
        var records = File.ReadAllLines(audit).Select(JsonLinesAuditSink.FromLine).ToList();
        Assert.Equal(ids.OrderBy(x => x), records.Select(r => r.CampaignId).OrderBy(x => x));
        // The pipeline takes no records after Ctrl+C: the console's one line says what was left as it was.
        Assert.Contains("3 campaigns not changed: Genesys asked their writes to wait (429, rate limited) and they were not sent again; as last seen: 3 off.", Assert.Single(answering.Warnings));
        Assert.All(records, r =>
        {
            Assert.Equal((StateChangeOutcome.Failed, "stopped.while.rate.limited", "off"), (r.Outcome, r.ErrorCode, r.FinalStatus));
            Assert.Contains("stopped (Ctrl+C) while Genesys asked POST start to wait (HTTP 429, rate limited), before it was sent again; it was not applied.", r.Message);
        });
    }

    [Fact]
    public async Task Ctrl_C_while_a_force_stop_waits_out_a_429_keeps_the_stop_recorded_with_the_status_read()
    {
        // A breaker's trial: the record said the campaign was "not read back: its status now is not known",
        // though it had been read stopping, and did not say the force stop was never sent.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(60) });
        var id = Ids[0];
        sim.SetStatus(id, "on");
        var audit = TestFiles.NewAuditPath("gc-force-429-");
        using var host = new PowerShellHost(new AnsweringHost("Yes"));
        host.Connect(sim.BaseUri);
        sim.ClearRequests();
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "PUT", PathContains = id, Count = 1, RetryAfterSeconds = 20 });
        using var ps = host.Create("param($id, $audit) Stop-GenesysCampaign -Id $id -AuditLogPath $audit -Confirm:$false", Args(("id", id), ("audit", audit)));

        var run = ps.BeginInvoke();
        await Eventually.Until(() => sim.Requests.Any(r => IsCampaignWrite(r) && r.Method == "PUT" && r.Status == 429), TimeSpan.FromSeconds(20), "the force stop met its 429");

        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));

        var record = JsonLinesAuditSink.FromLine(Assert.Single(File.ReadAllLines(audit)));
        Assert.Equal((StateChangeOutcome.Changed, "POST stop", "stopping"), (record.Outcome, record.WrittenWith, record.FinalStatus));
        Assert.Contains(record.Warnings, w => w.Contains("PUT forced_off was not sent again after Genesys asked it to wait (HTTP 429, rate limited): stopped (Ctrl+C) first.", StringComparison.Ordinal));
        Assert.Single(sim.Requests, r => IsCampaignWrite(r) && r.Method == "PUT");
        Assert.Equal("stopping", sim.GetStatus(id));
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

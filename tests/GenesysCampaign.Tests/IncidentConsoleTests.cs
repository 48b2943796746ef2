using System.Management.Automation;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// What the console says while the dialer settles (issue 22): progress from the first accepted write,
/// and, after Ctrl+C, how many writes were sent, how many settled, and where the audit log is.
/// </summary>
[Collection("TimingSensitive")]
public class IncidentConsoleTests
{
    private static readonly string[] Paused = [SimulatorSeed.CampaignId(33), SimulatorSeed.CampaignId(34), SimulatorSeed.CampaignId(35)];

    [Fact]
    public async Task Progress_starts_at_the_first_accepted_write_not_at_the_first_settle()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(2) });
        sim.SetStatus(Paused[0], "on");
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($id) Suspend-GenesysCampaign -Id $id -Wait -InformationAction Ignore", Args(("id", Paused[0])));

        var output = ps.Invoke();

        Assert.Equal("Changed", output.Single().Properties["Outcome"].Value.ToString());
        var said = ps.Streams.Progress.Where(p => p.RecordType != ProgressRecordType.Completed).Select(p => p.StatusDescription).ToList();
        Assert.Matches(@"^1 write accepted: 1 not settled yet \(\d+ s\)$", said.First());
        Assert.Matches(@"^1 write accepted: 1 off \(\d+ s\)$", said.Last());
    }

    [Fact]
    public async Task Progress_says_how_many_wait_out_a_rate_limit_and_its_clock_runs_meanwhile()
    {
        // A new user's trial: while 18 stops waited out a 10 s Retry-After, the bar said nothing of it and its
        // clock stood still, so the run looked hung.
        await using var sim = await GenesysSimulator.StartAsync();
        foreach (var id in Paused)
        {
            sim.SetStatus(id, "on");
        }

        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = "/stop", OncePerPath = true, RetryAfterSeconds = 3 });
        using var ps = host.Create("param($ids) Suspend-GenesysCampaign -Id $ids -InformationAction Ignore", Args(("ids", Paused)));

        var output = ps.Invoke();

        Assert.All(output, o => Assert.Equal("Changed", o.Properties["Outcome"].Value.ToString()));
        var waiting = ps.Streams.Progress.Select(p => p.StatusDescription)
            .Select(s => System.Text.RegularExpressions.Regex.Match(s ?? string.Empty, @"^No write accepted yet; 3 waiting out a rate limit \(429\) \((?<s>\d+) s\)$"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        Assert.True(waiting.Count >= 2, $"the bar said it waited at {string.Join(", ", waiting)} s");
    }

    [Fact]
    public async Task A_resume_is_shown_on_once_seen_on_not_after_its_5_s_watch()
    {
        // A new user's trial: an undo's bar said "not settled yet" for 5 s after the campaigns were on (the
        // watch that follows a start), though their records' SettledAt was 0.3 s after the write.
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($id) Resume-GenesysCampaign -Id $id -Wait -InformationAction Ignore", Args(("id", SimulatorSeed.UnreferencedOffCampaignId)));

        var output = ps.Invoke();

        Assert.Equal("Changed", output.Single().Properties["Outcome"].Value.ToString());
        var said = ps.Streams.Progress.Where(p => p.RecordType != ProgressRecordType.Completed).Select(p => p.StatusDescription).ToList();
        Assert.Contains(said, s => System.Text.RegularExpressions.Regex.IsMatch(s, @"^1 write accepted: 1 on \([0-3] s\)$"));
    }

    [Fact]
    public async Task A_holds_progress_counts_objects_not_campaigns()
    {
        // From a new user's trial: a hold's bar said "Suspend-GenesysCampaign: campaigns" while it counted
        // the sequence, rule and schedules it changed as well.
        await using var sim = await GenesysSimulator.StartAsync();
        string[] held = [SimulatorSeed.EnabledRuleTargetCampaignId, SimulatorSeed.ScheduledCampaignId, SimulatorSeed.RenewalsSequenceOnCampaignId];
        foreach (var id in held)
        {
            sim.SetStatus(id, "on");
        }

        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($ids) Suspend-GenesysCampaign -Id $ids -Hold -Force -InformationAction Ignore", Args(("ids", held)));

        var output = ps.Invoke();

        Assert.Contains(output, o => o.Properties["ObjectKind"].Value.ToString() != "Campaign");
        var activities = ps.Streams.Progress.Select(p => p.Activity).Distinct().ToList();
        Assert.Equal(["Suspend-GenesysCampaign: objects"], activities);
    }

    [Fact]
    public async Task Ctrl_C_while_campaigns_settle_says_what_was_sent_what_settled_and_where_the_audit_log_is()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(60) });
        foreach (var id in Paused)
        {
            sim.SetStatus(id, "on");
        }

        var audit = TestFiles.NewAuditPath("gc-ctrlc-");
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($ids, $audit) Suspend-GenesysCampaign -Id $ids -Wait -AuditLogPath $audit", Args(("ids", Paused), ("audit", audit)));

        var run = ps.BeginInvoke();
        await Eventually.Until(() => sim.Requests.Count(r => IsCampaignWrite(r) && r.Status is 200 or 202 or 204) >= Paused.Length, TimeSpan.FromSeconds(20), "every write was accepted");

        await Task.Delay(300); // The answers are read: the writes are accepted.
        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(run));

        var warning = Assert.Single(answering.Warnings);
        Assert.StartsWith("Stopped (Ctrl+C) after 3 writes accepted by Genesys: 0 settled, 3 not yet", warning);
        Assert.Contains($"the audit log '{audit}'", warning);

        // The audit lines say the stops were accepted, not that the campaigns were set to off (a new user's trial).
        var lines = File.ReadAllLines(audit).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Paused.Length, lines.Count);
        Assert.All(lines, line =>
        {
            var message = line.GetProperty("message").GetString()!;
            Assert.DoesNotContain("set to off", message);
            Assert.Contains("Genesys accepted POST stop (was on); stopped (Ctrl+C) before it was read again: its status now is not known.", message);
        });

        // The warning names the undo whole (no record reached the console to find it by), and it runs as written.
        var undo = System.Text.RegularExpressions.Regex.Match(warning, "To put back what it changed: (?<c>.+)\\.$").Groups["c"].Value;
        Assert.Equal($"Get-GenesysCampaignAuditLog '{audit}' -OperationId {lines[0].GetProperty("operationId").GetString()} | Undo-GenesysCampaignChange", undo);
        foreach (var id in Paused)
        {
            sim.SetStatus(id, "off"); // The dialer has wound them down meanwhile (it takes a minute here).
        }

        var undone = host.Run(undo + " -Confirm:$false").Select(o => (GenesysCloud.Outbound.Audit.GenesysCampaignStateChange)o.BaseObject).ToList();
        Assert.Equal(Paused.Length, undone.Count);
        Assert.All(undone, r => Assert.Equal((GenesysCloud.Outbound.Audit.StateChangeOutcome.Changed, "POST start"), (r.Outcome, r.WrittenWith)));
    }

    // A new user's incident (issue 22): every record of a -Wait run carried the correlation id of the
    // batched read that saw the campaigns settle, not that of its own write.
    [Fact]
    public async Task Each_record_carries_the_correlation_id_of_its_own_write()
    {
        // Still stopping at the deadline: the campaigns are read then, together, in one request.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(30) });
        foreach (var id in Paused)
        {
            sim.SetStatus(id, "on");
        }

        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var records = host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Wait -Timeout 2 -InformationAction Ignore -ErrorAction SilentlyContinue", Args(("ids", Paused)))
            .Select(o => (GenesysCloud.Outbound.Audit.GenesysCampaignStateChange)o.BaseObject).ToList();

        Assert.All(records, r => Assert.Equal(("TimedOut", "POST stop"), (r.Outcome.ToString(), r.WrittenWith)));
        Assert.Equal(Paused.Length, records.Select(r => r.CorrelationId).Distinct().Count());
    }
}

using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 10, point 2: a runbook's $ErrorActionPreference = 'Stop' never abandons a pause halfway.
/// The errors of Rejected/Failed records are written after the batch, in input order.
/// </summary>
public sealed class ErrorActionStopTests
{
    [Fact]
    public async Task Suspend_under_ErrorActionPreference_Stop_pauses_every_campaign_before_the_rejection_stops_the_script()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(30) });
        var free = Enumerable.Range(31, 29).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in free)
        {
            sim.SetStatus(id, "on");
        }

        // The rejected campaign (in a running sequence) first, so its record comes early, while the
        // others still wait for one of the two slots.
        var ids = new[] { SimulatorSeed.RenewalsSequenceOnCampaignId }.Concat(free).ToArray();
        var audit = TestFiles.NewAuditPath("gc-eastop-");
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("""
            param($ids, $audit)
            $ErrorActionPreference = 'Stop'
            Suspend-GenesysCampaign -Id $ids -ThrottleLimit 2 -AuditLogPath $audit -Confirm:$false
            'after the pause'
            """, Args(("ids", ids), ("audit", audit)));
        var output = new PSDataCollection<PSObject>();

        var ex = Assert.ThrowsAny<RuntimeException>(() => ps.Invoke(null, output));

        Assert.StartsWith("CampaignStateChangeRejected,", ex.ErrorRecord.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, ex.ErrorRecord.CategoryInfo.Category);
        Assert.DoesNotContain(output, o => o.BaseObject is string); // The script stopped after the cmdlet.
        var records = output.Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();
        Assert.Equal(30, records.Count);
        Assert.Equal(29, records.Count(r => r.Outcome == StateChangeOutcome.Changed));
        Assert.Equal(30, File.ReadAllLines(audit).Length);
        Assert.Equal(29, sim.Requests.Count(r => IsCampaignWrite(r)));
        Assert.All(free, id => Assert.Contains(sim.GetStatus(id), new[] { "stopping", "off" }));
    }

    [Fact]
    public async Task Errors_come_after_every_record_in_the_order_the_campaigns_were_given()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        sim.SetStatus(SimulatorSeed.CampaignId(31), "off");
        var ids = new[] { "not an id", SimulatorSeed.InvalidCampaignId, SimulatorSeed.CampaignId(31), SimulatorSeed.CompleteCampaignId };
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        // Each item of the merged stream says which stream it came from, in the order written.
        var merged = host.Run("""
            param($ids)
            Resume-GenesysCampaign -Id $ids -Confirm:$false 2>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error ' + $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.TargetObject.CampaignId }
                else { 'record ' + $_.CampaignId }
            }
            """, Args(("ids", ids))).Select(o => o.ToString()).ToList();

        Assert.Equal(7, merged.Count);
        Assert.All(merged.Take(4), line => Assert.StartsWith("record ", line));
        Assert.Equal(
            new[]
            {
                "error InvalidCampaignId not an id",
                "error CampaignStateChangeRejected " + SimulatorSeed.InvalidCampaignId,
                "error CampaignStateChangeRejected " + SimulatorSeed.CompleteCampaignId,
            },
            merged.Skip(4));
    }

    [Fact]
    public async Task WarningAction_Stop_is_held_until_the_batch_is_through()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(30) });
        var free = Enumerable.Range(31, 6).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in free.Append(SimulatorSeed.EnabledRuleTargetCampaignId))
        {
            sim.SetStatus(id, "on");
        }

        // The first campaign's record carries a warning (an enabled rule can turn it back on).
        var ids = new[] { SimulatorSeed.EnabledRuleTargetCampaignId }.Concat(free).ToArray();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($ids) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 1 -WarningAction Stop -Confirm:$false", Args(("ids", ids)));
        var output = new PSDataCollection<PSObject>();

        var ex = Assert.ThrowsAny<RuntimeException>(() => ps.Invoke(null, output));

        Assert.Contains(SimulatorSeed.EnabledRuleName, ex.Message);
        Assert.Equal(ids.Length, sim.Requests.Count(r => IsCampaignWrite(r)));
        Assert.Equal(ids.Length, output.Count);
    }

    [Theory]
    [InlineData("| ForEach-Object { throw 'downstream' }", true)]
    [InlineData("| ForEach-Object { if ($_.Outcome -eq 'Changed') { Write-Error 'checked' -ErrorAction Stop } }", true)]
    [InlineData("| Select-Object -First 1", false)]
    public async Task A_pipeline_that_fails_downstream_still_has_every_campaign_paused_and_audited(string downstream, bool throws)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(20) });
        var ids = Enumerable.Range(31, 8).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in ids)
        {
            sim.SetStatus(id, "on");
        }

        var audit = TestFiles.NewAuditPath("gc-downstream-");
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create($"param($ids, $audit) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 1 -AuditLogPath $audit -Confirm:$false {downstream}", Args(("ids", ids), ("audit", audit)));

        var thrown = Record.Exception(() => ps.Invoke());

        Assert.Equal(throws, thrown is not null);
        Assert.Equal(ids.Length, sim.Requests.Count(r => IsCampaignWrite(r)));
        Assert.Equal(ids.Length, File.ReadAllLines(audit).Length);
        Assert.All(ids, id => Assert.Contains(sim.GetStatus(id), new[] { "stopping", "off" }));
    }

    [Theory]
    [InlineData("$VerbosePreference = 'Stop'")]
    [InlineData("$DebugPreference = 'Stop'")]
    [InlineData("$ProgressPreference = 'Stop'")]
    public async Task A_trace_or_progress_preference_of_Stop_never_ends_a_pause(string preference)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var ids = Enumerable.Range(31, 4).Select(SimulatorSeed.CampaignId).ToArray();
        foreach (var id in ids)
        {
            sim.SetStatus(id, "on");
        }

        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var records = host.Run($"param($ids) {preference}; Suspend-GenesysCampaign -Id $ids -ThrottleLimit 1 -Confirm:$false", Args(("ids", ids)));

        Assert.Empty(host.Streams.Error);
        Assert.Equal(ids.Length, records.Count);
        Assert.Equal(ids.Length, sim.Requests.Count(r => IsCampaignWrite(r)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Errors_follow_the_order_the_ids_were_given_not_the_order_Genesys_lists_them(bool reversed)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var ids = new[] { SimulatorSeed.CompleteCampaignId, "c0000000-0000-4000-8000-999999999999", SimulatorSeed.InvalidCampaignId };
        if (reversed)
        {
            Array.Reverse(ids);
        }

        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        host.Run("param($ids) Resume-GenesysCampaign -Id $ids -Confirm:$false", Args(("ids", ids)));

        Assert.Equal(ids, host.Streams.Error.Select(e => ((GenesysCampaignStateChange)e.TargetObject).CampaignId));
    }

    [Fact]
    public async Task An_empty_id_among_piped_ids_is_a_record_of_its_own_and_the_others_are_paused()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var (a, b) = (SimulatorSeed.CampaignId(31), SimulatorSeed.CampaignId(32));
        sim.SetStatus(a, "on");
        sim.SetStatus(b, "on");
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        using var ps = host.Create("param($a, $b) $ErrorActionPreference = 'Stop'; @($a, '', $b, 'x y', 'x y') | Suspend-GenesysCampaign -Confirm:$false", Args(("a", a), ("b", b)));
        var output = new PSDataCollection<PSObject>();

        var ex = Assert.ThrowsAny<RuntimeException>(() => ps.Invoke(null, output));

        Assert.StartsWith("InvalidCampaignId,", ex.ErrorRecord.FullyQualifiedErrorId);
        var records = output.Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();
        Assert.Equal(4, records.Count); // a, '', b and 'x y' once
        Assert.Equal(new[] { "on", "on" }.Length, records.Count(r => r.Outcome == StateChangeOutcome.Changed));
        Assert.Contains(sim.GetStatus(a), new[] { "stopping", "off" });
        Assert.Contains(sim.GetStatus(b), new[] { "stopping", "off" });
    }

    [Fact]
    public async Task Suspend_GenesysCampaign_a_failed_lookup_still_writes_the_errors_held_for_bad_ids()
    {
        var (org, host, audit) = await TestOrg.StartWithHostAsync();
        await using var _ = org;
        using var __ = host;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "GET", PathContains = "/api/v2/outbound/campaigns", Count = 1000 });

        var records = Records(host.Run(
            "param($ids, $audit) Suspend-GenesysCampaign -Id $ids -AuditLogPath $audit -Confirm:$false",
            Args(("ids", new[] { "not an id!", SimulatorSeed.UnreferencedOnCampaignId }), ("audit", audit))));

        // The bad id's record was output and audited ...
        Assert.Equal(StateChangeOutcome.Failed, Assert.Single(records).Outcome);
        Assert.Single(File.ReadAllLines(audit));
        // ... so its error must be written too, before the lookup's terminating error.
        var ids = host.Streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
        Assert.True(ids.SequenceEqual(new[] { "InvalidCampaignId", "CampaignLookupFailed" }), $"errors written: {Ids(host.Streams.Error)}");
    }

    [Fact]
    public async Task ConfirmationUnavailable_is_the_error_that_stops_a_script_under_ErrorAction_Stop()
    {
        var answering = new AnsweringHost(null);
        var (org, host, _) = await TestOrg.StartWithHostAsync(host: new PowerShellHost(answering));
        await using var __ = org;
        using var ___ = host;
        using var ps = host.Create(
            "param($ids) Suspend-GenesysCampaignSequence -Id $ids -Confirm -ErrorAction Stop",
            Args(("ids", new[] { "not an id!", SimulatorSeed.RenewalsSequenceId })));

        // A terminating error surfaces as an exception or, from the SDK's Invoke, as the last error record.
        var errors = new List<ErrorRecord>();
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException thrown)
        {
            errors.Add(thrown.ErrorRecord);
        }

        errors.InsertRange(0, ps.Streams.Error);
        var stoppedOn = Assert.Single(errors);
        Assert.True(stoppedOn.FullyQualifiedErrorId.StartsWith("ConfirmationUnavailable", StringComparison.Ordinal), $"The script stopped on {stoppedOn.FullyQualifiedErrorId}: {stoppedOn}");
        Assert.Contains("1 error(s) about the input were not written", stoppedOn.ErrorDetails.Message);
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Method == "PUT");
    }
}

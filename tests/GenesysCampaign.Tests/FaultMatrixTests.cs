using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// Each injected fault against Suspend, Resume, Stop and Wait, through the real cmdlets: the
/// outcome, the record, the audit line, the request log (exactly one accepted write, waits
/// honoured) and every PUT body keeping every field.
/// </summary>
public class FaultMatrixTests
{
    private static readonly FaultKind[] TransientFaults =
    {
        FaultKind.RateLimit429, FaultKind.ServiceUnavailable503, FaultKind.BadGateway502Html, FaultKind.GatewayTimeout504,
        FaultKind.DropConnection, FaultKind.Slow, FaultKind.RevokeToken, FaultKind.VersionBump,
    };

    /// <summary>
    /// Every transient fault against every action, on the write each makes: Suspend and Resume by
    /// their endpoints and by the PUT fallback (an edit-only client), Stop on its force write (a PUT),
    /// Wait on its reads. A version bump is no fault for the endpoints, which send no version.
    /// </summary>
    public static TheoryData<string, string, FaultKind> Matrix()
    {
        var data = new TheoryData<string, string, FaultKind>();
        foreach (var (action, via) in new[] { ("Suspend", "endpoint"), ("Suspend", "put"), ("Resume", "endpoint"), ("Resume", "put"), ("Stop", "put"), ("Wait", "read") })
        {
            foreach (var fault in TransientFaults.Where(f => via != "endpoint" || f != FaultKind.VersionBump))
            {
                data.Add(action, via, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_transient_fault_is_survived_and_recorded_once(string action, string via, FaultKind fault)
    {
        // Stop writes forced_off while the campaign is stopping: the dialer must take longer than the fault.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromMilliseconds(action == "Stop" ? 2500 : 300) });
        var id = SimulatorSeed.CampaignId(action == "Resume" ? 10 : 6);
        if (action == "Wait")
        {
            sim.SetStatus(id, "stopping");
        }

        var original = sim.GetCampaignJson(id);
        var audit = TestFiles.NewAuditPath("gc-fault-");
        using var host = new PowerShellHost();
        Connect(host, sim, via == "put" && action != "Stop" ? SimulatorSeed.EditOnlyClientId : null);
        sim.ClearRequests();
        var (method, path) = (action, via) switch
        {
            ("Wait", _) => ("GET", "/outbound/campaigns"),
            ("Suspend", "endpoint") => ("POST", id + "/stop"),
            ("Resume", "endpoint") => ("POST", id + "/start"),
            _ => ("PUT", id),
        };
        sim.Faults.Add(new FaultRule { Kind = fault, Method = method, PathContains = path, Count = 1, RetryAfterSeconds = 1, DelayMs = 1500 });

        var script = action switch
        {
            "Wait" => "param($id, $audit) Wait-GenesysCampaignState -Id $id -State off -Timeout 30 -PassThru",
            _ => $"param($id, $audit) {action}-GenesysCampaign -Id $id -Wait -Timeout 30 -AuditLogPath $audit -Confirm:$false",
        };
        var output = host.Run(script, new Dictionary<string, object?> { ["id"] = id, ["audit"] = audit });

        Assert.True(host.Streams.Error.Count == 0, string.Join("\n", host.Streams.Error));
        var requests = sim.Requests;
        if (fault == FaultKind.RateLimit429)
        {
            var faulted = requests.First(r => r.Status == 429);
            // Retry-After: 1 was honoured before the next request to that endpoint.
            var next = requests.First(r => r.Time > faulted.Time && r.Method == faulted.Method && r.Path == faulted.Path);
            Assert.True(next.Time - faulted.Time >= TimeSpan.FromMilliseconds(950), $"retried after {(next.Time - faulted.Time).TotalMilliseconds} ms");
        }

        if (action == "Wait")
        {
            var campaign = Assert.IsType<GenesysCloud.Outbound.Campaigns.GenesysCampaign>(Assert.Single(output).BaseObject);
            Assert.Equal("off", campaign.Status);
            Assert.DoesNotContain(requests, r => IsCampaignWrite(r));
            return;
        }

        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        var expectedFinal = action switch { "Suspend" => "off", "Resume" => "on", _ => "forced_off" };
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Equal(expectedFinal, record.FinalStatus);
        Assert.Equal(expectedFinal, sim.GetStatus(id));
        Assert.True(record.Attempts >= 2, $"attempts {record.Attempts}");
        Assert.False(string.IsNullOrEmpty(record.CorrelationId));

        var line = Assert.Single(File.ReadAllLines(audit));
        var audited = JsonLinesAuditSink.FromLine(line);
        Assert.Equal(record.Outcome, audited.Outcome);
        Assert.Equal(record.Attempts, audited.Attempts);
        Assert.Equal(record.WrittenWith, audited.WrittenWith);

        // Each write accepted exactly once (the edit-only client's first POST is refused: that is how it learns).
        var expectedWrites = (action, via) switch
        {
            ("Stop", _) => new[] { "POST stop", "PUT forced_off" },
            (_, "endpoint") => new[] { action == "Suspend" ? "POST stop" : "POST start" },
            _ => new[] { action == "Suspend" ? "PUT off" : "PUT on" },
        };
        // A slow write the client gave up on may still be the one that applied: then its retry is refused and the record says so.
        Assert.Equal(string.Join("; ", expectedWrites), fault == FaultKind.Slow ? record.WrittenWith!.Replace(" (answer lost)", string.Empty) : record.WrittenWith);
        var writes = requests.Where(r => IsCampaignWrite(r)).ToList();
        Assert.Equal(expectedWrites, writes.Where(w => w.Status is 200 or 202).Select(DescribeWrite));
        Assert.All(writes.Where(w => w.Method == "PUT"), p => AssertSameFieldsExceptStatusAndVersion(original, p.Body!));
    }

    /// <summary>
    /// The faults of a real org that are not transient: a stale view (someone else stopped the
    /// campaign; a 409 with an undocumented code), a refused force write, a 429 for one campaign,
    /// a channel that falls silent. Each is survived, with one record and one audit line saying what happened.
    /// </summary>
    public static TheoryData<string> RealOrgFaults() => new() { "stopped-by-someone-else", "conflict-code", "force-refused", "one-campaign-429", "silent-channel" };

    [Theory]
    [MemberData(nameof(RealOrgFaults))]
    public async Task A_fault_of_a_real_org_is_survived_and_recorded_once(string fault)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions
        {
            DialerDelay = TimeSpan.FromSeconds(fault == "silent-channel" ? 3 : 1),
            ConflictCode = "an.undocumented.conflict",
            ChannelLifetime = fault == "silent-channel" ? TimeSpan.FromSeconds(1) : TimeSpan.FromHours(24),
        });
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var original = sim.GetCampaignJson(id);
        var audit = TestFiles.NewAuditPath("gc-fault-");
        using var host = new PowerShellHost();
        Connect(host, sim, fault switch { "conflict-code" => SimulatorSeed.EditOnlyClientId, "force-refused" => SimulatorSeed.LeastPrivilegeClientId, _ => null });
        sim.ClearRequests();
        sim.Faults.Add(fault switch
        {
            "stopped-by-someone-else" => new FaultRule { Kind = FaultKind.ConcurrentStatus, Status = "stopping", Method = "POST", PathContains = id },
            "conflict-code" => new FaultRule { Kind = FaultKind.VersionBump, Method = "PUT", PathContains = id },
            "one-campaign-429" => new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = id, Count = 2, RetryAfterSeconds = 1 },
            _ => new FaultRule { Kind = FaultKind.Slow, Method = "GET", PathContains = "/nothing", DelayMs = 0 },
        });
        var action = fault == "force-refused" ? "Stop" : "Suspend";

        var output = host.Run($"param($id, $audit) {action}-GenesysCampaign -Id $id -Wait -Timeout 30 -AuditLogPath $audit -Confirm:$false", new Dictionary<string, object?> { ["id"] = id, ["audit"] = audit });

        Assert.True(host.Streams.Error.Count == 0, string.Join("\n", host.Streams.Error));
        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        var expected = fault switch
        {
            "stopped-by-someone-else" => (StateChangeOutcome.Unchanged, (string?)null),
            "conflict-code" => (StateChangeOutcome.Changed, "PUT off"),
            _ => (StateChangeOutcome.Changed, "POST stop"),
        };
        Assert.Equal(expected, (record.Outcome, record.WrittenWith));
        Assert.Equal(("off", "off"), (record.FinalStatus, sim.GetStatus(id)));
        Assert.Equal(record.Outcome, JsonLinesAuditSink.FromLine(Assert.Single(File.ReadAllLines(audit))).Outcome);
        Assert.All(sim.Requests.Where(r => IsCampaignWrite(r) && r.Method == "PUT"), p => AssertSameFieldsExceptStatusAndVersion(original, p.Body!));
        if (fault == "force-refused")
        {
            Assert.Contains(record.Warnings, w => w.StartsWith("Force stop", StringComparison.Ordinal));
        }

        if (fault == "silent-channel")
        {
            Assert.True(sim.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v2/notifications/channels") >= 2, "the expired channel was not replaced");
        }
    }

    [Fact]
    public async Task Faults_that_outlast_the_retries_are_a_Failed_record_with_an_error_and_an_audit_line()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        var audit = TestFiles.NewAuditPath("gc-fault-");
        using var host = new PowerShellHost();
        Connect(host, sim);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "POST", PathContains = id, Count = 100 });

        var output = host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -AuditLogPath $audit", new Dictionary<string, object?> { ["id"] = id, ["audit"] = audit });

        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        Assert.Equal(StateChangeOutcome.Failed, record.Outcome);
        Assert.Equal(6, record.Attempts);
        Assert.Equal(6, sim.Requests.Count(r => IsCampaignWrite(r)));
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("CampaignStateChangeFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains(record.CorrelationId!, error.Exception.Message);
        Assert.Equal(StateChangeOutcome.Failed, JsonLinesAuditSink.FromLine(Assert.Single(File.ReadAllLines(audit))).Outcome);
        Assert.Equal("on", sim.GetStatus(id));
    }

    [Theory]
    [InlineData(FaultKind.Forbidden403, "CampaignPermissionDenied", ErrorCategory.PermissionDenied)]
    [InlineData(FaultKind.NotFound404, "CampaignNotFound", ErrorCategory.ObjectNotFound)]
    public async Task A_client_error_is_not_retried_and_maps_to_its_category(FaultKind fault, string errorId, ErrorCategory category)
    {
        // The edit-only client: its stop is refused (403, as its role says), so the fault meets the PUT fallback.
        await using var sim = await GenesysSimulator.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        using var host = new PowerShellHost();
        Connect(host, sim, SimulatorSeed.EditOnlyClientId);
        sim.Faults.Add(new FaultRule { Kind = fault, Method = "PUT", PathContains = id });

        var output = host.Run("param($id) Suspend-GenesysCampaign -Id $id -Confirm:$false", new Dictionary<string, object?> { ["id"] = id });

        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        Assert.Equal(StateChangeOutcome.Failed, record.Outcome);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(new[] { ("POST", 403), ("PUT", fault == FaultKind.Forbidden403 ? 403 : 404) }, sim.Requests.Where(r => IsCampaignWrite(r)).Select(r => (r.Method, r.Status)));
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal("on", sim.GetStatus(id));
    }

    [Fact]
    public async Task A_Retry_After_over_180_seconds_is_not_waited_out()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        using var host = new PowerShellHost();
        Connect(host, sim);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit429, Method = "POST", PathContains = id, RetryAfterSeconds = 600 });

        var started = DateTime.UtcNow;
        var output = host.Run("param($id) Suspend-GenesysCampaign -Id $id", new Dictionary<string, object?> { ["id"] = id });

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        var record = Assert.IsType<GenesysCampaignStateChange>(Assert.Single(output).BaseObject);
        Assert.Equal(StateChangeOutcome.Failed, record.Outcome);
        Assert.Contains("600 s", record.Message);
        Assert.Equal("genesys.rate.limited", record.ErrorCode);
        Assert.StartsWith($"Campaign '{SimulatorSeed.UnreferencedOnCampaignName}': Rate limited by Genesys Cloud", record.Message);
        Assert.Equal(ErrorCategory.LimitsExceeded, Assert.Single(host.Streams.Error).CategoryInfo.Category);
        Assert.Single(sim.Requests, r => IsCampaignWrite(r));
    }

    [Fact]
    public async Task A_steady_share_of_faults_across_a_bulk_run_loses_nothing()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var ids = Enumerable.Range(31, 20).Select(SimulatorSeed.CampaignId).Where(id => sim.GetStatus(id) == "off").ToArray();
        var audit = TestFiles.NewAuditPath("gc-fault-");
        using var host = new PowerShellHost();
        Connect(host, sim);
        foreach (var kind in new[] { FaultKind.ServiceUnavailable503, FaultKind.BadGateway502Html, FaultKind.DropConnection, FaultKind.VersionBump })
        {
            sim.Faults.Add(new FaultRule { Kind = kind, PathContains = "/outbound/campaigns/", Rate = 0.15 });
        }

        var output = host.Run("param($ids, $audit) Resume-GenesysCampaign -Id $ids -AuditLogPath $audit -ThrottleLimit 5", new Dictionary<string, object?> { ["ids"] = ids, ["audit"] = audit });

        var records = output.Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();
        Assert.Equal(ids.OrderBy(x => x), records.Select(r => r.CampaignId).OrderBy(x => x));
        Assert.Equal(ids.Length, File.ReadAllLines(audit).Length);
        foreach (var record in records)
        {
            Assert.Equal(record.Outcome == StateChangeOutcome.Changed ? "on" : "off", sim.GetStatus(record.ObjectId));
        }
    }

    private static void Connect(PowerShellHost host, GenesysSimulator sim, string? clientId = null) => host.ConnectFast(sim.BaseUri, clientId ?? "sim-client");
}

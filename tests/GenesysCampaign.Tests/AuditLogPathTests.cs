using System.Management.Automation;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>Issue 10, point 3: the audit log is checked before the first change.</summary>
public class AuditLogPathTests
{
    [Theory]
    [InlineData("under-a-file")]
    [InlineData("a-folder")]
    public async Task A_log_that_cannot_be_written_stops_the_cmdlet_before_anything_is_sent(string kind)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var folder = TestFiles.NewFolder("gc-audit-path-");
        var file = Path.Combine(folder, "not-a-folder");
        File.WriteAllText(file, "x");
        var audit = kind == "under-a-file" ? Path.Combine(file, "audit.jsonl") : folder;
        sim.ClearRequests();

        // A terminating error ends the statement: no record, no write.
        var output = host.Run("param($id, $audit) Suspend-GenesysCampaign -Id $id -AuditLogPath $audit", Args(("id", SimulatorSeed.UnreferencedOnCampaignId), ("audit", audit)));

        Assert.Empty(output);
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("AuditLogUnavailable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
        Assert.Contains(audit, error.Exception.Message);
        Assert.DoesNotContain(".lock", error.Exception.Message);
        Assert.DoesNotContain(sim.Requests, r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal));
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r));
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.UnreferencedOnCampaignId));
    }

    [Fact]
    public async Task A_log_path_that_is_not_a_path_says_why_in_words_and_sends_nothing()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        sim.ClearRequests();

        var output = host.Run("param($id) Suspend-GenesysCampaign -Id $id -AuditLogPath \"audit`0.jsonl\"", Args(("id", SimulatorSeed.UnreferencedOnCampaignId)));

        Assert.Empty(output);
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("AuditLogUnavailable,", error.FullyQualifiedErrorId);
        Assert.Equal("The audit log 'audit\0.jsonl' cannot be written: Null character in path.", error.Exception.Message);
        Assert.Equal("The audit log 'audit\0.jsonl' cannot be written: Null character in path. Nothing was sent.", error.ErrorDetails.Message);
        Assert.DoesNotContain(sim.Requests, r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal));
    }
}

using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 10, point 1: the state cmdlets read and decide first, so -WhatIf says per campaign what
/// the run would do and -Confirm asks only about campaigns that would be written.
/// </summary>
public sealed class WhatIfAndConfirmTests
{
    private static readonly string[] Mixed =
    {
        SimulatorSeed.UnreferencedOnCampaignId,      // on: would be turned off
        SimulatorSeed.UnreferencedOffCampaignId,     // already off
        SimulatorSeed.CompleteCampaignId,            // complete: nothing to change
        SimulatorSeed.RenewalsSequenceOnCampaignId,  // in a running sequence: would be rejected
        SimulatorSeed.EnabledRuleTargetCampaignId,   // would be turned off, and a rule can turn it back on
    };

    [Fact]
    public async Task Suspend_WhatIf_says_per_campaign_what_would_happen_and_sends_nothing()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        sim.SetStatus(SimulatorSeed.EnabledRuleTargetCampaignId, "on");
        var audit = TestFiles.NewAuditPath("gc-whatif-");
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        var output = host.Run("param($ids, $audit) Suspend-GenesysCampaign -Id $ids -WhatIf -AuditLogPath $audit", Args(("ids", Mixed), ("audit", audit)));

        Assert.Empty(output);
        Assert.Empty(host.Streams.Error);
        Assert.Empty(answering.Prompts);
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r));
        Assert.False(File.Exists(audit));

        var lines = answering.WhatIfLines;
        Assert.Equal(Mixed.Length, lines.Count);
        string LineFor(string id) => Assert.Single(lines, l => l.Contains(id, StringComparison.Ordinal));
        Assert.Contains("Performing the operation \"Suspend (set to off)\"", LineFor(SimulatorSeed.UnreferencedOnCampaignId));
        Assert.Contains("is already off. Nothing would be sent.", LineFor(SimulatorSeed.UnreferencedOffCampaignId));
        Assert.Contains("Nothing would be sent.", LineFor(SimulatorSeed.CompleteCampaignId));
        var rejected = LineFor(SimulatorSeed.RenewalsSequenceOnCampaignId);
        Assert.Contains("Would be rejected", rejected);
        Assert.Contains($"running sequence '{SimulatorSeed.RenewalsSequenceName}'", rejected);
        Assert.Contains("-Force", rejected);
        Assert.Contains("Performing the operation \"Suspend (set to off)\"", LineFor(SimulatorSeed.EnabledRuleTargetCampaignId));

        // The warning the real run would give, said under -WhatIf too.
        Assert.Contains(host.Streams.Warning, w => w.Message.Contains(SimulatorSeed.EnabledRuleName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_WhatIf_says_an_invalid_campaign_would_be_rejected_with_its_errors()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        host.Run("param($id) Resume-GenesysCampaign -Id $id -WhatIf", Args(("id", SimulatorSeed.InvalidCampaignId)));

        var line = Assert.Single(answering.WhatIfLines);
        Assert.Contains("Would be rejected", line);
        Assert.Contains(SimulatorSeed.InvalidCampaignErrorMessage, line);
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task Stop_asks_only_about_campaigns_that_would_be_written()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromMilliseconds(300) });
        var ids = new[] { SimulatorSeed.UnreferencedOnCampaignId, SimulatorSeed.UnreferencedOffCampaignId, SimulatorSeed.CompleteCampaignId, SimulatorSeed.ForcedOffCampaignId, SimulatorSeed.RenewalsSequenceOnCampaignId };
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        var output = host.Run("param($ids) Stop-GenesysCampaign -Id $ids -ErrorAction SilentlyContinue", Args(("ids", ids)));

        var prompt = Assert.Single(answering.Prompts);
        Assert.Contains(SimulatorSeed.UnreferencedOnCampaignId, prompt);
        var records = output.Select(o => (GenesysCampaignStateChange)o.BaseObject).ToList();
        Assert.Equal(ids.Length, records.Count);
        Assert.Equal(StateChangeOutcome.Changed, Assert.Single(records, r => r.CampaignId == SimulatorSeed.UnreferencedOnCampaignId).Outcome);
        Assert.Equal(StateChangeOutcome.Rejected, Assert.Single(records, r => r.CampaignId == SimulatorSeed.RenewalsSequenceOnCampaignId).Outcome);
        Assert.All(sim.Requests.Where(r => IsCampaignWrite(r)), w => Assert.Contains(SimulatorSeed.UnreferencedOnCampaignId, w.Path));
    }

    [Fact]
    public async Task A_host_that_cannot_ask_gets_ConfirmationUnavailable_and_nothing_is_sent()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var answering = new AnsweringHost(null);
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        var output = host.Run("param($ids) Stop-GenesysCampaign -Id $ids", Args(("ids", new[] { SimulatorSeed.UnreferencedOffCampaignId, SimulatorSeed.UnreferencedOnCampaignId })));

        Assert.Empty(output);
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("ConfirmationUnavailable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("-Confirm:$false", error.Exception.Message);
        Assert.Contains(SimulatorSeed.UnreferencedOnCampaignName, error.Exception.Message);
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r));
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.UnreferencedOnCampaignId));
    }
}

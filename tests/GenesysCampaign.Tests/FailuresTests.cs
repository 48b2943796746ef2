using System.Reflection;
using System.Text.RegularExpressions;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>Issue 11, engine: one table from failure to outcome and code, and one vocabulary for a record's ErrorCode.</summary>
public sealed class FailuresTests
{
    private static readonly Regex GenesysStyle = new("^[a-z]+(\\.[a-z]+)+$");

    [Fact]
    public void Every_code_of_the_module_is_written_as_Genesys_writes_its_codes()
    {
        var codes = typeof(Failures).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Matches(GenesysStyle, code));
    }

    [Fact]
    public async Task Records_for_input_and_rule_refusals_carry_codes_of_that_vocabulary()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var missing = "c0000000-0000-4000-8000-999999999999";

        var records = host.Run(
                "param($ids) Suspend-GenesysCampaign -Id $ids -Confirm:$false -ErrorAction SilentlyContinue; Resume-GenesysCampaign -Id $args[0] -Confirm:$false -ErrorAction SilentlyContinue".Replace("$args[0]", $"'{SimulatorSeed.InvalidCampaignId}'"),
                Args(("ids", new[] { "not an id", missing, SimulatorSeed.RenewalsSequenceOnCampaignId })))
            .Select(o => (GenesysCampaignStateChange)o.BaseObject)
            .ToDictionary(r => r.ObjectId, r => r.ErrorCode);

        Assert.Equal(Failures.InvalidCampaignId, records["not an id"]);
        Assert.Equal(Failures.CampaignNotFound, records[missing]);
        Assert.Equal(Failures.CampaignInRunningSequence, records[SimulatorSeed.RenewalsSequenceOnCampaignId]);
        Assert.Equal(Failures.StateChangeRejected, records[SimulatorSeed.InvalidCampaignId]);
    }
}

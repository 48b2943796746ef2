using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>Issue 10, point 4: no trace ever prompts (Windows PowerShell 5.1's -Debug means Inquire; a runbook host throws on a prompt).</summary>
public class TraceTests
{
    [Theory]
    [InlineData("DebugPreference")]
    [InlineData("VerbosePreference")]
    public async Task A_pause_completes_and_nothing_prompts_with_traces_set_to_Inquire(string preference)
    {
        // A host whose user would halt the command at any prompt, and which counts the prompts.
        await using var sim = await GenesysSimulator.StartAsync();
        var user = new AnsweringHost("Halt Command");
        using var host = new PowerShellHost(user);
        host.Connect(sim.BaseUri);

        var output = host.Run($"param($id) ${preference} = 'Inquire'; Suspend-GenesysCampaign -Id $id -Wait -Timeout 10", Args(("id", SimulatorSeed.UnreferencedOnCampaignId)));

        Assert.Empty(user.Prompts);
        Assert.Empty(host.Streams.Error);
        Assert.Equal(GenesysCloud.Outbound.Audit.StateChangeOutcome.Changed, ((GenesysCloud.Outbound.Audit.GenesysCampaignStateChange)Assert.Single(output).BaseObject).Outcome);
        Assert.Equal("off", sim.GetStatus(SimulatorSeed.UnreferencedOnCampaignId));
    }
}

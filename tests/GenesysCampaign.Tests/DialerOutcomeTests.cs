using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// An outcome the dialer does not reach is not a success: a start Genesys accepts that leaves the
/// campaign invalid (its contact list or queue gone) is Failed with -Wait, with the campaign's errors in
/// the message and an error after the batch; without -Wait the record says its end was not confirmed.
/// </summary>
public class DialerOutcomeTests
{
    private const string Error = "Contact list not found";
    private const string Details = "The contact list of this campaign could not be found.";
    private static readonly string Id = SimulatorSeed.CampaignId(8); // Collections-South-008: off, free of dependencies.

    [Fact]
    public async Task A_resume_that_leaves_the_campaign_invalid_fails_with_its_errors_under_Wait()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(1) });
        sim.FailToStart(Id, Error, Details);
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var record = Assert.Single(Records(host.Run("param($id) Resume-GenesysCampaign -Id $id -Wait -Timeout 20 -Confirm:$false", Args(("id", Id)))));

        Assert.Equal((StateChangeOutcome.Failed, "invalid", FailureKind.InvalidResult, Failures.StateNotReached), (record.Outcome, record.FinalStatus, record.Failure, record.ErrorCode));
        Assert.Equal("POST start", record.WrittenWith);
        Assert.Contains($"{Error}: {Details}", record.Message);
        var error = Assert.Single(host.Streams.Error);
        Assert.Equal(("CampaignStateNotReached", ErrorCategory.InvalidResult), (error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category));
    }

    [Fact]
    public async Task A_resume_without_Wait_says_its_end_was_not_confirmed()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var record = Assert.Single(Records(host.Run("param($id) Resume-GenesysCampaign -Id $id -Confirm:$false", Args(("id", Id)))));

        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains("not confirmed", record.Message);
        Assert.Contains("-Wait", record.Message);
    }
}

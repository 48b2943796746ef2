using System.Management.Automation;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>Issue 9, point 5: campaign names as users type them, whatever the server's name filter does.</summary>
public class NameMatchingTests
{
    private static List<string> Names(IEnumerable<PSObject> output) => output.Select(o => ((GenesysCloud.Outbound.Campaigns.GenesysCampaign)o.BaseObject).Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Names_match_without_regard_to_case_whatever_the_server_filter_does(bool caseSensitiveServer)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { CaseSensitiveNameFilter = caseSensitiveServer });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var typed = Names(host.Run("Get-GenesysCampaign 'sales-*'"));
        var exact = Names(host.Run("Get-GenesysCampaign 'Sales-*'"));
        var plain = Names(host.Run("Get-GenesysCampaign 'sales-west-006'"));

        // 12 voice campaigns and the messaging campaigns named Sales-...
        Assert.Equal(12 + Enumerable.Range(1, 30).Count(i => SimulatorSeed.MessagingCampaignName(i).StartsWith("Sales-", StringComparison.Ordinal)), exact.Count);
        Assert.Equal(exact, typed);
        Assert.Equal(new[] { SimulatorSeed.UnreferencedOnCampaignName }, plain);
        Assert.Empty(host.Streams.Error);
    }

    [Theory]
    [InlineData("[UK] Renewals", SimulatorSeed.UKRenewalsCampaignName)]
    [InlineData("[uk] renewals", SimulatorSeed.UKRenewalsCampaignName)]
    [InlineData("Retention *", SimulatorSeed.RetentionStarCampaignName)]
    [InlineData("Retention `*", SimulatorSeed.RetentionStarCampaignName)]
    [InlineData("`[UK`] Renewals", SimulatorSeed.UKRenewalsCampaignName)]
    [InlineData("Retention W*", SimulatorSeed.RetentionWinbackCampaignName)]
    [InlineData("[U] Renewals", SimulatorSeed.UKLookalikeCampaignName)]
    public async Task A_name_that_exists_literally_is_found_before_its_wildcards_are_read(string pattern, string expected)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var found = Names(host.Run("param($n) Get-GenesysCampaign -Name $n", Args(("n", pattern))));

        Assert.Equal(new[] { expected }, found);
    }

    [Fact]
    public async Task Tab_completion_inserts_a_name_that_matches_only_itself()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        const string Line = "Get-GenesysCampaign -Name '[UK";

        var completions = host.Run("param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText", Args(("line", Line)));
        var text = (string)Assert.Single(completions).BaseObject;
        var found = Names(host.Run("Get-GenesysCampaign -Name " + text));

        Assert.Equal("'`[UK`] Renewals'", text);
        Assert.Equal(new[] { SimulatorSeed.UKRenewalsCampaignName }, found);
    }

    [Fact]
    public async Task A_pattern_that_matches_nothing_warns_on_a_change_and_is_silent_on_Get()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        host.Run("Get-GenesysCampaign -Name 'Nope-*'");
        Assert.Empty(host.Streams.Warning);
        Assert.Empty(host.Streams.Error);

        foreach (var cmdlet in new[] { "Suspend", "Resume", "Stop" })
        {
            var output = host.Run($"{cmdlet}-GenesysCampaign -Name 'Nope-*', 'Sales-West-00?' -Confirm:$false");
            Assert.Equal($"No campaign matched -Name 'Nope-*'; nothing was done for it.", Assert.Single(host.Streams.Warning).Message);
            Assert.NotEmpty(output);
        }
    }

    [Fact]
    public async Task A_status_Genesys_does_not_document_is_a_warning_so_a_typo_never_passes_silently()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var none = host.Run("Get-GenesysCampaign -Status 'of'");
        Assert.Empty(none);
        Assert.StartsWith("-Status 'of' is not a status Genesys documents", Assert.Single(host.Streams.Warning).Message);

        Assert.NotEmpty(host.Run("Get-GenesysCampaign -Status 'ON', off"));
        Assert.Empty(host.Streams.Warning);
    }
}

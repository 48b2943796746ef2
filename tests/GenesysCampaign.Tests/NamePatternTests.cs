using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

public class NamePatternTests
{
    [Theory]
    [InlineData("Sales-*", "sales-east-001", true)]
    [InlineData("Sales-*", "Retention-East-001", false)]
    [InlineData("*East*", "Sales-East-001", true)]
    [InlineData("Sales-East-00?", "Sales-East-001", true)]
    [InlineData("Sales-East-00?", "Sales-East-0011", false)]
    [InlineData("Sales-[EW]*", "Sales-West-002", true)]
    [InlineData("Sales-[EW]*", "Sales-North-002", false)]
    [InlineData("Promo`*", "Promo*", true)]
    [InlineData("Promo`*", "Promo1", false)]
    [InlineData("a.b", "aXb", false)]
    public void Matches_like_PowerShell_wildcards(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, new NamePattern(pattern).IsMatch(name));
    }

    [Theory]
    [InlineData("Sales-East-001", "Sales-East-001", false)]
    [InlineData("Sales-*", "Sales-", true)]
    [InlineData("*East", "", true)]
    [InlineData("Promo`*x*", "Promo*x", true)]
    public void Knows_its_literal_prefix_and_whether_it_has_wildcards(string pattern, string prefix, bool wildcards)
    {
        var parsed = new NamePattern(pattern);
        Assert.Equal(prefix, parsed.LiteralPrefix);
        Assert.Equal(wildcards, parsed.HasWildcards);
    }
}

public class ServerPrefixTests
{
    [Theory]
    [InlineData("Sales-*", "S|s")]
    [InlineData("sales-East*", "S|s")]
    [InlineData("123 North*", "123 N|123 n")]
    [InlineData("2024-*", "2024-")]
    [InlineData("*East", "")]
    [InlineData("[UK] Renewals", "")]
    [InlineData("Retention *", "R|r")]
    [InlineData("Promo`*", "P|p")]
    [InlineData("Sales-East-001", "S|s")]
    public void Never_lean_on_the_servers_case_or_special_characters(string pattern, string expected)
    {
        Assert.Equal(expected, string.Join("|", new NamePattern(pattern).ServerPrefixes));
    }
}

public class CampaignIdTests
{
    [Theory]
    [InlineData("c0000000-0000-4000-8000-000000000006", true)]
    [InlineData(" 8F0C4E54-5D3F-4F76-9A43-0CB9D0A6F1F2 ", true)]
    [InlineData("camp_01.a", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("Sales East 001", false)]
    [InlineData("../outbound/sequences", false)]
    [InlineData("..", false)]
    [InlineData("id?x=1", false)]
    [InlineData("id#frag", false)]
    [InlineData("café", false)]
    public void Only_what_can_safely_be_a_path_segment_is_an_id(string id, bool valid)
    {
        Assert.Equal(valid, GenesysCloud.Outbound.Engine.CampaignFinder.IsValidId(id));
    }

    [Fact]
    public void An_id_longer_than_128_characters_is_refused()
    {
        Assert.False(GenesysCloud.Outbound.Engine.CampaignFinder.IsValidId(new string('a', 129)));
    }

    [Fact]
    public async Task A_pattern_PowerShell_would_refuse_is_a_plain_name_not_the_end_of_the_run()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var output = host.Run("Suspend-GenesysCampaign -Name 'Sales-West-006', 'Promo []', 'x[z-a]' -Confirm:$false");

        Assert.Equal(SimulatorSeed.UnreferencedOnCampaignId, ((GenesysCampaignStateChange)Assert.Single(output).BaseObject).CampaignId);
        Assert.Equal(new[] { "CampaignNotFound", "CampaignNotFound" }, host.Streams.Error.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.True(new NamePattern("[^b]").IsMatch("^"));
        Assert.False(new NamePattern("[^b]").IsMatch("c"));
    }
}

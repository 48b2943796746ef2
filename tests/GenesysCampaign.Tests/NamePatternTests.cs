using GenesysCloud.Outbound.Campaigns;
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

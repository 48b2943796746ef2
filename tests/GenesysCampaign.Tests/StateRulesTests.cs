using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using Xunit;

namespace GenesysCampaign.Tests;

public class StateRulesTests
{
    private static GenesysCloud.Outbound.Campaigns.GenesysCampaign Campaign(string status, string errors = "[]") =>
        GenesysCloud.Outbound.Campaigns.GenesysCampaign.Parse($$"""{"id":"c0000000-0000-4000-8000-000000000001","name":"Sales","version":3,"campaignStatus":"{{status}}","errors":{{errors}}}""");

    [Theory]
    [InlineData(CampaignAction.Suspend, "on", "Write")]
    [InlineData(CampaignAction.Suspend, "off", "Unchanged")]
    [InlineData(CampaignAction.Suspend, "stopping", "Unchanged")]
    [InlineData(CampaignAction.Suspend, "complete", "Unchanged")]
    [InlineData(CampaignAction.Suspend, "forced_off", "Unchanged")]
    [InlineData(CampaignAction.Suspend, "forced_stopping", "Unchanged")]
    [InlineData(CampaignAction.Resume, "off", "Write")]
    [InlineData(CampaignAction.Resume, "forced_off", "Write")]
    [InlineData(CampaignAction.Resume, "on", "Unchanged")]
    [InlineData(CampaignAction.Resume, "invalid", "Rejected")]
    [InlineData(CampaignAction.Resume, "complete", "Rejected")]
    [InlineData(CampaignAction.Resume, "stopping", "WaitToSettle")]
    [InlineData(CampaignAction.Resume, "forced_stopping", "WaitToSettle")]
    [InlineData(CampaignAction.Stop, "on", "Write")]
    [InlineData(CampaignAction.Stop, "stopping", "Write")]
    [InlineData(CampaignAction.Stop, "off", "Unchanged")]
    [InlineData(CampaignAction.Stop, "forced_off", "Unchanged")]
    [InlineData(CampaignAction.Stop, "complete", "Unchanged")]
    public void Decide_follows_the_table(CampaignAction action, string status, string expected)
    {
        // The kind by name: DecisionKind is internal, and a public test method cannot take it.
        Assert.Equal(expected, StateRules.Decide(action, Campaign(status), force: false).Kind.ToString());
    }

    [Theory]
    [InlineData(CampaignAction.Suspend, "off")]
    [InlineData(CampaignAction.Resume, "on")]
    [InlineData(CampaignAction.Stop, "forced_off")]
    public void Each_action_targets_its_documented_status(CampaignAction action, string target)
    {
        Assert.Equal(target, StateRules.For(action).TargetStatus);
    }

    [Fact]
    public void Resuming_a_complete_campaign_needs_Force_and_then_warns()
    {
        var rejected = StateRules.Decide(CampaignAction.Resume, Campaign("complete"), force: false);
        Assert.Contains("-Force", rejected.Message);

        var forced = StateRules.Decide(CampaignAction.Resume, Campaign("complete"), force: true);
        Assert.Equal(DecisionKind.Write, forced.Kind);
        Assert.Contains("first record", forced.Warning);
    }

    [Fact]
    public void Resuming_an_invalid_campaign_names_its_errors()
    {
        var decision = StateRules.Decide(CampaignAction.Resume, Campaign("invalid", """[{"message":"Contact list is empty"}]"""), force: true);
        Assert.Equal(DecisionKind.Rejected, decision.Kind);
        Assert.Contains("Contact list is empty", decision.Message);
    }

    [Fact]
    public void An_unknown_status_is_data_and_the_write_goes_to_Genesys_with_a_warning()
    {
        var decision = StateRules.Decide(CampaignAction.Suspend, Campaign("paused_by_wfm"), force: false);
        Assert.Equal(DecisionKind.Write, decision.Kind);
        Assert.Contains("paused_by_wfm", decision.Warning);
    }

    [Fact]
    public void Transitional_and_settled_statuses_do_not_overlap_and_cover_every_documented_status()
    {
        Assert.Empty(StateRules.Transitional.Intersect(StateRules.Settled));
        Assert.Equal(CampaignStatus.All.OrderBy(s => s), StateRules.Transitional.Concat(StateRules.Settled).OrderBy(s => s));
    }

    [Theory]
    [InlineData(CampaignAction.Suspend)]
    [InlineData(CampaignAction.Resume)]
    [InlineData(CampaignAction.Stop)]
    public void A_campaign_read_without_a_status_is_never_written(CampaignAction action)
    {
        var decision = StateRules.Decide(action, GenesysCloud.Outbound.Campaigns.GenesysCampaign.Parse("""{"id":"c1","name":"Sales","version":3}"""), force: true);

        Assert.Equal(DecisionKind.Rejected, decision.Kind);
        Assert.Contains("without a campaignStatus", decision.Message);
    }
}

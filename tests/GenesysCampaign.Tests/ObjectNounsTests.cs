using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Every kind of outbound object has its own row in the one noun table (ObjectNouns): a kind added to
/// OutboundObjectKind without one would be called "campaign" in its messages and error ids.
/// </summary>
public sealed class ObjectNounsTests
{
    public static TheoryData<OutboundObjectKind> Kinds() => new(Enum.GetValues<OutboundObjectKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_a_noun_and_an_error_id_part_of_its_own(OutboundObjectKind kind)
    {
        var others = Enum.GetValues<OutboundObjectKind>().Where(k => k != kind).ToList();

        Assert.DoesNotContain(ObjectNouns.Of(kind), others.Select(k => ObjectNouns.Of(k)));
        Assert.DoesNotContain(ObjectNouns.IdPartOf(kind), others.Select(ObjectNouns.IdPartOf));
        Assert.Matches("^[A-Z][A-Za-z]+$", ObjectNouns.IdPartOf(kind));
        Assert.Equal(char.ToUpperInvariant(ObjectNouns.Of(kind)[0]), ObjectNouns.Of(kind, capital: true)[0]);
    }

    [Fact]
    public void The_error_ids_keep_their_01_names()
    {
        // Scripts match FullyQualifiedErrorId: CampaignNotFound, InvalidCampaignSequenceId, CampaignRuleNotFound.
        Assert.Equal(
            ["Campaign", "CampaignSequence", "CampaignRule", "CampaignSchedule", "SequenceSchedule", "MessagingCampaignSchedule"],
            new[] { OutboundObjectKind.Campaign, OutboundObjectKind.Sequence, OutboundObjectKind.CampaignRule, OutboundObjectKind.CampaignSchedule, OutboundObjectKind.SequenceSchedule, OutboundObjectKind.MessagingCampaignSchedule }.Select(ObjectNouns.IdPartOf));
    }

    [Fact]
    public void Only_sequences_and_campaign_rules_are_toggle_kinds()
    {
        Assert.Same(ToggleKind.Sequence, ToggleKind.Of(OutboundObjectKind.Sequence));
        Assert.Same(ToggleKind.CampaignRule, ToggleKind.Of(OutboundObjectKind.CampaignRule));
        Assert.All(Enum.GetValues<OutboundObjectKind>().Except([OutboundObjectKind.Sequence, OutboundObjectKind.CampaignRule]), k => Assert.Null(ToggleKind.Of(k)));
    }
}

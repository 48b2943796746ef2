using System.Text.Json;
using GenesysCloud.Outbound.Campaigns;
using Xunit;

namespace GenesysCampaign.Tests;

public class CampaignBodyTests
{
    private const string Body = """
        {"id":"c1","name":"Sales \"East\"","version":7,"campaignStatus":"on","abandonRate":5.0,"priority":5,
         "customExtension":{"campaignStatus":"nested-must-stay","labels":["a","b"],"weight":0.75},
         "contactSorts":[{"fieldName":"zip","direction":"ASC"}],"autoAnswer":false,"errors":[],"notes":null}
        """;

    [Fact]
    public void Only_the_top_level_status_changes_byte_for_byte()
    {
        var changed = CampaignBody.WithStatus(Body, "off");

        Assert.Equal(Body.Replace("\"campaignStatus\":\"on\"", "\"campaignStatus\":\"off\""), changed);
        Assert.Contains("nested-must-stay", changed);
        Assert.Contains("5.0", changed);
    }

    [Fact]
    public void A_body_without_a_status_gets_one_and_keeps_everything_else()
    {
        var changed = CampaignBody.WithStatus("""{"id":"c1","version":2,"x":{"y":1}}""", "forced_off");

        Assert.Equal("""{"id":"c1","version":2,"x":{"y":1},"campaignStatus":"forced_off"}""", changed);
        using var doc = JsonDocument.Parse(changed);
        Assert.Equal(2, doc.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public void Whitespace_and_property_order_survive()
    {
        const string pretty = "{\n  \"zeta\": 1,\n  \"campaignStatus\" : \"off\",\n  \"alpha\": [ 1, 2 ]\n}";
        Assert.Equal(pretty.Replace("\"off\"", "\"on\""), CampaignBody.WithStatus(pretty, "on"));
    }

    [Theory]
    [InlineData("voice", """{"id":"c1","maxCallsPerAgent":1,"maxCallsPerAgentDecimal":1.5}""", "?useMaxCallsPerAgentDecimal=true")]
    [InlineData("voice", """{"id":"c1","maxCallsPerAgent":3}""", "")]
    [InlineData("voice", """{"id":"c1","maxCallsPerAgentDecimal":null}""", "")]
    [InlineData("messaging", """{"id":"m1","maxCallsPerAgentDecimal":1.5}""", "")]
    public void A_voice_PUT_asks_Genesys_to_take_the_decimal_calls_per_agent_it_carries(string kind, string body, string query)
    {
        Assert.Equal(query, CampaignBody.PutQuery(kind == "voice" ? CampaignKind.Voice : CampaignKind.Messaging, body));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"id\":\"c1\"")]
    [InlineData("\"text\"")]
    public void Something_that_is_not_a_whole_object_is_refused(string json)
    {
        Assert.ThrowsAny<Exception>(() => CampaignBody.WithStatus(json, "off"));
    }
}

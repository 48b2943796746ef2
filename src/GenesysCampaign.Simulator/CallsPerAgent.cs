using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// <c>PUT /api/v2/outbound/campaigns/{id}?useMaxCallsPerAgentDecimal</c>, the one query parameter of that
/// call in Genesys's SDK (../shared/contract, <c>putOutboundCampaign</c>). A voice campaign carries its calls
/// per agent twice: <c>maxCallsPerAgent</c> (an integer) and <c>maxCallsPerAgentDecimal</c>. With the flag
/// true Genesys takes the decimal, else the integer. UNCONFIRMED what becomes of the one not taken: the
/// simulator takes the stricter reading, it follows the one taken, so a PUT without the flag turns 1.5
/// calls per agent into 1 (a full-body PUT that changes a field it did not mean to).
/// </summary>
internal static class CallsPerAgent
{
    /// <summary>The query parameter's name.</summary>
    public const string Flag = "useMaxCallsPerAgentDecimal";

    /// <summary>Applies the flag to a voice campaign's PUT body; the refusal's message when the flag is not a boolean, else null.</summary>
    public static string? Apply(IQueryCollection query, JsonObject body)
    {
        var useDecimal = false;
        if (query.TryGetValue(Flag, out var values) && !bool.TryParse(values.ToString(), out useDecimal))
        {
            return $"{Flag} must be true or false, not '{values}'";
        }

        if (useDecimal && body["maxCallsPerAgentDecimal"] is JsonValue taken && taken.TryGetValue<double>(out var calls))
        {
            body["maxCallsPerAgent"] = (int)Math.Floor(calls);
        }
        else if (!useDecimal && body["maxCallsPerAgent"] is JsonValue integer && integer.TryGetValue<int>(out var whole))
        {
            body["maxCallsPerAgentDecimal"] = (double)whole;
        }

        return null;
    }
}

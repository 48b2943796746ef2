namespace GenesysCloud.Outbound.Simulator;

/// <summary>One topic of a subscription answer: <c>{"id":..., "state":"Permitted"|"Rejected"}</c>.</summary>
internal sealed record TopicState(string Id, bool Permitted)
{
    public string State => Permitted ? "Permitted" : "Rejected";
}

namespace GenesysCloud.Outbound.Simulator;

/// <summary>What a subscription change did: the topic states to answer with, or why it failed.</summary>
internal sealed record SubscriptionOutcome(SubscriptionResult Result, IReadOnlyList<TopicState> Topics)
{
    public static SubscriptionOutcome Fail(SubscriptionResult result) => new(result, []);
}

/// <summary>How a subscription change ended.</summary>
internal enum SubscriptionResult
{
    Ok,
    UnknownChannel,
    TooManyTopics,
}

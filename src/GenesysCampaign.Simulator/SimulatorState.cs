using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Everything one simulator instance holds, shared by the middleware and the endpoints.</summary>
internal sealed class SimulatorState : IDisposable
{
    public SimulatorState(SimulatorOptions options)
    {
        Options = options;
        Notifications = new NotificationHub(options);
        Campaigns = new CampaignStore(options, CampaignSeedFactory.BuildAll(options.CampaignCount),
            (id, json) => Notifications.PublishCampaign(id, options.MinimalNotificationBodies ? NotificationTopics.MinimalBody(json) : json));
        MessagingCampaigns = new CampaignStore(options, MessagingCampaignSeedFactory.BuildAll(), PublishMessaging, CampaignKind.Messaging);
        RateLimiter = new RateLimiter(options);
    }

    public SimulatorOptions Options { get; }

    public CampaignStore Campaigns { get; }

    /// <summary>SMS, email and WhatsApp campaigns: the same rules as voice, their own active cap.</summary>
    public CampaignStore MessagingCampaigns { get; }

    /// <summary>The store that holds campaign <paramref name="id"/> (voice first), or null.</summary>
    public CampaignStore? StoreOf(string id) =>
        Campaigns.Exists(id) ? Campaigns : MessagingCampaigns.Exists(id) ? MessagingCampaigns : null;

    /// <summary>Read-only seeded dependencies; the simulator does not run sequences, rules or schedules.</summary>
    public IReadOnlyList<JsonObject> Sequences { get; } = DependencySeedFactory.Sequences();

    public IReadOnlyList<JsonObject> CampaignRules { get; } = DependencySeedFactory.CampaignRules();

    public IReadOnlyList<JsonObject> Schedules { get; } = DependencySeedFactory.Schedules();

    public TokenStore Tokens { get; } = new();

    public RateLimiter RateLimiter { get; }

    public RequestLog Log { get; } = new();

    public FaultInjector Faults { get; } = new();

    public NotificationHub Notifications { get; }

    public ConcurrencyTracker Concurrency { get; } = new();

    /// <summary>What goes with a deleted messaging campaign (its schedule, once schedules are kept).</summary>
    public void OnMessagingCampaignDeleted(string id)
    {
    }

    public void Dispose()
    {
        Notifications.Dispose();
        Campaigns.Dispose();
        MessagingCampaigns.Dispose();
    }

    /// <summary>Under the messaging store's lock: the change goes out on the topics its type publishes on.</summary>
    private void PublishMessaging(string id, string json)
    {
        var type = MessagingCampaignTypes.TypeOf(JsonNode.Parse(json)!.AsObject());
        var body = Options.MinimalNotificationBodies ? NotificationTopics.MinimalBody(json) : json;
        foreach (var topic in NotificationTopics.MessagingTopics(id, type, Options.MessagingEventsOnEveryTopic))
        {
            Notifications.Publish(topic, body);
        }
    }
}

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
        RateLimiter = new RateLimiter(options);
    }

    public SimulatorOptions Options { get; }

    public CampaignStore Campaigns { get; }

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

    public void Dispose()
    {
        Notifications.Dispose();
        Campaigns.Dispose();
    }
}

using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Everything one simulator instance holds, shared by the middleware and the endpoints.</summary>
internal sealed class SimulatorState : IDisposable
{
    public SimulatorState(SimulatorOptions options)
    {
        Options = options;
        Notifications = new NotificationHub(options);
        Campaigns = new CampaignStore(options, CampaignSeedFactory.BuildAll(options.CampaignCount, options.FieldsNewerThanTheSdk), (id, json) =>
        {
            Notifications.PublishCampaign(id, options.MinimalNotificationBodies ? NotificationTopics.MinimalBody(json) : json);
            Automation?.CampaignChanged(id, json);
        });
        MessagingCampaigns = new CampaignStore(options, MessagingCampaignSeedFactory.BuildAll(), (id, json) =>
        {
            PublishMessaging(id, json);
            Automation?.CampaignChanged(id, json);
        }, CampaignKind.Messaging);
        Sequences = new DocumentStore("Sequence", DependencySeedFactory.Sequences(), IdOf, (id, before, after) => Automation?.SequenceChanged(id, before, after));
        RateLimiter = new RateLimiter(options);
        Automation = new SimulatorAutomation(this);
    }

    public SimulatorOptions Options { get; }

    public CampaignStore Campaigns { get; }

    /// <summary>SMS, email and WhatsApp campaigns: the same rules as voice, their own active cap.</summary>
    public CampaignStore MessagingCampaigns { get; }

    /// <summary>The store that holds campaign <paramref name="id"/> (voice first), or null.</summary>
    public CampaignStore? StoreOf(string id) =>
        Campaigns.Exists(id) ? Campaigns : MessagingCampaigns.Exists(id) ? MessagingCampaigns : null;

    /// <summary>Sequences, by id.</summary>
    public DocumentStore Sequences { get; }

    /// <summary>Campaign rules, by id: the original two, then the messaging one.</summary>
    public DocumentStore CampaignRules { get; } = new("Campaign rule", [.. DependencySeedFactory.CampaignRules(), EstateSeedFactory.MessagingRule()], IdOf);

    /// <summary>Voice campaign schedules, keyed by campaign id.</summary>
    public DocumentStore CampaignSchedules { get; } = new("Campaign schedule", DependencySeedFactory.Schedules(), s => TargetOf(s, "campaign"));

    /// <summary>Sequence schedules, keyed by sequence id.</summary>
    public DocumentStore SequenceSchedules { get; } = new("Sequence schedule", EstateSeedFactory.SequenceSchedules(), s => TargetOf(s, "sequence"));

    /// <summary>Messaging campaign schedules, keyed by messaging campaign id.</summary>
    public DocumentStore MessagingSchedules { get; } = new("Messaging campaign schedule", EstateSeedFactory.MessagingSchedules(), s => TargetOf(s, "messagingCampaign"));

    /// <summary>Email campaign schedules (their own list, <c>/schedules/emailcampaigns</c>), keyed by email campaign id.</summary>
    public DocumentStore EmailSchedules { get; } = new("Email campaign schedule", EstateSeedFactory.EmailSchedules(), s => TargetOf(s, "emailCampaign"));

    /// <summary>WhatsApp campaign schedules (<c>/schedules/whatsappcampaigns</c>), keyed by WhatsApp campaign id.</summary>
    public DocumentStore WhatsAppSchedules { get; } = new("WhatsApp campaign schedule", EstateSeedFactory.WhatsAppSchedules(), s => TargetOf(s, "whatsAppCampaign"));

    /// <summary>Whether messaging campaign <paramref name="id"/> exists and is of <paramref name="type"/> (<c>EMAIL</c>, <c>WHATSAPP</c>).</summary>
    public bool IsMessagingCampaignOfType(string id, string type) =>
        MessagingCampaigns.TryGetJson(id) is { } json && MessagingCampaignTypes.TypeOf(JsonNode.Parse(json)!.AsObject()) == type;

    /// <summary>The org's clock for schedules: real time plus what tests moved it by.</summary>
    public SimulatorClock Clock { get; } = new();

    /// <summary>Schedules, running sequences and triggered rules acting on their own.</summary>
    public SimulatorAutomation Automation { get; }

    public TokenStore Tokens { get; } = new();

    public RateLimiter RateLimiter { get; }

    public RequestLog Log { get; } = new();

    public FaultInjector Faults { get; } = new();

    public NotificationHub Notifications { get; }

    public ConcurrencyTracker Concurrency { get; } = new();

    /// <summary>Every issued token revoked, and every notification channel told so (it hears nothing more).</summary>
    public void RevokeTokens()
    {
        Tokens.RevokeAll();
        Notifications.EndSubscriptions("token_revoked", "user_tokens_revoked", "The access tokens were revoked");
    }

    /// <summary>Called after every API write that may set automation going: runs what it set going, to the end.</summary>
    public void AfterChange() => Automation.Run();

    /// <summary>What goes with a deleted messaging campaign: its schedules, in every list.</summary>
    public void OnMessagingCampaignDeleted(string id)
    {
        MessagingSchedules.Delete(id);
        EmailSchedules.Delete(id);
        WhatsAppSchedules.Delete(id);
    }

    private static string IdOf(JsonObject document) => JsonBodies.Text(document, "id") ?? string.Empty;

    private static string TargetOf(JsonObject schedule, string key) => JsonBodies.Text(schedule[key], "id") ?? string.Empty;

    public void Dispose()
    {
        Automation.Dispose();
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

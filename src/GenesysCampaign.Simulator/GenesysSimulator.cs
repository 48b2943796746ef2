using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// An in-memory Genesys Cloud outbound API (campaigns, sequences, rules, schedules, OAuth, and
/// notification channels with their WebSockets) on 127.0.0.1, for tests and demos. It enforces what
/// the real API enforces: versioned full-body PUTs, the status transition table, the active-campaign
/// cap, bearer tokens and rate limits.
/// </summary>
public sealed class GenesysSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;
    private int _disposed;

    private GenesysSimulator(WebApplication app, SimulatorState state, Uri baseUri)
    {
        _app = app;
        _state = state;
        BaseUri = baseUri;
    }

    /// <summary>Root of the simulator, e.g. <c>http://127.0.0.1:54321/</c>; serves <c>/api/v2/...</c> and <c>/oauth/token</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The options in use; the live ones (see <see cref="SimulatorOptions"/>) may be changed while running.</summary>
    public SimulatorOptions Options => _state.Options;

    /// <summary>A copy of the request log, in arrival order.</summary>
    public IReadOnlyList<RequestLogEntry> Requests => _state.Log.Snapshot();

    /// <summary>Faults to inject into <c>/api/v2</c> requests.</summary>
    public FaultInjector Faults => _state.Faults;

    /// <summary>Starts a simulator with Kestrel listening on 127.0.0.1 only.</summary>
    public static async Task<GenesysSimulator> StartAsync(SimulatorOptions? options = null)
    {
        options ??= new SimulatorOptions();
        Validate(options);

        var state = new SimulatorState(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GenesysSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The empty builder adds no config files, file watchers or log providers: many simulators
        // can run in one test process, and process mode keeps stdout to its single line.
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRouting();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();

        var app = builder.Build();
        var middleware = new SimulatorMiddleware(state);
        app.UseWebSockets();
        app.UseRouting();
        app.Use(middleware.InvokeAsync);
        OAuthEndpoints.Map(app, state);
        CampaignEndpoints.Map(app, state);
        MessagingCampaignEndpoints.Map(app, state);
        AllCampaignsEndpoints.Map(app, state);
        DependencyEndpoints.Map(app, state);
        ScheduleEndpoints.Map(app, state);
        NotificationEndpoints.Map(app, state);
        TokenEndpoints.Map(app, state);
        NotificationSocketEndpoint.Map(app, state);
        AdminEndpoints.Map(app, state);
        app.MapFallback("/api/v2/{**rest}", context =>
            HttpResponses.WriteErrorAsync(context, 404, GenesysErrorCodes.NotFound, $"No resource at {context.Request.Path}"));

        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            state.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GenesysSimulator(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Clears the request log.</summary>
    public void ClearRequests() => _state.Log.Clear();

    /// <summary>The campaign's stored JSON text, exactly as served. Throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    public string GetCampaignJson(string id) => Store(id).GetJson(id);

    /// <summary>The campaign's current <c>campaignStatus</c>.</summary>
    public string GetStatus(string id) => Store(id).GetStatus(id);

    /// <summary>
    /// Sets <c>campaignStatus</c> directly, skipping the transition rules, and bumps the version.
    /// Setting <c>stopping</c>/<c>forced_stopping</c> arms the dialer timer as a PUT would.
    /// </summary>
    public void SetStatus(string id, string status) => Store(id).SetStatus(id, status);

    /// <summary>
    /// Makes <paramref name="id"/> a campaign whose start is accepted but which the dialer cannot run: once
    /// turned on, after the dialer delay, it is <c>invalid</c>, its <c>errors[]</c> one RestErrorDetail
    /// (<paramref name="error"/>, <paramref name="details"/>).
    /// </summary>
    public void FailToStart(string id, string error, string details) =>
        Store(id).FailToStart(id, new System.Text.Json.Nodes.JsonObject { ["error"] = error, ["details"] = details, ["userParams"] = new System.Text.Json.Nodes.JsonArray() });

    /// <summary>The campaign's current <c>version</c>.</summary>
    public int GetVersion(string id) => Store(id).GetVersion(id);

    /// <summary>Bumps the version as a concurrent editor would, so a client's next PUT with the old version gets 409.</summary>
    public void BumpVersion(string id) => Store(id).BumpVersion(id);

    /// <summary>The simulator clock that drives schedules: real UTC time plus every <see cref="AdvanceClock"/> so far.</summary>
    public DateTimeOffset ClockNow => _state.Clock.UtcNow;

    /// <summary>
    /// Moves the simulator clock ahead by <paramref name="by"/> (never back) and, before returning, lets
    /// every schedule edge passed act (only the last edge of each schedule, when several are jumped
    /// over) and running sequences follow.
    /// </summary>
    public void AdvanceClock(TimeSpan by)
    {
        _state.Clock.Advance(by);
        _state.Automation.Run();
    }

    /// <summary>
    /// Marks a voice or messaging campaign <c>complete</c> (version bumped, event published), as its
    /// dialer would on finishing its list; a running sequence whose current campaign it is moves on.
    /// </summary>
    public void CompleteCampaign(string id) => _state.Automation.CompleteCampaign(id);

    /// <summary>
    /// Makes the campaign rule's condition true: an enabled rule performs its turnOn/turnOff
    /// Campaign/Sequence actions (on voice and messaging campaigns and sequences); a disabled one does
    /// nothing. Returns what was done; throws <see cref="KeyNotFoundException"/> for an unknown rule.
    /// </summary>
    public IReadOnlyList<AutomationEntry> TriggerRule(string id) => _state.Automation.TriggerRule(id);

    /// <summary>What schedules, sequences and rules have done by themselves, oldest first (the last 1000).</summary>
    public IReadOnlyList<AutomationEntry> AutomationLog => _state.Automation.Log;

    /// <summary>
    /// Invalidates every issued token; the next API call with any of them gets 401. Every notification
    /// channel is told <c>v2.system.token_revoked.{id}</c> and hears nothing more.
    /// </summary>
    public void RevokeTokens() => _state.RevokeTokens();

    /// <summary>
    /// Every notification channel loses its subscriptions, as when another channel took its topics:
    /// each is told <c>v2.system.no_longer_subscribed.{id}</c> and hears nothing more.
    /// </summary>
    public void EndNotificationSubscriptions() =>
        _state.Notifications.EndSubscriptions("no_longer_subscribed", "another_channel_subscribed", "Another channel subscribed to these topics");

    /// <summary>Notification WebSockets open right now, over all channels.</summary>
    public int ConnectedSockets => _state.Notifications.ConnectedSockets;

    /// <summary>
    /// Closes every notification WebSocket; channels and their subscriptions stay, so clients can
    /// reconnect. With <paramref name="announce"/> each socket first gets <c>v2.system.socket_closing</c>
    /// and is closed normally about 100 ms later (it stays counted until its close completes); without,
    /// each is aborted at once with no close frame and stops counting immediately.
    /// </summary>
    public void CloseNotificationSockets(bool announce) => _state.Notifications.CloseAll(announce);

    /// <summary>
    /// Most <c>/api/v2</c> requests in flight at once since start or <see cref="ResetConcurrency"/>.
    /// A request counts from arrival (so latency and Slow faults are inside) until its response starts.
    /// </summary>
    public int MaxConcurrentRequests => _state.Concurrency.MaxRequests;

    /// <summary>As <see cref="MaxConcurrentRequests"/>, for writes only (campaign PUTs and start/stop POSTs).</summary>
    public int MaxConcurrentWrites => _state.Concurrency.MaxWrites;

    /// <summary>Restarts both maxima from the requests in flight now, and the API request count from 0.</summary>
    public void ResetConcurrency() => _state.Concurrency.Reset();

    /// <summary>Stops Kestrel, the notification sockets and the dialer timers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Open sockets are requests that never end by themselves: abort them first or Kestrel waits on them.
        _state.Notifications.Dispose();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Requests still hanging (e.g. a Slow fault) are cut off; disposal goes on.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
    }

    /// <summary>The store of a voice or messaging campaign id; the voice store (which throws) for an unknown one.</summary>
    private CampaignStore Store(string id) => _state.StoreOf(id) ?? _state.Campaigns;

    private static void Validate(SimulatorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.CampaignCount, nameof(options.CampaignCount));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxActiveMessagingCampaigns, nameof(options.MaxActiveMessagingCampaigns));
        ArgumentOutOfRangeException.ThrowIfNegative(options.RateLimitPerMinute, nameof(options.RateLimitPerMinute));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TokenLifetimeSeconds, nameof(options.TokenLifetimeSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DialerDelay, TimeSpan.Zero, nameof(options.DialerDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Latency, TimeSpan.Zero, nameof(options.Latency));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DialerDelayJitter, TimeSpan.Zero, nameof(options.DialerDelayJitter));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StaleReadWindow, TimeSpan.Zero, nameof(options.StaleReadWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HeartbeatInterval, TimeSpan.Zero, nameof(options.HeartbeatInterval));
        ArgumentNullException.ThrowIfNull(options.ClientId, nameof(options.ClientId));
        ArgumentNullException.ThrowIfNull(options.ClientSecret, nameof(options.ClientSecret));
    }
}

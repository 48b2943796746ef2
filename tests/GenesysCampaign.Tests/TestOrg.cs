using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Resilience;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>A simulated org on loopback and a connection to it, for one test.</summary>
internal sealed class TestOrg : IAsyncDisposable
{
    private TestOrg(GenesysSimulator simulator, GenesysConnection connection)
    {
        Simulator = simulator;
        Connection = connection;
    }

    private readonly List<HttpClient> _http = new();

    public GenesysSimulator Simulator { get; }

    public GenesysConnection Connection { get; }

    public List<string> Log { get; } = new();

    /// <summary>
    /// Starts an org and connects as <paramref name="clientId"/>: the all-permission client by default;
    /// <see cref="SimulatorSeed.EditOnlyClientId"/> writes by full-body PUT (it has no start/stop).
    /// </summary>
    public static async Task<TestOrg> StartAsync(Action<SimulatorOptions>? configure = null, string? clientId = null)
    {
        var options = new SimulatorOptions { DialerDelay = TimeSpan.FromMilliseconds(300) };
        configure?.Invoke(options);
        var simulator = await GenesysSimulator.StartAsync(options);
        var connection = clientId is null
            ? GenesysConnection.WithClientCredentials(GenesysEndpoints.ForBaseUri(simulator.BaseUri), options.ClientId, SecretText.Protect(options.ClientSecret))
            : GenesysConnection.WithClientCredentials(GenesysEndpoints.ForBaseUri(simulator.BaseUri), clientId, SecretText.Protect(options.Clients[clientId].Secret));

        // Short backoffs keep fault tests quick; Retry-After is still honoured as sent.
        connection.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
        connection.Resilience.MaxDelay = TimeSpan.FromMilliseconds(200);
        return new TestOrg(simulator, connection);
    }

    public GenesysApiClient Client() => Connection.CreateClient(new ListLog(Log));

    /// <summary>
    /// An org with a PowerShell host connected to it (a new one unless <paramref name="host"/>), its
    /// request log cleared, and the path of an audit log not yet written.
    /// </summary>
    public static async Task<(TestOrg Org, PowerShellHost Host, string Audit)> StartWithHostAsync(Action<SimulatorOptions>? configure = null, PowerShellHost? host = null)
    {
        var org = await StartAsync(configure);
        host ??= new PowerShellHost();
        host.ConnectFast(org.Simulator.BaseUri);
        org.Simulator.ClearRequests();
        return (org, host, TestFiles.NewAuditPath("gc-org-"));
    }

    /// <summary>
    /// Runs <paramref name="request"/> on the campaigns <paramref name="ids"/> (read first, then the request log
    /// cleared) through <paramref name="api"/>, waiting by polling every 100 ms; the records in the order made.
    /// </summary>
    public async Task<List<GenesysCampaignStateChange>> RunAsync(GenesysApiClient api, StateChangeRequest request, params string[] ids)
    {
        var campaigns = await Client().GetCampaignsByIdAsync(ids, null, CancellationToken.None);
        var byId = campaigns.ToDictionary(c => c.Id);
        Simulator.ClearRequests();
        using var waiter = new PollingCampaignWaiter(api, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) });
        var records = new List<GenesysCampaignStateChange>();
        await new StateChangeExecutor(api, waiter, null).RunAsync(ids.Select(id => byId[id]).ToList(), request, (r, _) => { lock (records) { records.Add(r); } }, CancellationToken.None);
        return records;
    }

    /// <summary>
    /// Connects as the edit-only client, as if its first writes had already found the start and stop
    /// endpoints refused: every change is a full-body PUT from the first request on.
    /// </summary>
    public static async Task<TestOrg> StartPutOnlyAsync(Action<SimulatorOptions>? configure = null)
    {
        var org = await StartAsync(configure, SimulatorSeed.EditOnlyClientId);
        org.Connection.StatusEndpoints.Learned("start", usable: false, "refused (test setup)");
        org.Connection.StatusEndpoints.Learned("stop", usable: false, "refused (test setup)");
        return org;
    }

    /// <summary>
    /// A client of this org over an HttpClient of its own on <paramref name="handler"/> (answers the
    /// simulator never gives), with the org's tokens unless <paramref name="tokens"/> stand in.
    /// </summary>
    public GenesysApiClient ClientThrough(HttpMessageHandler? handler = null, IAccessTokenProvider? tokens = null, ResilienceOptions? resilience = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Add(http);
        return new GenesysApiClient(http, GenesysEndpoints.ForBaseUri(Simulator.BaseUri), tokens ?? Connection.Tokens, resilience, statusEndpoints: Connection.StatusEndpoints);
    }

    public IEnumerable<RequestLogEntry> Requests(string method, string pathContains = "/api/v2/outbound/campaigns") =>
        Simulator.Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        _http.ForEach(http => http.Dispose());
        Connection.Dispose();
        await Simulator.DisposeAsync();
    }

    private sealed class ListLog(List<string> lines) : IOperationLog
    {
        public void Verbose(string message)
        {
            lock (lines)
            {
                lines.Add("VERBOSE: " + message);
            }
        }

        public void Debug(string message)
        {
            lock (lines)
            {
                lines.Add("DEBUG: " + message);
            }
        }
    }
}

/// <summary>Reading the simulator's request log.</summary>
internal static class Requests
{
    /// <summary>The path of the campaign schedules, each at this plus its campaign's id.</summary>
    public const string CampaignSchedulePath = "/api/v2/outbound/schedules/campaigns/";

    /// <summary>Whether the campaign (or sequence) has a schedule of <paramref name="kind"/> now (a read by id; 404 is none).</summary>
    public static async Task<bool> ScheduleExistsAsync(TestOrg org, string campaignId, ScheduleKind kind = ScheduleKind.Campaign)
    {
        try
        {
            await org.Client().GetScheduleAsync(kind, campaignId, null, CancellationToken.None);
            return true;
        }
        catch (GenesysApiException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>A status write: a PUT of a campaign (not of a notification subscription), or a POST to its start or stop endpoint.</summary>
    public static bool IsCampaignWrite(RequestLogEntry request) =>
        request.Path.StartsWith("/api/v2/outbound/campaigns/", StringComparison.Ordinal)
        && (request.Method == "PUT" || (request.Method == "POST" && (request.Path.EndsWith("/start", StringComparison.Ordinal) || request.Path.EndsWith("/stop", StringComparison.Ordinal))));

    /// <summary>A write as a record's WrittenWith names it: <c>POST stop</c>, <c>PUT forced_off</c>.</summary>
    public static string DescribeWrite(RequestLogEntry write) => write.Method == "POST"
        ? "POST " + write.Path[(write.Path.LastIndexOf('/') + 1)..]
        : "PUT " + JsonNode.Parse(write.Body!)!["campaignStatus"]!.GetValue<string>();

    /// <summary>A POST to a campaign's start or stop endpoint.</summary>
    public static bool IsEndpointWrite(RequestLogEntry request) => IsCampaignWrite(request) && request.Method == "POST";

    /// <summary>A PUT body kept every field of the campaign as read; only status, version and dateModified may differ.</summary>
    public static void AssertSameFieldsExceptStatusAndVersion(string original, string body)
    {
        var expected = JsonNode.Parse(original)!.AsObject();
        var actual = JsonNode.Parse(body)!.AsObject();
        foreach (var ignored in new[] { "campaignStatus", "version", "dateModified" })
        {
            expected.Remove(ignored);
            actual.Remove(ignored);
        }

        Assert.True(JsonNode.DeepEquals(expected, actual), $"PUT body lost or changed a field:\n{body}");
    }
}

/// <summary>
/// Passes requests on to the simulator but replaces the body of the answers <c>rewrite</c> picks
/// (it returns the new body, or null to leave an answer alone): for answers the contract allows
/// and the simulator never gives.
/// </summary>
internal sealed class RewritingHandler(Func<HttpRequestMessage, string?> rewrite) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (rewrite(request) is { } body)
        {
            response.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return response;
    }
}

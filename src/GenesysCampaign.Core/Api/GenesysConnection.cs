using System;
using System.Net.Http;
using System.Security;
using GenesysCloud.Outbound.Resilience;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// One connection to one Genesys Cloud org: where it is, how it authenticates, and the HttpClient
/// its requests share. Holds secrets only inside its token provider, as SecureStrings.
/// </summary>
public sealed class GenesysConnection : IDisposable
{
    private HttpClient _http;
    private readonly IAccessTokenProvider _tokens;

    private GenesysConnection(GenesysEndpoints endpoints, HttpClient http, IAccessTokenProvider tokens, string? clientId)
    {
        Endpoints = endpoints;
        _http = http;
        _tokens = tokens;
        ClientId = clientId;
    }

    /// <summary>Where the API lives.</summary>
    public GenesysEndpoints Endpoints { get; }

    /// <summary>The region host or base URI, for display.</summary>
    public string Environment => Endpoints.Display;

    /// <summary>The OAuth client id, or null for a connection made with an access token.</summary>
    public string? ClientId { get; }

    /// <summary>
    /// The id of the org this connection acts on, as the token says (<see cref="LearnIdentityAsync"/>,
    /// which Connect-GenesysCloud calls); null until then, or when it could not be read.
    /// </summary>
    public string? OrganizationId { get; private set; }

    /// <summary>The name of the org this connection acts on; null as <see cref="OrganizationId"/>.</summary>
    public string? OrganizationName { get; private set; }

    /// <summary>The OAuth client that acts: the client id given, else the one the token belongs to (once learned).</summary>
    public string? OAuthClientId => ClientId ?? _tokenClientId;

    private string? _tokenClientId;

    /// <summary>When this connection was made (UTC).</summary>
    public DateTime ConnectedAt { get; } = DateTime.UtcNow;

    /// <summary>
    /// When the token held expires (UTC; the module renews it shortly before). Null for a token given
    /// with -AccessToken (its lifetime is not known here), before the first token, and once closed.
    /// </summary>
    public DateTime? TokenExpiresAt => (_tokens as ClientCredentialsTokenProvider)?.ExpiresAt?.UtcDateTime;

    /// <summary>Retry settings for requests made through this connection.</summary>
    public ResilienceOptions Resilience { get; } = new();

    /// <summary>The request budget of this connection's token, from the inin-ratelimit-* headers.</summary>
    internal RateBudget RateBudget { get; } = new();

    /// <summary>Which of the start/stop endpoints this connection may use, as learned from their first answers.</summary>
    internal StatusEndpoints StatusEndpoints { get; } = new();

    /// <summary>The kind (voice, messaging) of each campaign id this connection has read.</summary>
    internal CampaignDirectory Campaigns { get; } = new();

    /// <summary>The token provider (tests look at how many tokens it fetched).</summary>
    internal IAccessTokenProvider Tokens => _tokens;

    /// <summary>Connects with OAuth client credentials. No request is sent until one is needed.</summary>
    public static GenesysConnection WithClientCredentials(GenesysEndpoints endpoints, string clientId, SecureString clientSecret)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new ArgumentException("The OAuth client id is empty.");
        }

        var http = CreateHttpClient();
        return new GenesysConnection(endpoints, http, new ClientCredentialsTokenProvider(http, endpoints, clientId.Trim(), clientSecret), clientId.Trim());
    }

    /// <summary>Connects with a bearer token obtained elsewhere.</summary>
    public static GenesysConnection WithAccessToken(GenesysEndpoints endpoints, SecureString accessToken) =>
        new(endpoints, CreateHttpClient(), new StaticTokenProvider(accessToken), null);

    /// <summary>
    /// Tests only: sends this connection's API requests through <paramref name="handler"/>, to give
    /// answers the simulator never gives. Token requests still use the first client, which the token
    /// provider holds (so it is not disposed here).
    /// </summary>
    internal void SendThrough(HttpMessageHandler handler) =>
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>A client for one operation, reporting to <paramref name="log"/>.</summary>
    internal GenesysApiClient CreateClient(IOperationLog? log = null) =>
        new(_http, Endpoints, _tokens, Resilience, log, RateBudget, StatusEndpoints, Campaigns, new Audit.ChangeActor(OrganizationId, OrganizationName, Environment, OAuthClientId));

    /// <summary>
    /// Reads who the token acts for (GET /api/v2/tokens/me) and keeps the org and the OAuth client, for
    /// display and for every record this connection's changes make.
    /// </summary>
    /// <exception cref="GenesysApiException">It could not be read.</exception>
    /// <exception cref="GenesysAuthenticationException">The token was refused.</exception>
    internal async System.Threading.Tasks.Task LearnIdentityAsync(IOperationLog? log, System.Threading.CancellationToken cancellationToken)
    {
        var (organizationId, organizationName, clientId) = await CreateClient(log).GetTokenIdentityAsync(cancellationToken).ConfigureAwait(false);
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        _tokenClientId = clientId;
    }

    /// <summary>Whether Disconnect-GenesysCloud (or Dispose) closed this connection.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Forgets the token and the secret and closes the HttpClient.</summary>
    public void Dispose()
    {
        IsDisposed = true;
        _tokens.Dispose();
        _http.Dispose();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var org = OrganizationName is null ? string.Empty : $"org '{OrganizationName}' ({OrganizationId}) on ";
        var client = ClientId is not null ? $"client {ClientId}" : OAuthClientId is not null ? $"access token of client {OAuthClientId}" : "access token";
        return $"Genesys Cloud {org}{Environment} ({client})";
    }

    private static HttpClient CreateHttpClient()
    {
        // Windows PowerShell 5.1: TLS 1.2 may not be allowed yet (Genesys needs it).
        TlsPolicy.EnsureTls12();

        // Timeouts belong to the resilience pipeline (per attempt and total), not to HttpClient.
        var handler = new HttpClientHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 32 };
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// OAuth client credentials (docs/genesys-api.md): one token reused until shortly before it expires, then
/// renewed; concurrent callers share one renewal.
/// </summary>
internal sealed class ClientCredentialsTokenProvider : IAccessTokenProvider
{
    /// <summary>Renew this long before expiry, so no request leaves with a token about to die.</summary>
    internal static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly GenesysEndpoints _endpoints;
    private readonly string _clientId;
    private readonly Func<DateTimeOffset> _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SecureString? _secret;
    private SecureString? _token;
    private DateTimeOffset _renewAt;

    /// <summary>Creates a provider; no request is sent until a token is asked for.</summary>
    public ClientCredentialsTokenProvider(HttpClient http, GenesysEndpoints endpoints, string clientId, SecureString clientSecret, Func<DateTimeOffset>? clock = null)
    {
        _http = http;
        _endpoints = endpoints;
        _clientId = clientId;
        _secret = clientSecret.Copy();
        _secret.MakeReadOnly();
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>How many tokens were fetched (tests prove reuse with it).</summary>
    public int TokensIssued { get; private set; }

    /// <summary>When the token held expires (as the login service said); null before the first token and after <see cref="Dispose"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <inheritdoc />
    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var seen = _token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller renewed while this one waited: use its token rather than renewing twice.
            var renewedMeanwhile = forceRefresh && _token is not null && !ReferenceEquals(seen, _token);
            if (_token is not null && (!forceRefresh || renewedMeanwhile) && _clock() < _renewAt)
            {
                return SecretText.Reveal(_token);
            }

            var (token, lifetime) = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            _token?.Dispose();
            _token = SecretText.Protect(token);
            var margin = lifetime > RenewalMargin.TotalSeconds * 2 ? RenewalMargin.TotalSeconds : lifetime / 2;
            _renewAt = _clock().AddSeconds(lifetime - margin);
            ExpiresAt = _clock().AddSeconds(lifetime);
            TokensIssued++;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets the token and the secret; a later request is told the connection was closed.
    /// </summary>
    /// <remarks>
    /// The renewal gate is left undisposed on purpose: a SemaphoreSlim holds no handle unless its
    /// AvailableWaitHandle is used, and a request still in flight at Disconnect-GenesysCloud should
    /// get the "connection was closed" message rather than an ObjectDisposedException.
    /// </remarks>
    public void Dispose()
    {
        _token?.Dispose();
        _token = null;
        ExpiresAt = null;
        _secret?.Dispose();
        _secret = null;
    }

    /// <inheritdoc />
    public override string ToString() => $"client credentials for {_clientId} at {_endpoints.Display}";

    private async Task<(string Token, double Lifetime)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var secret = _secret ?? throw new InvalidOperationException("The connection was closed by Disconnect-GenesysCloud; run Connect-GenesysCloud again.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoints.LoginBase, "oauth/token"))
        {
            Content = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("grant_type", "client_credentials") }),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(_clientId + ":" + SecretText.Reveal(secret)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!TlsPolicy.IsHandshakeFailure(ex))
        {
            // Not a refusal of the credentials: transient, so the caller's pipeline tries again.
            throw new LoginUnreachableException($"Could not reach the Genesys Cloud login service at {_endpoints.LoginBase} ({ex.InnerException?.Message ?? ex.Message})", ex);
        }

        using (response)
        {
            var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 200 && status < 300 && TryReadToken(body, out var token, out var lifetime))
            {
                return (token, lifetime);
            }

            if (status >= 500 || status == 429 || (status >= 200 && status < 300))
            {
                // Transient or garbled: let the caller's retry pipeline try again.
                throw new HttpRequestException($"The Genesys Cloud login service answered HTTP {status} without a usable token.");
            }

            throw new GenesysAuthenticationException(
                $"Genesys Cloud refused the client credentials for client id '{_clientId}' at {_endpoints.LoginBase}oauth/token (HTTP {status}{DescribeError(body)}). "
                + "Check the client id and secret, that the OAuth client uses the Client Credentials grant, and that it belongs to this region.");
        }
    }

    private static bool TryReadToken(string body, out string token, out double lifetime)
    {
        token = string.Empty;
        lifetime = 0;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var tokenElement)
                || tokenElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            token = tokenElement.GetString() ?? string.Empty;
            lifetime = root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number ? expires.GetDouble() : 3600;
            return token.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string DescribeError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return ", " + error.GetString();
            }
        }
        catch (JsonException)
        {
        }

        return string.Empty;
    }
}

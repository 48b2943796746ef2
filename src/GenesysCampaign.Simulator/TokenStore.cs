using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Issued bearer tokens and their expiry. Revocation forgets them all, as an admin revoking a client would.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public string Issue(TimeSpan lifetime, string clientId)
    {
        // Opaque and unguessable, like real tokens: clients must not parse them.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _tokens[token] = new IssuedToken(DateTimeOffset.UtcNow + lifetime, clientId);
        return token;
    }

    /// <summary>The OAuth client a valid token was issued to, or null for an unknown, revoked or expired token.</summary>
    public string? ClientOf(string? token)
    {
        if (token is null || !_tokens.TryGetValue(token, out var issued))
        {
            return null;
        }

        if (issued.Expires > DateTimeOffset.UtcNow)
        {
            return issued.ClientId;
        }

        _tokens.TryRemove(token, out _);
        return null;
    }

    public void RevokeAll() => _tokens.Clear();

    private readonly record struct IssuedToken(DateTimeOffset Expires, string ClientId);
}

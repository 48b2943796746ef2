using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>Issued bearer tokens and their expiry. Revocation forgets them all, as an admin revoking a client would.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);

    public string Issue(TimeSpan lifetime)
    {
        // Opaque and unguessable, like real tokens: clients must not parse them.
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        tokens[token] = DateTimeOffset.UtcNow + lifetime;
        return token;
    }

    public bool IsValid(string? token)
    {
        if (token is null || !tokens.TryGetValue(token, out var expires))
        {
            return false;
        }

        if (expires > DateTimeOffset.UtcNow)
        {
            return true;
        }

        tokens.TryRemove(token, out _);
        return false;
    }

    public void RevokeAll() => tokens.Clear();
}

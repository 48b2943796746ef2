using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>A token the user brought (-AccessToken): it cannot be renewed, so a 401 stays a 401.</summary>
internal sealed class StaticTokenProvider : IAccessTokenProvider
{
    private SecureString? _token;

    /// <summary>Holds the token as a SecureString.</summary>
    public StaticTokenProvider(SecureString token) => _token = token.Copy();

    /// <inheritdoc />
    public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var token = _token ?? throw new InvalidOperationException("The access token was cleared by Disconnect-GenesysCloud.");
        return Task.FromResult(SecretText.Reveal(token));
    }

    /// <summary>Forgets the token.</summary>
    public void Dispose()
    {
        _token?.Dispose();
        _token = null;
    }

    /// <inheritdoc />
    public override string ToString() => "access token (hidden)";
}

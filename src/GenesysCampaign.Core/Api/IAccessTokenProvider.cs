using System;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>Supplies the bearer token for API calls. Disposing it forgets every secret it holds.</summary>
internal interface IAccessTokenProvider : IDisposable
{
    /// <summary>
    /// The current token; a new one when <paramref name="forceRefresh"/> (after a 401) or when the
    /// cached one is near expiry.
    /// </summary>
    Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// A write's place among the writes in flight (the executor's throttle), as the client sees it. A
/// write refused with 429 gives its place back while it waits out Retry-After and takes one again to
/// retry: with a 429 on every first stop (per-resource limits, docs/genesys-api.md), the pause costs
/// one wait, not a queue of them behind the throttle.
/// </summary>
internal interface IRequestTurn
{
    /// <summary>
    /// Gives the place back for a 429's wait of <paramref name="wait"/>; <paramref name="tokenWide"/> when
    /// the 429 was not one resource's own limit (the token's budget was spent, or not said), so fewer
    /// writes go at once until answers flow again. True when a place was held and given back.
    /// </summary>
    bool Yield(TimeSpan wait, bool tokenWide);

    /// <summary>Takes a place again, after a <see cref="Yield"/> that gave one back, to send the retry.</summary>
    Task TakeAsync(CancellationToken cancellationToken);
}

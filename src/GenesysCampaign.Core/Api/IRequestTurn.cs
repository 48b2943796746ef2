using System;
using System.Threading;
using System.Threading.Tasks;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// A request's place among the writes in flight (the executor's throttle), as the client sees it.
/// Told of each 429 the request meets: the place goes to the next write while this one waits out its
/// Retry-After (issue 23, point 2: a 429 on every first stop costs one wait, not a queue of them), and
/// one not of a single resource's own (the token's budget spent, or not said) narrows how many write at
/// once. Before the request is sent again it queues for a place again: outside its attempt's timeout
/// and its total time, and stopped by Ctrl+C (GenesysApiClient.SendAsync).
/// </summary>
internal interface IRequestTurn
{
    /// <summary>A 429 asked this request to wait <paramref name="wait"/>; <paramref name="tokenWide"/> when it was not one resource's own limit.</summary>
    void RateLimited(TimeSpan wait, bool tokenWide);

    /// <summary>Before a request is sent again: takes a place again if <see cref="RateLimited"/> gave one up.</summary>
    Task TakeAgainAsync(CancellationToken cancellationToken);
}

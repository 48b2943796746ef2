using System;

namespace GenesysCloud.Outbound.Api;

/// <summary>
/// A write's place among the writes in flight (the executor's throttle), as the client sees it: told of
/// each 429 the write meets, so that one not of a single resource's own (the token's budget spent, or
/// not said) narrows how many write at once until answers flow again. The place itself is held through
/// the Retry-After wait: given back, a retry queued behind every other campaign inside its attempt's
/// timeout, and retries went out after Ctrl+C (a breaker's trial of session 12).
/// </summary>
internal interface IRequestTurn
{
    /// <summary>A 429 asked this write to wait <paramref name="wait"/>; <paramref name="tokenWide"/> when it was not one resource's own limit.</summary>
    void RateLimited(TimeSpan wait, bool tokenWide);
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>How a wait ended.</summary>
internal sealed class CampaignWaitResult
{
    /// <summary>Creates a result.</summary>
    public CampaignWaitResult(bool reached, GenesysCampaign? last)
    {
        Reached = reached;
        Last = last;
    }

    /// <summary>
    /// The campaign is no longer there: a read of its id found no campaign of any kind (deleted while
    /// waited on). The wait ends then, not at its timeout; <see cref="Last"/> is the campaign as last seen.
    /// </summary>
    public bool Gone { get; init; }

    /// <summary>Whether the condition was met before the timeout.</summary>
    public bool Reached { get; }

    /// <summary>The campaign as last seen (null if it was never seen).</summary>
    public GenesysCampaign? Last { get; }
}

/// <summary>
/// Waits for campaigns to reach a condition. Behind an interface so polling and notifications
/// can stand in for each other.
/// </summary>
internal interface ICampaignWaiter : IDisposable
{
    /// <summary>
    /// Gets ready to wait on these campaigns (subscribes to their notifications in bulk) before the
    /// changes are made, so no event is missed. Never fails: a waiter that cannot prepare polls.
    /// </summary>
    Task PrepareAsync(IReadOnlyCollection<string> campaignIds, CancellationToken cancellationToken);

    /// <summary>
    /// Starts getting ready before the campaigns are known (a waiter on notifications opens its channel),
    /// so that <see cref="PrepareAsync"/> before the first write is one request, not three. Returns at
    /// once and never fails: what cannot be had now is tried again by PrepareAsync.
    /// </summary>
    void WarmUp(CancellationToken cancellationToken);

    /// <summary>
    /// Completes when <paramref name="isDone"/> holds for <paramref name="campaign"/> (the caller's
    /// last view of it), or the timeout passes. <paramref name="viewPredatesSubscription"/>: the view
    /// was read before <see cref="PrepareAsync"/> subscribed, so a change in between sends no event and
    /// the campaign is read once (batched) rather than only at the deadline. False for a view taken
    /// after the caller's own write (subscribed before it, so its events are heard).
    /// </summary>
    Task<CampaignWaitResult> WaitAsync(GenesysCampaign campaign, Func<GenesysCampaign, bool> isDone, TimeSpan timeout, RequestStats? stats, bool viewPredatesSubscription, CancellationToken cancellationToken);
}

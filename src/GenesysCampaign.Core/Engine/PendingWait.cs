using System;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>One campaign being waited on, as both waiters keep it.</summary>
internal sealed class PendingWait
{
    public PendingWait(string campaignId, Func<GenesysCampaign, bool> isDone, DateTime deadline, RequestStats? stats)
    {
        CampaignId = campaignId;
        IsDone = isDone;
        Deadline = deadline;
        Stats = stats;
    }

    public string CampaignId { get; }

    public Func<GenesysCampaign, bool> IsDone { get; }

    public DateTime Deadline { get; }

    public RequestStats? Stats { get; }

    /// <summary>The campaign as last seen.</summary>
    public GenesysCampaign? Last { get; set; }

    /// <summary>Events may have been missed (a reconnect, a view older than the subscription): settle it with a read.</summary>
    public bool ToConfirm { get; set; }

    /// <summary>Notifications only: when a wait that has heard nothing that settles it is read.</summary>
    public DateTime NextConfirm { get; set; } = DateTime.MaxValue;

    /// <summary>Reads made to catch up on missed events (<see cref="ToConfirm"/>) that showed nothing newer than known, so far.</summary>
    public int CatchUpReads { get; set; }

    public TaskCompletionSource<CampaignWaitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Ends the wait on a campaign that a read of its id did not find (deleted while waited on): waiting
    /// on to the timeout would only stall. Both waiters call it.
    /// </summary>
    public void EndAsGone() => Completion.TrySetResult(new CampaignWaitResult(false, Last) { Gone = true });
}

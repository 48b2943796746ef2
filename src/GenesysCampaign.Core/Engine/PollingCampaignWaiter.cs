using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>Poll timing.</summary>
internal sealed class PollingOptions
{
    /// <summary>First wait before a read.</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between reads; the interval grows by half each tick up to this.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How far past the nearest deadline a read may run (its retries included) before it is given up,
    /// so a wait ends within this of its timeout however slow or faulty the reads are.
    /// </summary>
    public TimeSpan ReadOverrun { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Waits by polling, batched: every campaign being waited on shares one loop that reads them all
/// with the list endpoint, 100 ids a request, each tick. Waiting on 50 campaigns costs one request
/// a tick, not fifty; and the ticks are spaced so that polling takes at most half of the request
/// budget (<see cref="Resilience.RateBudget.PollingInterval"/>).
/// </summary>
internal sealed class PollingCampaignWaiter : ICampaignWaiter
{
    private readonly GenesysApiClient _api;
    private readonly PollingOptions _options;
    private readonly IOperationLog _log;
    private readonly object _gate = new();
    private readonly List<PendingWait> _pending = new();
    private readonly CancellationTokenSource _disposed = new();
    private Task? _loop;

    /// <summary>Creates a waiter; the loop runs only while something waits.</summary>
    public PollingCampaignWaiter(GenesysApiClient api, PollingOptions? options = null, IOperationLog? log = null)
    {
        _api = api;
        _options = options ?? new PollingOptions();
        _log = log ?? NullOperationLog.Instance;
    }

    /// <inheritdoc />
    public Task PrepareAsync(IReadOnlyCollection<string> campaignIds, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void WarmUp(CancellationToken cancellationToken)
    {
    }

    /// <inheritdoc />
    /// <remarks>Polling reads from the start, so an old view needs nothing more.</remarks>
    public Task<CampaignWaitResult> WaitAsync(GenesysCampaign campaign, Func<GenesysCampaign, bool> isDone, TimeSpan timeout, RequestStats? stats, bool viewPredatesSubscription, CancellationToken cancellationToken) =>
        WaitAsync(campaign.Id, isDone, timeout, stats, cancellationToken);

    /// <summary>The same by id: polling reads the whole campaign, so it needs no view to start from.</summary>
    internal Task<CampaignWaitResult> WaitAsync(string campaignId, Func<GenesysCampaign, bool> isDone, TimeSpan timeout, RequestStats? stats, CancellationToken cancellationToken)
    {
        var pending = new PendingWait(campaignId, isDone, DateTime.UtcNow + timeout, stats);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => pending.Completion.TrySetCanceled());
            pending.Completion.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        lock (_gate)
        {
            _pending.Add(pending);
            if (_loop is null || _loop.IsCompleted)
            {
                _loop = Task.Run(LoopAsync, CancellationToken.None); // Serves every wait; ends when none is left.
            }
        }

        return pending.Completion.Task;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        lock (_gate)
        {
            foreach (var pending in _pending)
            {
                pending.Completion.TrySetResult(new CampaignWaitResult(false, pending.Last));
            }

            _pending.Clear();
        }
    }

    private async Task LoopAsync()
    {
        var interval = _options.InitialInterval;
        while (!_disposed.IsCancellationRequested)
        {
            TimeSpan delay;
            lock (_gate)
            {
                _pending.RemoveAll(p => p.Completion.Task.IsCompleted);
                if (_pending.Count == 0)
                {
                    _loop = null;
                    return;
                }

                // Within half the request budget however many are waited on; and no longer than the
                // nearest deadline, so a timeout is reported on time.
                var paced = _api.RateBudget.PollingInterval(_pending.Count);
                var wait = interval > paced ? interval : paced;
                var nearest = _pending.Min(p => p.Deadline) - DateTime.UtcNow;
                delay = nearest < wait ? (nearest > TimeSpan.Zero ? nearest : TimeSpan.Zero) : wait;
            }

            try
            {
                await Task.Delay(delay, _disposed.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Taken after the sleep, so campaigns that joined meanwhile share this tick's read.
            PendingWait[] snapshot;
            lock (_gate)
            {
                snapshot = _pending.ToArray();
            }

            interval = TimeSpan.FromTicks(Math.Min(_options.MaxInterval.Ticks, (long)(interval.Ticks * 1.5)));
            await TickAsync(snapshot).ConfigureAwait(false);
        }
    }

    private async Task TickAsync(PendingWait[] snapshot)
    {
        var live = snapshot.Where(p => !p.Completion.Task.IsCompleted).ToArray();
        if (live.Length == 0)
        {
            return;
        }

        var tickStats = new RequestStats();
        IReadOnlyList<GenesysCampaign>? campaigns; // null: the poll failed (absence then says nothing)
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        var untilDeadline = live.Min(p => p.Deadline) - DateTime.UtcNow;
        bound.CancelAfter((untilDeadline > TimeSpan.Zero ? untilDeadline : TimeSpan.Zero) + _options.ReadOverrun);
        try
        {
            campaigns = await _api.GetCampaignsByIdAsync(live.Select(p => p.CampaignId).ToArray(), tickStats, bound.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GenesysApiException or OperationCanceledException)
        {
            // A failed poll is not a failed wait: try again next tick, until the deadline.
            _log.Verbose($"A status poll failed; polling again. {ex.Message}");
            campaigns = null;
        }

        var byId = (campaigns ?? Array.Empty<GenesysCampaign>()).ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        var now = DateTime.UtcNow;
        foreach (var pending in live)
        {
            pending.Stats?.AddShared(tickStats);
            if (byId.TryGetValue(pending.CampaignId, out var campaign))
            {
                pending.Last = campaign;
                if (pending.IsDone(campaign))
                {
                    pending.Completion.TrySetResult(new CampaignWaitResult(true, campaign));
                    continue;
                }
            }
            else if (campaigns is not null)
            {
                pending.EndAsGone();
                continue;
            }

            if (now >= pending.Deadline)
            {
                pending.Completion.TrySetResult(new CampaignWaitResult(false, pending.Last));
            }
        }
    }
}

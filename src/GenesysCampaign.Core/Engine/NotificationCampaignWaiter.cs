using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>Timing of the notification waiter.</summary>
internal sealed class NotificationOptions
{
    /// <summary>How often waits past their deadline, or possibly missing events after a reconnect, are settled by one batched read.</summary>
    public TimeSpan ConfirmWindow { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How long a wait goes without the event that settles it before a batched read confirms it, and
    /// again each this long: no Genesys document promises delivery, and a lost event must not hold a
    /// wait to its timeout. Longer than most settles, so a bulk pause still reads nothing.
    /// </summary>
    public TimeSpan ConfirmUnheardAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long making a channel and subscribing may take, retries included, before waiting polls
    /// instead: an outage of the notification service must not hold an emergency pause.
    /// </summary>
    public TimeSpan SetupTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a channel may go without a heartbeat before it is replaced.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = NotificationChannel.DefaultHeartbeatTimeout;

    /// <summary>How polling behaves when notifications cannot be had.</summary>
    public PollingOptions Polling { get; set; } = new();
}

/// <summary>
/// Waits on campaigns through the Notifications API: one channel, a topic per campaign
/// (<c>v2.outbound.campaigns.{id}</c>), subscribed in bulk before the changes are made. An event
/// carries the campaign's status and version, so it settles a wait by itself: a read right after
/// could only be as new or older (eventual consistency), and would cost a request per campaign.
/// What the event body lacks comes from the campaign as last seen (such a view is never written).
/// Reads confirm where events may be missing, batched 100 campaigns a request: at a wait's
/// deadline (the final read), after the socket reconnects, for a view read before the
/// subscription, for a wait that has heard nothing for <see cref="NotificationOptions.ConfirmUnheardAfter"/>,
/// and at the polling interval for a campaign in a status its topic cannot tell (a voice campaign
/// force-stopping: <see cref="CampaignKind.TopicTells"/>). When a channel or its socket cannot be
/// had, or is lost, every wait moves to batched polling without failing.
/// </summary>
internal sealed class NotificationCampaignWaiter : ICampaignWaiter
{
    // After a confirming read that failed, how soon its waits are read again.
    private static readonly TimeSpan FailedReadRetry = TimeSpan.FromSeconds(1);

    private readonly GenesysApiClient _api;
    private readonly IOperationLog _log;
    private readonly NotificationOptions _options;
    private readonly PollingCampaignWaiter _polling;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<string, GenesysCampaign> _latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PendingWait> _pending = new();
    private readonly List<NotificationChannel> _channels = new();
    private readonly CancellationTokenSource _disposed = new();
    // Topics subscribed (permitted); a campaign is listened to when any of its topics is.
    private readonly HashSet<string> _subscribed = new(StringComparer.OrdinalIgnoreCase);
    private bool _fallback;
    private Task? _confirmLoop;
    private Task? _warming;

    /// <summary>Creates a waiter; nothing is requested until <see cref="PrepareAsync"/> or a wait.</summary>
    public NotificationCampaignWaiter(GenesysApiClient api, NotificationOptions? options = null, IOperationLog? log = null)
    {
        _api = api;
        _options = options ?? new NotificationOptions();
        _log = log ?? NullOperationLog.Instance;
        _polling = new PollingCampaignWaiter(api, _options.Polling, _log);
    }

    /// <summary>Whether waits have moved to polling (tests and verbose output read it).</summary>
    public bool IsPolling
    {
        get
        {
            lock (_gate)
            {
                return _fallback;
            }
        }
    }

    /// <inheritdoc />
    public async Task PrepareAsync(IReadOnlyCollection<string> campaignIds, CancellationToken cancellationToken)
    {
        await _setup.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_options.SetupTimeout);
        var outer = cancellationToken;
        cancellationToken = bounded.Token;
        try
        {
            if (IsPolling)
            {
                return;
            }

            // Each campaign's topics as its kind has them (the connection knows the kind of each id read).
            List<string> wanted;
            lock (_gate)
            {
                wanted = campaignIds.SelectMany(_api.Campaigns.TopicsFor).Where(topic => !_subscribed.Contains(topic)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }

            while (wanted.Count > 0)
            {
                var channel = _channels.LastOrDefault(c => c.TopicCount < NotificationChannel.MaxTopics)
                    ?? await OpenChannelAsync(cancellationToken).ConfigureAwait(false);
                var batch = wanted.Take(NotificationChannel.MaxTopics - channel.TopicCount).ToList();
                var rejected = await channel.SubscribeAsync(batch, cancellationToken).ConfigureAwait(false);
                if (rejected.Count > 0)
                {
                    // A topic Genesys will not send (permissions): a campaign with no topic left is polled.
                    _log.Verbose($"{rejected.Count} campaign topic(s) were rejected; campaigns without a permitted topic are polled.");
                }

                lock (_gate)
                {
                    // Written under _gate because waits read it under _gate (PrepareAsync itself is serialised by _setup).
                    foreach (var topic in batch.Where(topic => !rejected.Contains(topic, StringComparer.OrdinalIgnoreCase)))
                    {
                        _subscribed.Add(topic);
                    }
                }

                wanted = wanted.Skip(batch.Count).ToList();
            }
        }
        catch (Exception ex) when (NotificationChannel.IsUnavailable(ex) || (ex is OperationCanceledException && !outer.IsCancellationRequested))
        {
            var why = ex is OperationCanceledException ? $"no channel within {_options.SetupTimeout.TotalSeconds:0} s" : ex.Message;
            _log.Verbose($"Notifications are not available ({why}); waiting by polling instead.");
            SwitchToPolling();
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <inheritdoc />
    public async Task<CampaignWaitResult> WaitAsync(GenesysCampaign campaign, Func<GenesysCampaign, bool> isDone, TimeSpan timeout, RequestStats? stats, bool viewPredatesSubscription, CancellationToken cancellationToken)
    {
        var campaignId = campaign.Id;
        var deadline = DateTime.UtcNow + timeout; // Setting up counts against the timeout.
        using (var bySetup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            bySetup.CancelAfter(timeout);
            try
            {
                await PrepareAsync(new[] { campaignId }, bySetup.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Out of time before a channel was had: the campaign is polled (a final read).
            }
        }

        PendingWait? pending = null;
        lock (_gate)
        {
            // The caller's view fills in what an event body leaves out (name, references).
            if (!_latest.TryGetValue(campaignId, out var seen) || seen.Version < campaign.Version || (seen.Version == campaign.Version && seen.FromNotification))
            {
                _latest[campaignId] = campaign;
            }
            else if (seen.FromNotification)
            {
                // An event heard before this wait knew the campaign: its body may lack the name and more.
                _latest[campaignId] = seen.FilledFrom(campaign);
            }

            // Not subscribed (polling, or a topic Genesys rejected): this campaign is polled.
            if (!_fallback && campaign.Kind.TopicsFor(campaignId, campaign.MediaType).Any(_subscribed.Contains))
            {
                // A view older than the subscription may have missed its settle: the next window reads it.
                // Any wait is read once it has heard nothing for a while: an event can be lost.
                pending = new PendingWait(campaignId, isDone, deadline, stats)
                {
                    ToConfirm = viewPredatesSubscription,
                    NextConfirm = DateTime.UtcNow + ConfirmAfter(_latest.TryGetValue(campaignId, out var known) ? known : campaign),
                };
                if (_latest.TryGetValue(campaignId, out var latest))
                {
                    pending.Last = latest;
                    if (isDone(latest))
                    {
                        return new CampaignWaitResult(true, latest);
                    }
                }

                _pending.Add(pending);
                EnsureConfirmLoop();
            }
        }

        if (pending is null)
        {
            var left = deadline - DateTime.UtcNow;
            return await _polling.WaitAsync(campaign.Id, isDone, left > TimeSpan.Zero ? left : TimeSpan.Zero, stats, cancellationToken).ConfigureAwait(false);
        }

        using (cancellationToken.Register(() => pending.Completion.TrySetCanceled()))
        {
            return await pending.Completion.Task.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void WarmUp(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _warming ??= Task.Run(() => WarmUpAsync(cancellationToken), CancellationToken.None);
        }
    }

    /// <summary>Opens the first channel, under the setup lock PrepareAsync takes (which then finds it open).</summary>
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            await _setup.WaitAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            bounded.CancelAfter(_options.SetupTimeout);
            bool open;
            lock (_gate)
            {
                open = _fallback || _channels.Count > 0;
            }

            if (!open)
            {
                await OpenChannelAsync(bounded.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not fatal here: PrepareAsync tries again, and decides then whether to poll.
            _log.Verbose($"A notification channel could not be opened ahead of the writes ({ex.Message}); it is tried again before them.");
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        lock (_gate)
        {
            foreach (var channel in _channels)
            {
                channel.Dispose();
            }

            foreach (var pending in _pending)
            {
                pending.Completion.TrySetResult(new CampaignWaitResult(false, pending.Last));
            }

            _pending.Clear();
        }

        _polling.Dispose();
    }

    private async Task<NotificationChannel> OpenChannelAsync(CancellationToken cancellationToken)
    {
        var channel = await NotificationChannel.OpenAsync(_api, _log, cancellationToken, _options.HeartbeatTimeout).ConfigureAwait(false);
        channel.Received += OnEvent;
        channel.Reconnected += OnReconnected;
        channel.Lost += _ =>
        {
            SwitchToPolling();
            channel.Dispose();
        };
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                // Opened ahead of the writes (WarmUp) as the run ended: nothing will close it after this.
                channel.Dispose();
                throw new OperationCanceledException("The waiter was disposed while its channel was opened.");
            }

            _channels.Add(channel);
        }

        _log.Verbose($"Waiting through notification channel {channel.Id}.");
        return channel;
    }

    private void OnEvent(string topic, JsonElement body)
    {
        if (CampaignTopic.TryRead(topic, body, Known, out var campaign))
        {
            Observe(campaign);
        }
    }

    private GenesysCampaign? Known(string campaignId)
    {
        lock (_gate)
        {
            return _latest.TryGetValue(campaignId, out var known) ? known : null;
        }
    }

    /// <summary>Takes a newer view of a campaign and marks the waits it completes for confirmation.</summary>
    private void Observe(GenesysCampaign campaign)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(campaign.Id, out var known) && known.Version > campaign.Version)
            {
                return; // Out of order or a lagging read: keep the newer one.
            }

            _latest[campaign.Id] = campaign;
            foreach (var pending in _pending.Where(p => string.Equals(p.CampaignId, campaign.Id, StringComparison.OrdinalIgnoreCase)))
            {
                pending.Last = campaign;
                if (pending.IsDone(campaign))
                {
                    pending.Completion.TrySetResult(new CampaignWaitResult(true, campaign));
                }
            }
        }
    }

    private void OnReconnected()
    {
        // Events may have been missed while the socket was down: confirm everything still waiting.
        lock (_gate)
        {
            foreach (var pending in _pending)
            {
                pending.ToConfirm = true;
            }
        }
    }

    private void SwitchToPolling()
    {
        List<PendingWait> moved;
        lock (_gate)
        {
            if (_fallback)
            {
                return;
            }

            _fallback = true;
            moved = _pending.ToList();
            _pending.Clear();
        }

        foreach (var pending in moved)
        {
            var remaining = pending.Deadline - DateTime.UtcNow;
            _polling.WaitAsync(pending.CampaignId, pending.IsDone, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, pending.Stats, _disposed.Token)
                .ContinueWith(t => pending.Completion.TrySetResult(t.Status == TaskStatus.RanToCompletion ? t.Result : new CampaignWaitResult(false, pending.Last)), TaskScheduler.Default);
        }
    }

    /// <summary>
    /// How long a wait on a campaign last seen so goes unheard before a read: a status its topic cannot
    /// carry (a voice campaign force-stopping) may settle with no event, so it is read at the polling
    /// interval; any other, after <see cref="NotificationOptions.ConfirmUnheardAfter"/>.
    /// </summary>
    private TimeSpan ConfirmAfter(GenesysCampaign? last) =>
        last is not null && !last.Kind.TopicTells(last.Status) ? _options.Polling.InitialInterval : _options.ConfirmUnheardAfter;

    private void EnsureConfirmLoop()
    {
        if (_confirmLoop is null || _confirmLoop.IsCompleted)
        {
            _confirmLoop = Task.Run(ConfirmLoopAsync, CancellationToken.None); // Serves every wait; ends when none is left.
        }
    }

    /// <summary>
    /// Every window: one batched read of the waits past their deadline (the final read), of those
    /// whose events may have been missed (a reconnect, an old view, nothing heard for a while);
    /// completes the ones it settles.
    /// </summary>
    private async Task ConfirmLoopAsync()
    {
        while (!_disposed.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ConfirmWindow, _disposed.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            PendingWait[] due;
            Dictionary<PendingWait, (int? Version, bool CatchingUp)> before;
            var now = DateTime.UtcNow;
            lock (_gate)
            {
                _pending.RemoveAll(p => p.Completion.Task.IsCompleted);
                if (_pending.Count == 0)
                {
                    _confirmLoop = null;
                    return;
                }

                due = _pending.Where(p => p.ToConfirm || now >= p.Deadline || now >= p.NextConfirm).ToArray();
                before = due.ToDictionary(p => p, p => (p.Last?.Version, p.ToConfirm || p.CatchUpReads > 0));
            }

            if (due.Length == 0)
            {
                continue;
            }

            var tickStats = new RequestStats();
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
            bound.CancelAfter(_options.Polling.ReadOverrun); // A wait ends within this of its deadline.
            var read = false;
            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                foreach (var campaign in await _api.GetCampaignsByIdAsync(due.Select(p => p.CampaignId).ToArray(), tickStats, bound.Token).ConfigureAwait(false))
                {
                    found.Add(campaign.Id);
                    Observe(campaign);
                }

                read = true;
            }
            catch (Exception ex) when (ex is GenesysApiException or OperationCanceledException)
            {
                _log.Verbose($"A confirming read failed; the last events stand, and it is tried again in {FailedReadRetry.TotalSeconds:0} s. {ex.Message}");
            }

            // A read that outlasted a deadline was that wait's last: it ends now, within one read bound of
            // its deadline, rather than being read once more.
            var after = DateTime.UtcNow;
            lock (_gate)
            {
                foreach (var pending in due)
                {
                    pending.Stats?.AddShared(tickStats);
                    var last = pending.Last;
                    if (last is not null && pending.IsDone(last))
                    {
                        pending.Completion.TrySetResult(new CampaignWaitResult(true, last));
                    }
                    else if (read && !found.Contains(pending.CampaignId))
                    {
                        pending.EndAsGone();
                    }
                    else if (after >= pending.Deadline)
                    {
                        pending.Completion.TrySetResult(new CampaignWaitResult(false, last));
                    }
                    else if (read && before[pending].CatchingUp && (last?.Version ?? int.MinValue) <= (before[pending].Version ?? int.MinValue) && pending.CatchUpReads < LaggingReads.Rereads)
                    {
                        // Caught up on nothing: the read may lag a write (LaggingReads), and a campaign that settled
                        // before the subscription was in place sends no event (a breaker's trial waited 15 s more).
                        pending.ToConfirm = false;
                        pending.CatchUpReads++;
                        pending.NextConfirm = now + LaggingReads.RereadAfter;
                    }
                    else if (read)
                    {
                        // Confirmed as not there yet: events (or the next unheard confirm) settle it.
                        pending.ToConfirm = false;
                        pending.CatchUpReads = 0;
                        pending.NextConfirm = now + ConfirmAfter(last);
                    }
                    else
                    {
                        // The read failed: read again soon, not at the next unheard confirm (nor every
                        // window, which a refusal answered at once would turn into a stream of reads).
                        pending.ToConfirm = false;
                        pending.NextConfirm = now + FailedReadRetry;
                    }
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;

namespace GenesysCloud.Outbound.Engine;

/// <summary>
/// Streams status changes of a set of campaigns: from notifications (a channel per 1000 campaigns),
/// or, when those cannot be had or are lost, from batched polling. Voice campaigns stopping or
/// force-stopping are read each <see cref="PollInterval"/> even with notifications, as their topic
/// never tells forced_stopping or forced_off. Only changes of status are reported; the campaigns as
/// given are the baseline.
/// </summary>
internal sealed class CampaignWatcher
{
    private readonly GenesysApiClient _api;
    private readonly IOperationLog _log;
    private readonly object _gate = new();
    private readonly Dictionary<string, GenesysCampaign> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a watcher.</summary>
    public CampaignWatcher(GenesysApiClient api, IOperationLog? log = null)
    {
        _api = api;
        _log = log ?? NullOperationLog.Instance;
    }

    /// <summary>Least time between polls when polling; more when the request budget calls for it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long making the channels and subscribing may take before the watch polls instead.</summary>
    public TimeSpan SetupTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a channel may go without a heartbeat before it is replaced.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = NotificationChannel.DefaultHeartbeatTimeout;

    /// <summary>
    /// Watches until <paramref name="cancellationToken"/> is cancelled (Ctrl+C or a timeout), calling
    /// <paramref name="onChange"/> (from any thread) once per status change.
    /// </summary>
    public async Task RunAsync(IReadOnlyCollection<GenesysCampaign> campaigns, Action<GenesysCampaignStatusEvent> onChange, CancellationToken cancellationToken)
    {
        var ids = campaigns.Select(c => c.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        lock (_gate)
        {
            // The campaigns as given are the baseline: a change that lands while subscribing is still a change.
            foreach (var campaign in campaigns)
            {
                _known[campaign.Id] = campaign;
            }
        }

        var channels = new List<NotificationChannel>();
        var lost = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // Bounded like the waiter's: an outage of the notification service means polling, soon.
            using var setup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            setup.CancelAfter(SetupTimeout);
            try
            {
                var topics = campaigns.SelectMany(CampaignTopic.For).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                foreach (var chunk in topics.Select((topic, i) => (topic, i)).GroupBy(x => x.i / NotificationChannel.MaxTopics, x => x.topic))
                {
                    var channel = await NotificationChannel.OpenAsync(_api, _log, setup.Token, HeartbeatTimeout).ConfigureAwait(false);
                    channels.Add(channel);
                    channel.Received += (topic, body) => OnEvent(topic, body, onChange);
                    channel.Reconnected += () => _ = CatchUpAsync(ids, onChange, cancellationToken);
                    channel.Lost += _ => lost.TrySetResult(true);
                    await channel.SubscribeAsync(chunk, setup.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (NotificationChannel.IsUnavailable(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                _log.Verbose($"Notifications are not available ({ex.Message}); watching by polling instead.");
                lost.TrySetResult(true);
            }

            // Read again after subscribing, so no change falls between the given view and the first event.
            await CatchUpAsync(ids, onChange, cancellationToken).ConfigureAwait(false);

            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => stopped.TrySetResult(true)))
            {
                while (true)
                {
                    var tick = Task.Delay(PollInterval, CancellationToken.None);
                    var woke = await Task.WhenAny(lost.Task, stopped.Task, tick).ConfigureAwait(false);
                    if (woke == stopped.Task)
                    {
                        return;
                    }

                    if (woke == lost.Task)
                    {
                        break;
                    }

                    // A voice campaign that is stopping may go on to forced_stopping and forced_off, which its
                    // topic never tells (CampaignKind.TopicTells): those campaigns are read each interval.
                    var untold = Untold();
                    if (untold.Count > 0)
                    {
                        await CatchUpAsync(untold, onChange, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            foreach (var channel in channels)
            {
                channel.Dispose();
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                // Within half the request budget, however many campaigns are watched.
                var paced = _api.RateBudget.PollingInterval(ids.Count);
                await Task.Delay(PollInterval > paced ? PollInterval : paced, cancellationToken).ConfigureAwait(false);
                await CatchUpAsync(ids, onChange, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>The campaigns last seen in a status from which their topic may not tell the next one (a voice campaign stopping or force-stopping).</summary>
    private List<string> Untold()
    {
        lock (_gate)
        {
            return _known.Values
                .Where(c => c.Kind == CampaignKind.Voice && (c.Status == CampaignStatus.Stopping || !c.Kind.TopicTells(c.Status)))
                .Where(c => c.Status != CampaignStatus.ForcedOff) // From forced_off a campaign can only be turned on, which is told.
                .Select(c => c.Id)
                .ToList();
        }
    }

    private async Task CatchUpAsync(IReadOnlyCollection<string> ids, Action<GenesysCampaignStatusEvent> onChange, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var campaign in await _api.GetCampaignsByIdAsync(ids, null, cancellationToken).ConfigureAwait(false))
            {
                See(campaign, "Poll", onChange);
            }
        }
        catch (GenesysApiException ex)
        {
            _log.Verbose($"A status read failed; trying again later. {ex.Message}");
        }
    }

    private void OnEvent(string topic, JsonElement body, Action<GenesysCampaignStatusEvent> onChange)
    {
        if (CampaignTopic.TryRead(topic, body, Known, out var campaign))
        {
            See(campaign, "Notification", onChange);
        }
    }

    private GenesysCampaign? Known(string campaignId)
    {
        lock (_gate)
        {
            return _known.TryGetValue(campaignId, out var known) ? known : null;
        }
    }

    private void See(GenesysCampaign campaign, string source, Action<GenesysCampaignStatusEvent> onChange)
    {
        GenesysCampaignStatusEvent? change = null;
        lock (_gate)
        {
            if (_known.TryGetValue(campaign.Id, out var known))
            {
                if (known.Version > campaign.Version)
                {
                    return; // A lagging read or an out-of-order event.
                }

                if (!string.Equals(known.Status, campaign.Status, StringComparison.Ordinal))
                {
                    change = new GenesysCampaignStatusEvent
                    {
                        Timestamp = DateTime.UtcNow,
                        CampaignId = campaign.Id,
                        CampaignName = campaign.Name,
                        MediaType = campaign.MediaType,
                        PreviousStatus = known.Status,
                        Status = campaign.Status,
                        Version = campaign.Version,
                        Source = source,
                    };
                }
            }

            _known[campaign.Id] = campaign;
        }

        if (change is not null)
        {
            onChange(change);
        }
    }
}

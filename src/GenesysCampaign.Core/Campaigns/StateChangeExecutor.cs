using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>
/// Changes the status of many campaigns at once, at most ThrottleLimit at a time, and makes exactly
/// one record per campaign: audited (flushed) first, then handed to the caller. Cancellation stops
/// new writes; a write already sent is finished and recorded.
/// </summary>
public sealed class StateChangeExecutor
{
    private readonly GenesysApiClient _api;
    private readonly ICampaignWaiter _waiter;
    private readonly IAuditSink? _audit;
    private readonly IOperationLog _log;
    private readonly object _gate = new();
    private Task<CampaignDependencies>? _dependencies;

    // Campaigns a Resume must not turn on (the org's active limit), with why; decided by PlanAsync.
    private IReadOnlyDictionary<string, string>? _overLimit;

    /// <summary>Creates an executor.</summary>
    public StateChangeExecutor(GenesysApiClient api, ICampaignWaiter waiter, IAuditSink? audit, IOperationLog? log = null)
    {
        _api = api;
        _waiter = waiter;
        _audit = audit;
        _log = log ?? NullOperationLog.Instance;
    }

    /// <summary>
    /// Runs the change for every campaign. <paramref name="onRecord"/> is called once per campaign
    /// reached, from any thread, after its audit line is written (with the audit error, if any).
    /// </summary>
    public async Task RunAsync(IReadOnlyList<GenesysCampaign> campaigns, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, CancellationToken cancellationToken)
    {
        var services = new Services(_api, _waiter, _log, () => DependenciesAsync(cancellationToken));
        var unique = Unique(campaigns);

        // The limit as planned, never decided again here: a campaign the plan rejected was not asked
        // about at the prompt, so a place freed by a declined one must not turn it on unasked.
        if (request.Action == CampaignAction.Resume && _overLimit is null)
        {
            try
            {
                await PlanAsync(unique, request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        foreach (var campaign in unique)
        {
            _api.Campaigns.Remember(campaign); // Its kind tells the waiter which topics to listen on.
        }

        if (request.Wait || unique.Any(c => StateRules.IsTransitional(c.Status)))
        {
            // Subscribe before writing, so the events of the writes themselves are not missed.
            try
            {
                await _waiter.PrepareAsync(unique.Select(c => c.Id).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        using var throttle = new SemaphoreSlim(Math.Max(1, request.ThrottleLimit));
        var tasks = unique
            .Select(async campaign =>
            {
                try
                {
                    await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return; // Not reached: no write, no record.
                }

                if (_overLimit is not null && _overLimit.TryGetValue(campaign.Id, out var overLimit))
                {
                    throttle.Release();
                    var record = NewRecord(request, campaign);
                    record.Outcome = StateChangeOutcome.Rejected;
                    record.Failure = FailureKind.LimitsExceeded;
                    record.ErrorCode = Failures.ActiveCampaignLimit;
                    record.Message = overLimit;
                    Publish(record, onRecord);
                    return;
                }

                // The throttle bounds writes, not waits: the slot is handed back before waiting for the
                // dialer, so 50 campaigns take one settle, not five.
                var slot = new ThrottleSlot(throttle);
                try
                {
                    var record = await new CampaignChange(services, campaign, request, slot, cancellationToken).RunAsync().ConfigureAwait(false);
                    if (record is not null)
                    {
                        Publish(record, onRecord);
                    }
                }
                finally
                {
                    slot.Release();
                }
            })
            .ToList();

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>
    /// Decides, without writing, what <see cref="RunAsync"/> would do with each campaign as given: the
    /// state rules, then (for those it would write) what could block or undo the change, read once
    /// and kept for the run. One plan per campaign, in the order given.
    /// </summary>
    public async Task<IReadOnlyList<PlannedChange>> PlanAsync(IReadOnlyList<GenesysCampaign> campaigns, StateChangeRequest request, CancellationToken cancellationToken)
    {
        var plans = new List<PlannedChange>();
        foreach (var campaign in Unique(campaigns))
        {
            var warnings = new List<string>();
            var decision = StateRules.Decide(request.Action, campaign, request.Force);
            if (decision.Warning is not null)
            {
                warnings.Add(decision.Warning);
            }

            string? rejection = null;
            if (decision.Kind is DecisionKind.Write or DecisionKind.WaitToSettle)
            {
                var dependencies = await DependenciesAsync(cancellationToken).ConfigureAwait(false);
                rejection = dependencies.Check(campaign, request.Action, request.Force, warnings);
            }

            var plan = decision.Kind switch
            {
                DecisionKind.Unchanged => new PlannedChange(campaign, false, decision.Message + " Nothing would be sent.", warnings),
                DecisionKind.Rejected => new PlannedChange(campaign, false, "Would be rejected: " + decision.Message, warnings),
                _ when rejection is not null => new PlannedChange(campaign, false, "Would be rejected: " + rejection, warnings),
                _ => new PlannedChange(campaign, true, PlannedChange.DescribeWrite(request.Action, campaign), warnings),
            };
            plans.Add(plan);
        }

        if (request.Action == CampaignAction.Resume)
        {
            // The org's active limits: the campaigns this would turn on take the places left, in order.
            var turningOn = plans.Where(p => p.WouldWrite && !ActiveLimit.IsActive(p.Campaign.Status)).Select(p => p.Campaign).ToList();
            _overLimit = turningOn.Count == 0
                ? new Dictionary<string, string>()
                : await ActiveLimit.OverLimitAsync(_api, turningOn, _log, cancellationToken).ConfigureAwait(false);
            plans = plans.Select(p => _overLimit.TryGetValue(p.Campaign.Id, out var why) ? new PlannedChange(p.Campaign, false, "Would be rejected: " + why, p.Warnings) : p).ToList();
        }

        return plans;
    }

    /// <summary>Sequences, rules and schedules: read once per executor, when the first change that would write needs them.</summary>
    private Task<CampaignDependencies> DependenciesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _dependencies ??= CampaignDependencies.LoadAsync(_api, new RequestStats(), _log, cancellationToken);
        }
    }

    private static List<GenesysCampaign> Unique(IEnumerable<GenesysCampaign> campaigns) =>
        campaigns.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Select(group => group.First()).ToList();

    /// <summary>
    /// The record for an id that matched no campaign: Failed, ObjectNotFound, audited; <c>hint</c> (how
    /// to give the campaign otherwise) follows the message.
    /// </summary>
    public void RecordNotFound(string campaignId, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord, string? hint = null) =>
        RecordInputError(campaignId, request, FailureKind.ObjectNotFound, Failures.CampaignNotFound, $"No campaign with id '{campaignId}' was found." + (hint is null ? string.Empty : " " + hint), onRecord);

    /// <summary>
    /// The record for input that never reached a request (a malformed id, a campaign not found):
    /// Failed, audited like any other, so every campaign given has its record.
    /// </summary>
    public void RecordInputError(string campaignId, StateChangeRequest request, FailureKind failure, string code, string message, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        var record = NewRecord(request, campaignId, null, null);
        record.Outcome = StateChangeOutcome.Failed;
        record.Failure = failure;
        record.ErrorCode = code;
        record.Message = message;
        Publish(record, onRecord);
    }

    /// <summary>The record for a campaign the user declined at the confirmation prompt: Unchanged, nothing sent, audited.</summary>
    public void RecordDeclined(GenesysCampaign campaign, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        var record = NewRecord(request, campaign);
        record.Outcome = StateChangeOutcome.Unchanged;
        record.Message = $"Campaign '{campaign.Name}' was not confirmed; nothing was sent.";
        Publish(record, onRecord);
    }

    private void Publish(GenesysCampaignStateChange record, Action<GenesysCampaignStateChange, Exception?> onRecord)
    {
        Exception? auditError = null;
        try
        {
            _audit?.Append(record);
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            auditError = ex;
        }

        onRecord(record, auditError);
    }

    internal static GenesysCampaignStateChange NewRecord(StateChangeRequest request, GenesysCampaign campaign)
    {
        var record = NewRecord(request, campaign.Id, campaign.Name, campaign.Status);
        record.MediaType = campaign.MediaType;
        return record;
    }

    internal static GenesysCampaignStateChange NewRecord(StateChangeRequest request, string id, string? name, string? previous) => new()
    {
        Timestamp = DateTime.UtcNow,
        OperationId = request.OperationId,
        CampaignId = id,
        CampaignName = name,
        Action = request.Action,
        Reason = request.Reason,
        PreviousStatus = previous,
        RequestedStatus = StateRules.For(request.Action).TargetStatus,
        FinalStatus = previous,
    };

    /// <summary>What every campaign's change of one run shares.</summary>
    internal sealed class Services
    {
        public Services(GenesysApiClient api, ICampaignWaiter waiter, IOperationLog log, Func<Task<CampaignDependencies>> dependencies)
        {
            Api = api;
            Waiter = waiter;
            Log = log;
            Dependencies = dependencies;
        }

        public GenesysApiClient Api { get; }

        public ICampaignWaiter Waiter { get; }

        public IOperationLog Log { get; }

        /// <summary>Sequences, rules and schedules, read once per executor when the first write needs them.</summary>
        public Func<Task<CampaignDependencies>> Dependencies { get; }
    }
}

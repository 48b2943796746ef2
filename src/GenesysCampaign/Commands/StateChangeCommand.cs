using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// What Suspend, Resume and Stop share: the campaigns given (CampaignInputCmdlet); the parameters
/// of every change (as <see cref="ChangeCmdlet"/> declares them for sequences and rules, whose input
/// differs; ChangeParameters.Tests.ps1 holds the two to one another); then
/// planning, confirmation, the changes in Core and their records (<see cref="ChangeRun"/>).
/// </summary>
public abstract class StateChangeCommand : CampaignInputCmdlet
{
    /// <summary>Why: goes into every record and audit line.</summary>
    [Parameter]
    public string? Reason { get; set; }

    /// <summary>Wait for each campaign to settle before its record is written.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Seconds to wait for a campaign to settle (with -Wait, or for a stopping campaign to resume).</summary>
    [Parameter]
    [Alias("TimeoutSec")]
    [ValidateRange(1, 86400)]
    public int Timeout { get; set; } = StateChangeRequest.DefaultTimeoutSeconds;

    /// <summary>Campaigns changed at once.</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int ThrottleLimit { get; set; } = StateChangeRequest.DefaultThrottleLimit;

    /// <summary>Go on past a running sequence; resume a complete campaign from its first record.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Append a JSON line per record here. Default: $env:GENESYS_CAMPAIGN_AUDIT_LOG.</summary>
    [Parameter]
    public string? AuditLogPath { get; set; }

    private ChangeRun? _run;

    /// <summary>Change records given (Resume and Stop take them: <see cref="RecordInputCommand"/>), acted on as <see cref="ChangeReversal"/> says.</summary>
    private protected List<GenesysCampaignStateChange> GivenRecords { get; } = new();

    /// <summary>Errors about the input found while it was collected (a change record that cannot be read), said after the batch.</summary>
    private protected List<ErrorRecord> HeldInputErrors { get; } = new();

    /// <summary>Which change this cmdlet makes.</summary>
    protected abstract CampaignAction Action { get; }

    /// <summary>Suspend -Hold: what could turn the campaigns back on is changed too.</summary>
    protected virtual bool HoldGiven => false;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var api = RequireConnection().CreateClient(Pump);
        var request = ChangeCmdlet.NewRequest(Action, Reason, Force, Wait, Timeout, ThrottleLimit);
        request.Hold = HoldGiven;

        var run = _run = new ChangeRun(this, "campaign", PositionOf);
        HeldInputErrors.ForEach(run.DeferInput);
        run.Execute(
            api,
            request,
            AuditLogPath,
            "CampaignLookupFailed",
            (executor, emit) =>
            {
                // Core records the ids that cannot be (without a request) or match nothing, audited.
                var campaigns = Pump.Run(
                    async token =>
                    {
                        var notActedOn = TakeGivenRecords();
                        if (MayFindCampaigns)
                        {
                            // Only then: input that can be no campaign sends no request at all (about_GenesysCampaign).
                            executor.Prefetch(request, token);
                        }

                        var campaigns = await ResolveCampaignsAsync(
                            api,
                            (ids, t) => executor.ReadCampaignsGivenAsync(ids, request, id => CampaignErrors.InvalidId(id, CampaignErrors.NameHint).Exception.Message, CampaignErrors.NotFoundHint, emit, t),
                            token).ConfigureAwait(false);

                        // One record per object: a campaign also given otherwise (by id, name or object) is acted on, and has that record only.
                        var given = new HashSet<string>(campaigns.Select(c => c.Id), StringComparer.OrdinalIgnoreCase);
                        foreach (var (record, why) in notActedOn.Where(n => n.Record.ObjectKind != OutboundObjectKind.Campaign || !given.Contains(n.Record.ObjectId.Trim())))
                        {
                            executor.RecordNotActedOn(record, request, why, emit);
                        }

                        return campaigns;
                    },
                    CancellationToken);
                return request.Hold
                    ? Pump.Run(token => executor.PlanHoldAsync(campaigns, request, token), CancellationToken)
                    : Pump.Run(token => executor.PlanAsync(campaigns, request, token), CancellationToken);
            },
            (executor, approved, emit, token) => request.Hold
                ? executor.RunHoldAsync(approved, request, emit, token)
                : executor.RunAsync(approved.Cast<GenesysCampaign>().ToList(), request, emit, token));
    }

    /// <summary>
    /// The change records given: the campaign of each one this change acts on (<see cref="ChangeReversal"/>)
    /// is given by id, to be read and changed; the others are returned, one per object (the last of its
    /// records), with why, for an Unchanged record each unless the object is given otherwise too.
    /// </summary>
    private List<(GenesysCampaignStateChange Record, string Why)> TakeGivenRecords()
    {
        var command = MyInvocation.MyCommand.Name;
        var notActedOn = new List<(GenesysCampaignStateChange, string)>();
        foreach (var records in GivenRecords.GroupBy(r => (r.ObjectKind, Id: r.ObjectId.Trim().ToLowerInvariant())))
        {
            if (records.Any(r => ChangeReversal.WhyNotActedOn(Action, r, command) is null))
            {
                GiveId(records.First().ObjectId.Trim());
            }
            else
            {
                var last = records.Last();
                notActedOn.Add((last, ChangeReversal.WhyNotActedOn(Action, last, command)!));
            }
        }

        return notActedOn;
    }

    /// <inheritdoc />
    protected override void WriteInputError(ErrorRecord record) => _run!.DeferInput(record);

    /// <inheritdoc />
    protected override void WriteInputWarning(string warning) => _run!.Warn(warning);
}

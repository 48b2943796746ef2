using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// What Suspend, Resume and Stop share: the campaigns given (CampaignInputCmdlet); confirmation
/// per campaign; then the changes, concurrently, in Core; one record each.
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
    public int Timeout { get; set; } = 300;

    /// <summary>Campaigns changed at once.</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int ThrottleLimit { get; set; } = 10;

    /// <summary>Go on past a running sequence; resume a complete campaign from its first record.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Append a JSON line per record here. Default: $env:GENESYS_CAMPAIGN_AUDIT_LOG.</summary>
    [Parameter]
    public string? AuditLogPath { get; set; }

    // Errors held back until the batch is through, with the input position of their campaign.
    private readonly List<(int Order, ErrorRecord Error)> _deferred = new();
    private readonly List<string> _heldWarnings = new();

    /// <summary>Which change this cmdlet makes.</summary>
    protected abstract CampaignAction Action { get; }

    /// <inheritdoc />
    protected override bool WarnsOnUnmatchedPattern => true;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var api = connection.CreateClient(Pump);

        // A pipeline that fails downstream (a throw, Select-Object -First) does not leave the batch halfway; Ctrl+C does stop it.
        Pump.FinishWorkOnFailure = true;
        var request = new StateChangeRequest(Action)
        {
            Reason = Reason,
            Force = Force,
            Wait = Wait,
            Timeout = TimeSpan.FromSeconds(Timeout),
            ThrottleLimit = ThrottleLimit,
        };

        // -WhatIf changes nothing and records nothing: input errors are still reported as errors.
        var whatIf = IsWhatIf();
        var auditPath = AuditLogPath ?? System.Environment.GetEnvironmentVariable("GENESYS_CAMPAIGN_AUDIT_LOG");
        JsonLinesAuditSink? sink = null;
        if (!whatIf && !string.IsNullOrWhiteSpace(auditPath))
        {
            try
            {
                // Before the first request: an emergency pause must not end unaudited.
                sink = new JsonLinesAuditSink(GetUnresolvedProviderPathFromPSPath(auditPath));
                sink.EnsureWritable();
            }
            catch (Exception ex) when (ex is System.IO.IOException or ArgumentException or NotSupportedException or SessionStateException or ProviderInvocationException)
            {
                var error = ex is System.IO.IOException ? ex : new System.IO.IOException($"The audit log '{auditPath}' cannot be written: {ex.Message}", ex);
                ThrowTerminatingError(new ErrorRecord(error, "AuditLogUnavailable", ErrorCategory.WriteError, auditPath) { ErrorDetails = new ErrorDetails(error.Message + " Nothing was sent.") });
                return;
            }
        }

        using var waiter = new NotificationCampaignWaiter(api, log: Pump);
        var executor = new StateChangeExecutor(api, waiter, sink, Pump);
        var total = 0;
        var done = 0;
        void Emit(GenesysCampaignStateChange record, Exception? auditError) => Pump.Post(() =>
        {
            done++;
            WriteRecord(record, auditError, whatIf);
            if (total > 0)
            {
                WriteProgressQuietly(new ProgressRecord(1, $"{Action} campaigns", $"{done} of {total} done") { PercentComplete = Math.Min(100, done * 100 / total) });
            }
        });

        // Bad ids are reported (and audited) without a request.
        foreach (var id in InvalidIds)
        {
            executor.RecordInputError(id, request, FailureKind.InvalidArgument, Failures.InvalidCampaignId, CampaignErrors.InvalidId(id, CampaignErrors.NameHint).Exception.Message, (r, e) => WriteRecord(r, e, whatIf));
        }

        List<GenesysCampaign> campaigns;
        IReadOnlyList<PlannedChange> plans;
        try
        {
            campaigns = Pump.Run(token => ResolveCampaignsAsync(api, id => executor.RecordNotFound(id, request, Emit, CampaignErrors.NotFoundHint(id)), token), CancellationToken);
            plans = Pump.Run(token => executor.PlanAsync(campaigns, request, token), CancellationToken);
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, "CampaignLookupFailed", null));
            return;
        }

        // Decided first, then asked: -WhatIf says per campaign what would happen, and -Confirm asks
        // only about campaigns that would be written. A campaign declined at the prompt still gets
        // its record (Unchanged): every campaign given has one. The run decides again on what it reads.
        var approved = new List<GenesysCampaign>();
        foreach (var plan in plans)
        {
            var campaign = plan.Campaign;
            if (whatIf)
            {
                foreach (var warning in plan.Warnings)
                {
                    Warn(warning);
                }
            }

            if (!plan.WouldWrite)
            {
                if (whatIf)
                {
                    // Said as a What if: line like the writes; ShouldProcess only prints it under -WhatIf.
                    ShouldProcess($"{plan.Description} (campaign id {campaign.Id})", null, null);
                }

                approved.Add(campaign); // Recorded by the run (Unchanged or Rejected); nothing is sent for it.
            }
            else if (Confirm(campaign, plan))
            {
                approved.Add(campaign);
            }
            else if (!whatIf)
            {
                executor.RecordDeclined(campaign, request, (r, e) => WriteRecord(r, e, whatIf: false));
            }
        }

        if (!whatIf && approved.Count > 0)
        {
            total = approved.Count;
            done = 0;
            Pump.Run(token => executor.RunAsync(approved, request, Emit, token), CancellationToken);
            WriteProgressQuietly(new ProgressRecord(1, $"{Action} campaigns", "Done") { RecordType = ProgressRecordType.Completed });
        }

        WriteDeferredErrors();
    }

    /// <summary>
    /// Asks ShouldProcess about a campaign that would be written. A host that cannot ask (a runbook, a
    /// -NonInteractive pwsh) is a terminating error of its own, before anything is sent.
    /// </summary>
    private bool Confirm(GenesysCampaign campaign, PlannedChange plan)
    {
        try
        {
            return ShouldProcess($"campaign '{campaign.Name}' ({campaign.Id}), now {campaign.Status}", plan.Description);
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or System.Management.Automation.Host.HostException or NotImplementedException or NotSupportedException)
        {
            var name = MyInvocation.MyCommand.Name;
            var error = new InvalidOperationException(
                $"{name} asks for confirmation before it changes campaign '{campaign.Name}', but this host cannot ask ({ex.Message}). "
                + $"Add -Confirm:$false to run {name} without asking, or -WhatIf to see what it would do. Nothing was sent.",
                ex);
            ThrowTerminatingError(new ErrorRecord(error, "ConfirmationUnavailable", ErrorCategory.InvalidOperation, campaign));
            return false;
        }
    }

    /// <summary>
    /// Writes a warning, or, when the warning preference would stop the command or prompt at it
    /// (-WarningAction Stop or Inquire), holds it until the batch is through, as errors are: a
    /// stopped command can write nothing more, so the campaigns still in flight would be left halfway.
    /// </summary>
    private void Warn(string warning)
    {
        if (WarningWouldInterrupt())
        {
            _heldWarnings.Add(warning);
        }
        else
        {
            WriteWarning(warning);
        }
    }

    /// <summary>
    /// Writes the warnings and errors held back during the run, errors in the order their campaigns
    /// were given, so -ErrorAction Stop ends the script after the batch,
    /// never in the middle of it.
    /// </summary>
    private void WriteDeferredErrors()
    {
        foreach (var warning in _heldWarnings)
        {
            WriteWarning(warning);
        }

        foreach (var error in _deferred.OrderBy(e => e.Order).Select(e => e.Error))
        {
            WriteError(error);
        }
    }

    /// <inheritdoc />
    protected override void WriteInputError(ErrorRecord error) => _deferred.Add((PositionOf(error.TargetObject as string ?? string.Empty), error));

    /// <inheritdoc />
    protected override void WriteInputWarning(string warning) => Warn(warning);

    private void Defer(GenesysCampaignStateChange record, ErrorRecord error) =>
        _deferred.Add((PositionOf(record.CampaignId), error));

    private bool IsWhatIf() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
            ? value is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    private void WriteRecord(GenesysCampaignStateChange record, Exception? auditError, bool whatIf)
    {
        if (whatIf)
        {
            // Under -WhatIf only what is wrong with the input (a bad id, a campaign not found) is an
            // error; no record is made.
            if (record.Outcome is StateChangeOutcome.Rejected or StateChangeOutcome.Failed)
            {
                Defer(record, new ErrorRecord(new InvalidOperationException(record.Message), ErrorMapping.ErrorId(record), ErrorMapping.Category(record.Failure), record.CampaignId));
            }

            return;
        }

        foreach (var warning in record.Warnings)
        {
            Warn(warning);
        }

        WriteObject(record);
        if (auditError is not null)
        {
            Defer(record, new ErrorRecord(
                new System.IO.IOException($"The audit line for campaign '{record.CampaignName ?? record.CampaignId}' could not be written: {auditError.Message}", auditError),
                "AuditLogWriteFailed",
                ErrorCategory.WriteError,
                record));
        }

        if (record.Outcome is StateChangeOutcome.Rejected or StateChangeOutcome.Failed or StateChangeOutcome.TimedOut)
        {
            var message = record.Message + (record.CorrelationId is null || record.Message?.Contains(record.CorrelationId) == true ? string.Empty : $" (correlation id {record.CorrelationId})");
            Defer(record, new ErrorRecord(new InvalidOperationException(message), ErrorMapping.ErrorId(record), ErrorMapping.Category(record.Failure), record));
        }
    }
}

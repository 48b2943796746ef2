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

    /// <summary>Which change this cmdlet makes.</summary>
    protected abstract CampaignAction Action { get; }

    /// <inheritdoc />
    protected override bool WarnsOnUnmatchedPattern => true;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var api = connection.CreateClient(Pump);
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
                WriteProgress(new ProgressRecord(1, $"{Action} campaigns", $"{done} of {total} done") { PercentComplete = Math.Min(100, done * 100 / total) });
            }
        });

        // Bad ids are reported (and audited) without a request.
        foreach (var id in InvalidIds)
        {
            executor.RecordInputError(id, request, FailureKind.InvalidArgument, "InvalidCampaignId", CampaignErrors.InvalidId(id, CampaignErrors.NameHint).Exception.Message, (r, e) => WriteRecord(r, e, whatIf));
        }

        List<GenesysCampaign> campaigns;
        try
        {
            campaigns = Pump.Run(token => ResolveCampaignsAsync(api, id => executor.RecordNotFound(id, request, Emit), token), CancellationToken);
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, "CampaignLookupFailed", null));
            return;
        }

        // Confirmation happens here, on the pipeline thread, before anything is written. A campaign
        // declined at the prompt still gets its record (Unchanged): every campaign given has one.
        var approved = new List<GenesysCampaign>();
        foreach (var campaign in campaigns)
        {
            if (ShouldProcess($"campaign '{campaign.Name}' ({campaign.Id}), now {campaign.Status}", $"{Action} (set to {StateRules.For(Action).TargetStatus})"))
            {
                approved.Add(campaign);
            }
            else if (!whatIf)
            {
                executor.RecordDeclined(campaign, request, (r, e) => WriteRecord(r, e, whatIf: false));
            }
        }

        if (approved.Count == 0)
        {
            return;
        }

        total = approved.Count;
        done = 0;
        Pump.Run(token => executor.RunAsync(approved, request, Emit, token), CancellationToken);
        WriteProgress(new ProgressRecord(1, $"{Action} campaigns", "Done") { RecordType = ProgressRecordType.Completed });
    }

    private bool IsWhatIf() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
            ? value is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    private void WriteRecord(GenesysCampaignStateChange record, Exception? auditError, bool whatIf)
    {
        if (whatIf)
        {
            // Under -WhatIf only what is wrong with the input is said; no record is made.
            if (record.Outcome is StateChangeOutcome.Rejected or StateChangeOutcome.Failed)
            {
                WriteError(new ErrorRecord(new InvalidOperationException(record.Message), ErrorMapping.ErrorId(record), ErrorMapping.Category(record.Failure), record.CampaignId));
            }

            return;
        }

        foreach (var warning in record.Warnings)
        {
            WriteWarning(warning);
        }

        WriteObject(record);
        if (auditError is not null)
        {
            WriteError(new ErrorRecord(
                new System.IO.IOException($"The audit line for campaign '{record.CampaignName ?? record.CampaignId}' could not be written: {auditError.Message}", auditError),
                "AuditLogWriteFailed",
                ErrorCategory.WriteError,
                record));
        }

        if (record.Outcome is StateChangeOutcome.Rejected or StateChangeOutcome.Failed or StateChangeOutcome.TimedOut)
        {
            var message = record.Message + (record.CorrelationId is null ? string.Empty : $" (correlation id {record.CorrelationId})");
            WriteError(new ErrorRecord(new InvalidOperationException(message), ErrorMapping.ErrorId(record), ErrorMapping.Category(record.Failure), record));
        }
    }
}

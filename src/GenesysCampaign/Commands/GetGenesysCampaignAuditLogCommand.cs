using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads an audit log back as typed GenesysCampaignStateChange records.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "GenesysCampaignAuditLog")]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class GetGenesysCampaignAuditLogCommand : GenesysCmdlet
{
    /// <summary>The audit log (JSON Lines) to read. Default: $env:GENESYS_CAMPAIGN_AUDIT_LOG.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "AuditLogPath")]
    public string? Path { get; set; }

    /// <summary>Only records of these campaigns.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? CampaignId { get; set; }

    /// <summary>Only records of these operations (the OperationId every record of one cmdlet invocation shares).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? OperationId { get; set; }

    /// <summary>Only records of these objects (campaigns, sequences, campaign rules), by id.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ObjectId { get; set; }

    /// <summary>Only records of these kinds of object.</summary>
    [Parameter]
    public OutboundObjectKind[]? ObjectKind { get; set; }

    /// <summary>Only records made at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only records with these outcomes.</summary>
    [Parameter]
    public StateChangeOutcome[]? Outcome { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var path = Path ?? System.Environment.GetEnvironmentVariable("GENESYS_CAMPAIGN_AUDIT_LOG");
        if (string.IsNullOrWhiteSpace(path))
        {
            WriteError(new ErrorRecord(new ArgumentException("No audit log given: use -Path or set $env:GENESYS_CAMPAIGN_AUDIT_LOG."), "AuditLogPathMissing", ErrorCategory.InvalidArgument, null));
            return;
        }

        var ids = CampaignId is null ? null : new HashSet<string>(CampaignId, StringComparer.OrdinalIgnoreCase);
        var operations = OperationId is null ? null : new HashSet<string>(OperationId.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
        var objects = ObjectId is null ? null : new HashSet<string>(ObjectId.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);
        var kinds = ObjectKind is null ? null : new HashSet<OutboundObjectKind>(ObjectKind);
        var outcomes = Outcome is null ? null : new HashSet<StateChangeOutcome>(Outcome);
        var since = Since?.ToUniversalTime();
        foreach (var record in AuditLogInput.Read(this, path))
        {
            if ((ids is null || (record.CampaignId is not null && ids.Contains(record.CampaignId)))
                && (objects is null || objects.Contains(record.ObjectId))
                && (operations is null || operations.Contains(record.OperationId))
                && (kinds is null || kinds.Contains(record.ObjectKind))
                && (outcomes is null || outcomes.Contains(record.Outcome))
                && (since is null || record.Timestamp >= since))
            {
                WriteObject(record);
            }
        }
    }
}

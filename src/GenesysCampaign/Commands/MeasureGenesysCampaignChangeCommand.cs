using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Adds up change records or audit lines: counts by outcome, success rate, settle times and time to silence.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "GenesysCampaignChange", DefaultParameterSetName = RecordSet)]
[OutputType(typeof(GenesysCampaignChangeMeasure))]
public sealed class MeasureGenesysCampaignChangeCommand : GenesysCmdlet
{
    private const string RecordSet = "Record";
    private const string PathSet = "Path";

    private readonly List<GenesysCampaignStateChange> _records = new();

    /// <summary>Change records, from a changing cmdlet or Get-GenesysCampaignAuditLog.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RecordSet, ValueFromPipeline = true)]
    [AllowNull]
    public GenesysCampaignStateChange?[]? InputObject { get; set; }

    /// <summary>Audit logs (JSON lines) to read.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>One measure per value of this record property, rather than one for all.</summary>
    [Parameter]
    [ValidateSet("Action", "ObjectKind", "MediaType", "OperationId")]
    public string? GroupBy { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == RecordSet)
        {
            _records.AddRange(InputObject?.Where(r => r is not null).Select(r => r!) ?? Enumerable.Empty<GenesysCampaignStateChange>());
            return;
        }

        foreach (var path in Path!)
        {
            _records.AddRange(AuditLogInput.Read(this, path));
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var measures = GenesysCampaignChangeMeasure.Of(_records, GroupBy);
        var without = measures.Sum(m => m.WithoutTimes);
        if (without > 0)
        {
            WriteWarning($"{without} of the {_records.Count} record(s) were written to Genesys but carry no WrittenAt (audit lines written by 0.2.0 and earlier): they count in the outcome figures and are left out of the settle times and the time to silence.");
        }

        foreach (var measure in measures)
        {
            WriteObject(measure);
        }
    }
}

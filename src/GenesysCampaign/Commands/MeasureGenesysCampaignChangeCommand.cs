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

    /// <summary>
    /// Change records, from a changing cmdlet or Get-GenesysCampaignAuditLog, or copies of them (a job's or a
    /// child runbook's output, Import-Clixml, audit lines read with ConvertFrom-Json or Import-Csv).
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = RecordSet, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject?[]? InputObject { get; set; }

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
            foreach (var item in InputObject ?? new PSObject?[] { null })
            {
                if (item is null)
                {
                    continue; // Nothing to count: $null in a pipeline (an empty result) is not a record gone wrong.
                }

                if (RecordCopies.From(item, out var why) is { } record)
                {
                    _records.Add(record);
                    continue;
                }

                // Said, and the rest still counted: a measure that silently left records out would be wrong.
                WriteError(RecordCopies.NotARecord(item, why, "Suspend-, Resume- or Stop-GenesysCampaign or Get-GenesysCampaignAuditLog, or -Path an audit log"));
            }

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
            WriteWarning($"{without} of the {_records.Count} record(s) were written to Genesys but carry no WrittenAt (audit lines written by 0.2.0 and earlier, or copies whose times could not be read): they count in the outcome figures and are left out of the settle times and the time to silence.");
        }

        foreach (var measure in measures)
        {
            WriteObject(measure);
        }
    }
}

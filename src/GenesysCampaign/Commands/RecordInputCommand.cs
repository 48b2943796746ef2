using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// Resume and Stop: campaign changes that also take change records (piped from Suspend, or from
/// Get-GenesysCampaignAuditLog) and act only on those they reverse (Core's ChangeReversal); every
/// other record given gets an Unchanged record pointing at Undo-GenesysCampaignChange.
/// </summary>
public abstract class RecordInputCommand : StateChangeCommand
{
    private const string ChangeRecordSet = "ChangeRecord";

    /// <summary>
    /// Change records. A record piped in binds here (its exact type), not by its CampaignId to -Id, so
    /// "resume what that Suspend paused" starts only what it paused.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ChangeRecordSet, ValueFromPipeline = true)]
    [AllowNull]
    public GenesysCampaignStateChange?[]? ChangeRecord { get; set; }

    /// <summary>With -Id from the pipeline: the OperationId of a record that arrived as a copy (see <see cref="RecordShaped"/>).</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? OperationId { get; set; }

    /// <summary>With -Id from the pipeline: the Outcome of a record that arrived as a copy.</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Outcome { get; set; }

    /// <summary>With -Id from the pipeline: the Action of a record that arrived as a copy (bound as Action).</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    [Alias("Action")]
    public string? RecordAction { get; set; }

    /// <summary>With -Id from the pipeline: the ObjectKind of a record that arrived as a copy.</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? ObjectKind { get; set; }

    /// <summary>With -Id from the pipeline: the ObjectId of a record that arrived as a copy.</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? ObjectId { get; set; }

    /// <summary>With -Id from the pipeline: the WrittenWith of a record that arrived as a copy.</summary>
    [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? WrittenWith { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RecordShaped(out var why) is { } copy)
        {
            GivenRecords.Add(copy);
            PlaceGiven(copy.ObjectId);
            return;
        }

        if (why is not null)
        {
            // It means to be a record and cannot be read as one: never its campaign's bare id, which this
            // change would act on whatever the record said (a Suspend's Unchanged one, started by a Resume).
            var id = Id?.FirstOrDefault()?.Trim() ?? ObjectId?.Trim() ?? string.Empty;
            PlaceGiven(id);
            HeldInputErrors.Add(RecordCopies.Unreadable(id, why));
            return;
        }

        if (ParameterSetName != ChangeRecordSet)
        {
            base.ProcessRecord();
            return;
        }

        foreach (var record in ChangeRecord ?? new GenesysCampaignStateChange?[] { null })
        {
            if (record is null)
            {
                // As a $null campaign piped in: an empty id, whose InvalidCampaignId error comes after the batch.
                GiveId(string.Empty);
                PlaceGiven(string.Empty);
                continue;
            }

            GivenRecords.Add(record);
            PlaceGiven(record.ObjectId);
        }
    }

    /// <summary>
    /// A record that arrived as a copy rather than as itself, bound by property name: deserialized (from a
    /// job, Import-Clixml, remoting, a child runbook) or an audit line read with ConvertFrom-Json or
    /// Import-Csv. It has a record's OperationId, Action and Outcome, so it is a record, and ChangeReversal
    /// decides on it as on one; else (a plain id, an object with only an Id) null, and <paramref name="why"/>
    /// says what is wrong when it names a record's OperationId, Action or Outcome.
    /// </summary>
    private GenesysCampaignStateChange? RecordShaped(out string? why)
    {
        why = null;
        return ParameterSetName != IdSet ? null : CopiedRecord.From(
            name => name switch
            {
                nameof(GenesysCampaignStateChange.OperationId) => OperationId,
                nameof(GenesysCampaignStateChange.Outcome) => Outcome,
                nameof(GenesysCampaignStateChange.Action) => RecordAction,
                nameof(GenesysCampaignStateChange.ObjectKind) => ObjectKind,
                nameof(GenesysCampaignStateChange.ObjectId) => string.IsNullOrWhiteSpace(ObjectId) ? Id?.FirstOrDefault() : ObjectId,
                nameof(GenesysCampaignStateChange.WrittenWith) => WrittenWith,
                _ => null,
            },
            out why);
    }
}

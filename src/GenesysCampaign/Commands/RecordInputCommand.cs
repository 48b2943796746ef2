using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

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

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
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
}

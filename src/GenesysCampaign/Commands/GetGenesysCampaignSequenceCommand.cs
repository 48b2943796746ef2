using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets outbound campaign sequences by name (wildcards), id or status, or the sequences that contain the campaigns piped in.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "GenesysCampaignSequence", DefaultParameterSetName = NameSet)]
[OutputType(typeof(GenesysCampaignSequence))]
public sealed class GetGenesysCampaignSequenceCommand : GenesysApiCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";
    private const string CampaignSet = "Campaign";
    private DependencyQuery<GenesysCampaignSequence>? _query;
    private HashSet<string>? _statuses;

    /// <summary>Sequence names; wildcards allowed, any case. All sequences when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SequenceNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Sequence ids; each read by itself.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [Alias("SequenceId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Campaigns (from Get-GenesysCampaign): the sequences that contain them.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CampaignSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public GenesysCampaign[]? Campaign { get; set; }

    /// <summary>Only sequences in these statuses (on, off, complete).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SequenceStatusCompleter))]
    public string[]? Status { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Status is not null)
        {
            _statuses = new HashSet<string>(Status, StringComparer.OrdinalIgnoreCase);
            foreach (var unknown in Status.Where(s => !SequenceStatus.All.Contains(s, StringComparer.OrdinalIgnoreCase)))
            {
                // Data, not an error: but a typo would otherwise pass silently.
                WriteWarning($"-Status '{unknown}' is not a sequence status Genesys documents ({string.Join(", ", SequenceStatus.All)}); only sequences that have it are listed.");
            }
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord() => Query.Process(ParameterSetName, Id, Name, Campaign);

    /// <inheritdoc />
    protected override void EndProcessing() => Query.End(ParameterSetName);

    private DependencyQuery<GenesysCampaignSequence> Query => _query ??= new(
        this,
        OutboundObjectKind.Sequence,
        "GetGenesysCampaignSequenceFailed",
        api => DependencyLists.Sequences(this, api, CancellationToken),
        (api, id, token) => api.GetSequenceAsync(id, null, token),
        (campaign, all) => all.Where(s => s.Contains(campaign.Id)),
        item => _statuses is null || _statuses.Contains(item.Status),
        item => item.Id,
        item => item.Name);
}

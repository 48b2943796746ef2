using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Api;
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
    private const string FailedId = "GetGenesysCampaignSequenceFailed";
    private readonly List<string> _ids = new();
    private readonly List<string> _names = new();
    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);
    private GenesysApiClient? _api;
    private IReadOnlyList<GenesysCampaignSequence>? _sequences;
    private HashSet<string>? _statuses;

    /// <summary>Sequence names; wildcards allowed, any case. All sequences when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
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
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case IdSet:
                foreach (var id in Id!)
                {
                    if (CampaignFinder.IsValidId(id))
                    {
                        _ids.Add(id.Trim());
                    }
                    else
                    {
                        WriteError(DependencyErrors.InvalidId(DependencyErrors.Noun.Sequence, id));
                    }
                }

                break;
            case CampaignSet:
                var sequences = Sequences();
                foreach (var campaign in Campaign!)
                {
                    foreach (var sequence in sequences.Where(s => s.Contains(campaign.Id)))
                    {
                        Write(sequence);
                    }
                }

                break;
            default:
                _names.AddRange(Name ?? Array.Empty<string>());
                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (ParameterSetName == IdSet)
        {
            // The client is made here, on the pipeline thread, where the runspace (and its connection) is known.
            var api = _ids.Count > 0 ? Api() : null;
            foreach (var id in _ids.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var sequence = Guarded(() => Pump.Run(token => api!.GetSequenceAsync(id, null, token), CancellationToken), id);
                if (sequence is not null)
                {
                    Write(sequence);
                }
            }
        }
        else if (ParameterSetName == NameSet)
        {
            var patterns = _names.Select(n => new NamePattern(n)).ToList();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sequence in NameMatching.Select(Sequences(), patterns, s => s.Name, matched))
            {
                Write(sequence);
            }

            foreach (var pattern in patterns.Where(p => !p.HasWildcards && !matched.Contains(p.Pattern)))
            {
                WriteError(DependencyErrors.NameNotFound(DependencyErrors.Noun.Sequence, pattern.Pattern));
            }
        }
    }

    private GenesysApiClient Api() => _api ??= RequireConnection().CreateClient(Pump);

    /// <summary>Every sequence, read once per invocation.</summary>
    private IReadOnlyList<GenesysCampaignSequence> Sequences() =>
        _sequences ??= Guarded(() => DependencyLists.Sequences(this, Api(), CancellationToken), null)!;

    /// <summary>Runs a read; a 404 of an id is CampaignSequenceNotFound (null), any other failure ends the cmdlet.</summary>
    private T? Guarded<T>(Func<T> read, string? id)
        where T : class
    {
        try
        {
            return read();
        }
        catch (GenesysApiException ex) when (id is not null && ex.StatusCode == 404)
        {
            WriteError(DependencyErrors.IdNotFound(DependencyErrors.Noun.Sequence, id));
            return null;
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, FailedId, id));
            return null;
        }
    }

    /// <summary>Writes a sequence once, when its status is wanted.</summary>
    private void Write(GenesysCampaignSequence sequence)
    {
        if ((_statuses is null || _statuses.Contains(sequence.Status)) && _written.Add(sequence.Id))
        {
            WriteObject(sequence);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// What Get-GenesysCampaignSequence and Get-GenesysCampaignRule share, used by both (a helper, not a
/// base class: a cmdlet's base type is loaded when PowerShell scans the module, before the module's
/// initializer can point the runtime at GenesysCampaign.Core, so it must not name Core types): objects by id (each read by
/// itself; a malformed id is refused without a request), by name (the whole list read once and
/// matched here, literal names first), or for the campaigns piped in (the list read once, the related
/// ones kept); each object written once, when the cmdlet's own filter wants it. The cmdlets declare
/// the parameters (their help and aliases differ) and say how to read and relate their objects.
/// </summary>
/// <typeparam name="T">The object the cmdlet gets.</typeparam>
internal sealed class DependencyQuery<T>
    where T : class
{
    /// <summary>The parameter set of -Name (the default); the cmdlets name their sets alike.</summary>
    public const string NameSet = "Name";

    /// <summary>The parameter set of -Id.</summary>
    public const string IdSet = "Id";

    /// <summary>The parameter set of -Campaign (pipeline).</summary>
    public const string CampaignSet = "Campaign";

    private readonly GenesysApiCmdlet _cmdlet;
    private readonly OutboundObjectKind _kind;
    private readonly string _failedId;
    private readonly Func<GenesysApiClient, IReadOnlyList<T>> _readAll;
    private readonly Func<GenesysApiClient, string, CancellationToken, Task<T>> _readOne;
    private readonly Func<GenesysCampaign, IReadOnlyList<T>, IEnumerable<T>> _relatedTo;
    private readonly Func<T, bool> _wanted;
    private readonly Func<T, string> _idOf;
    private readonly Func<T, string> _nameOf;
    private readonly List<string> _ids = new();
    private readonly List<string> _names = new();
    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);
    private GenesysApiClient? _api;
    private IReadOnlyList<T>? _all;

    /// <summary>
    /// A query for <paramref name="cmdlet"/>: its objects of <paramref name="kind"/> (named for it in errors), every
    /// one read by <paramref name="readAll"/> (through the pump), one by <paramref name="readOne"/>,
    /// those of a piped campaign picked by <paramref name="relatedTo"/>, kept when <paramref name="wanted"/>.
    /// </summary>
    public DependencyQuery(
        GenesysApiCmdlet cmdlet,
        OutboundObjectKind kind,
        string failedId,
        Func<GenesysApiClient, IReadOnlyList<T>> readAll,
        Func<GenesysApiClient, string, CancellationToken, Task<T>> readOne,
        Func<GenesysCampaign, IReadOnlyList<T>, IEnumerable<T>> relatedTo,
        Func<T, bool> wanted,
        Func<T, string> idOf,
        Func<T, string> nameOf)
    {
        _cmdlet = cmdlet;
        _kind = kind;
        _failedId = failedId;
        _readAll = readAll;
        _readOne = readOne;
        _relatedTo = relatedTo;
        _wanted = wanted;
        _idOf = idOf;
        _nameOf = nameOf;
    }

    /// <summary>The cmdlet's ProcessRecord: what this pipeline object gave.</summary>
    public void Process(string parameterSet, string[]? ids, string[]? names, GenesysCampaign[]? campaigns)
    {
        switch (parameterSet)
        {
            case IdSet:
                foreach (var id in ids!)
                {
                    if (CampaignFinder.IsValidId(id))
                    {
                        _ids.Add(id.Trim());
                    }
                    else
                    {
                        _cmdlet.WriteError(DependencyErrors.InvalidId(_kind, id));
                    }
                }

                break;
            case CampaignSet:
                var all = All();
                foreach (var campaign in campaigns!)
                {
                    foreach (var item in _relatedTo(campaign, all))
                    {
                        Write(item);
                    }
                }

                break;
            default:
                _names.AddRange(names ?? Array.Empty<string>());
                break;
        }
    }

    /// <summary>The cmdlet's EndProcessing: the ids read, the names matched.</summary>
    public void End(string parameterSet)
    {
        if (parameterSet == IdSet)
        {
            // The client is made here, on the pipeline thread, where the runspace (and its connection) is known.
            var api = _ids.Count > 0 ? Api() : null;
            foreach (var id in _ids.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (Guarded(() => _cmdlet.Pump.Run(token => _readOne(api!, id, token), _cmdlet.CancellationToken), id) is { } item)
                {
                    Write(item);
                }
            }
        }
        else if (parameterSet == NameSet)
        {
            var patterns = _names.Select(n => new NamePattern(n)).ToList();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in NameMatching.Select(All(), patterns, _nameOf, matched))
            {
                Write(item);
            }

            foreach (var pattern in patterns.Where(p => !p.HasWildcards && !matched.Contains(p.Pattern)))
            {
                _cmdlet.WriteError(DependencyErrors.NameNotFound(_kind, pattern.Pattern));
            }
        }
    }

    /// <summary>The client of this invocation, made on first use.</summary>
    public GenesysApiClient Api() => _api ??= _cmdlet.RequireConnection().CreateClient(_cmdlet.Pump);

    /// <summary>Every object of the kind, read once per invocation.</summary>
    private IReadOnlyList<T> All() => _all ??= Guarded(() => _readAll(Api()), null)!;

    /// <summary>Runs a read; a 404 of an id is the kind's NotFound error (null), any other failure ends the cmdlet.</summary>
    public TResult? Guarded<TResult>(Func<TResult> read, string? id)
        where TResult : class
    {
        try
        {
            return read();
        }
        catch (GenesysApiException ex) when (id is not null && ex.StatusCode == 404)
        {
            _cmdlet.WriteError(DependencyErrors.IdNotFound(_kind, id));
            return null;
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            _cmdlet.ThrowTerminatingError(GenesysCmdlet.ToErrorRecord(ex, _failedId, id));
            return null;
        }
    }

    /// <summary>Writes an object once, when it is wanted.</summary>
    private void Write(T item)
    {
        if (_wanted(item) && _written.Add(_idOf(item)))
        {
            _cmdlet.WriteObject(item);
        }
    }
}

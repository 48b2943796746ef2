using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// What Suspend-/Resume-GenesysCampaignSequence and Disable-/Enable-GenesysCampaignRule share: the
/// objects given by -Id, -Name (wildcards) or -InputObject, collected from the whole pipeline; the
/// parameters of every change (<see cref="ChangeCmdlet"/>); then planning, confirmation,
/// the full-body PUTs in Core and one record each (<see cref="ChangeRun"/>).
/// </summary>
public abstract class ToggleChangeCommand : ChangeCmdlet
{
    private const string IdSet = "Id";
    private const string NameSet = "Name";

    /// <summary>The default set (-InputObject, declared by the kind's cmdlets): an object piped in binds there, not by its Id property to -Id, and is not read again.</summary>
    internal const string InputObjectSet = "InputObject";

    private readonly List<string> _ids = new();
    private readonly List<string> _names = new();
    private readonly List<IOutboundObject> _objects = new();

    private readonly InputOrder _order = new();
    private ChangeRun? _run;

    /// <summary>
    /// Ids. Empty ones are let through to become Invalid…Id records, as for campaigns. The alias
    /// ObjectId binds records (from the change cmdlets, or Get-GenesysCampaignAuditLog) piped in.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectId")]
    [AllowEmptyString]
    [AllowNull]
    [AllowEmptyCollection]
    public string[]? Id { get; set; }

    /// <summary>Names; wildcards allowed, any case.</summary>
    [Parameter(Mandatory = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ToggleNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Which change this cmdlet makes.</summary>
    protected abstract CampaignAction Action { get; }

    /// <summary>What it changes.</summary>
    internal abstract ToggleKind Kind { get; }

    /// <summary>-Force, for the kinds that take it (sequences).</summary>
    protected virtual bool ForceGiven => false;

    /// <summary>
    /// The -InputObject of this pipeline object: declared by the kind's cmdlets with the kind's own
    /// type, for PowerShell binds a pipeline object to an interface-typed parameter only by property
    /// name (to -Id, which would read it again).
    /// </summary>
    internal abstract IEnumerable<IOutboundObject?> GivenObjects { get; }

    /// <summary>Every object of the kind (for -Name), read once.</summary>
    internal abstract IReadOnlyList<IOutboundObject> ListAll(GenesysApiClient api);

    /// <summary>For a campaign id given where an object of this kind was wanted: how to get the objects of that campaign.</summary>
    internal abstract string OfCampaign(string campaignId);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case IdSet:
                foreach (var id in Id is null || Id.Length == 0 ? new string?[] { null } : Id)
                {
                    var given = id ?? string.Empty;
                    _ids.Add(given);
                    _order.Place(given.Trim());
                }

                break;
            case NameSet:
                _names.AddRange(Name!);
                _order.PlaceNames();
                break;
            default:
                // A $null piped in counts as an empty id: its error comes after the batch, and the rest goes on
                // (see CampaignInputCmdlet.ProcessRecord).
                foreach (var item in GivenObjects)
                {
                    if (item is null)
                    {
                        _ids.Add(string.Empty);
                        _order.Place(string.Empty);
                        continue;
                    }

                    _objects.Add(item);
                    _order.Place(item.Id);
                }

                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var api = RequireConnection().CreateClient(Pump);
        var request = NewRequest(Action, ForceGiven);

        var run = _run = new ChangeRun(this, Kind.Noun, PositionOf);
        run.Execute(
            api,
            request,
            AuditLogPath,
            OutboundKinds.Of(Kind.ObjectKind).IdPart + "LookupFailed",
            (executor, emit) =>
            {
                var items = Resolve(api, executor, request, emit);
                return Pump.Run(token => executor.PlanAsync(items, Kind, request, token), CancellationToken);
            },
            (executor, approved, emit, token) => executor.RunAsync(approved, Kind, request, emit, token),
            Kind);
    }

    /// <summary>Everything given, as objects, each once, in the order given; Core records the ids that cannot be, match none or cannot be read.</summary>
    private List<IOutboundObject> Resolve(GenesysApiClient api, StateChangeExecutor executor, StateChangeRequest request, Action<GenesysCampaignStateChange, Exception?> emit)
    {
        var found = new List<IOutboundObject>(_objects);
        found.AddRange(Pump.Run(
            token => executor.ReadGivenAsync(Kind, _ids, request, id => DependencyErrors.InvalidId(Kind.ObjectKind, id).Exception.Message, id => NotFoundHint(api, id), emit, token),
            CancellationToken));

        if (_names.Count > 0)
        {
            var patterns = _names.Select(n => new NamePattern(n)).ToList();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            found.AddRange(NameMatching.Select(ListAll(api), patterns, item => item.Name, matched));
            foreach (var pattern in patterns.Where(p => !matched.Contains(p.Pattern)))
            {
                if (!pattern.HasWildcards)
                {
                    _run!.DeferInput(DependencyErrors.NameNotFound(Kind.ObjectKind, pattern.Pattern));
                }
                else
                {
                    // No error (as in Get- cmdlets), but a change that silently does nothing must say so.
                    _run!.Warn($"No {Kind.Noun} matched -Name '{pattern.Pattern}'; nothing was done for it.");
                }
            }
        }

        return found
            .GroupBy(item => item.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderBy(item => PositionOf(item.Id))
            .ToList();
    }

    private int PositionOf(string id) => _order.PositionOf(id);

    /// <summary>An id that matched nothing: a campaign's, when this connection has read it as one (a campaign piped in binds its Id here); else the kind's hint.</summary>
    private string? NotFoundHint(GenesysApiClient api, string id) =>
        api.Campaigns.KindOf(id) is { } campaignKind
            ? $"It is the id of a {campaignKind.Noun}: {OfCampaign(id)}."
            : DependencyErrors.NotFoundHint(Kind.ObjectKind, id);
}

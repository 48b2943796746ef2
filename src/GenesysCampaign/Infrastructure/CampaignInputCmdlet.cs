using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// The one way campaigns are given to a cmdlet that acts on them: -Id (by value or property name),
/// -Name (wildcards) or -InputObject, collected from the whole pipeline and resolved in as few
/// requests as the input allows (ids 100 a request; objects from Get-GenesysCampaign not read again).
/// </summary>
public abstract class CampaignInputCmdlet : GenesysApiCmdlet
{
    /// <summary>The -Id set: Resume and Stop bind the fields of a record that arrives as a copy in it too.</summary>
    internal const string IdSet = "Id";
    private const string NameSet = "Name";

    /// <summary>
    /// The default set: a campaign object piped in binds here, not by its Id property to -Id (the
    /// binder tries the default set first), so objects from Get-GenesysCampaign are not read again.
    /// </summary>
    internal const string InputObjectSet = "InputObject";

    private readonly List<string> _ids = new();
    private readonly List<string> _names = new();
    private readonly List<GenesysCampaign> _objects = new();

    private readonly InputOrder _order = new();

    /// <summary>Campaign ids.</summary>
    /// <remarks>
    /// Empty ids are let through to become InvalidCampaignId records: PowerShell's own check would
    /// make an empty cell of a piped CSV a terminating error under -ErrorAction Stop, and nothing would
    /// be paused.
    /// </remarks>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CampaignId")]
    [AllowEmptyString]
    [AllowNull]
    [AllowEmptyCollection]
    public string[]? Id { get; set; }

    /// <summary>Campaign names; wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CampaignNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Campaigns from Get-GenesysCampaign (not read again). A $null among them is an empty id (see ProcessRecord).</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public GenesysCampaign?[]? InputObject { get; set; }

    /// <summary>Writes an error about the input (a name that matches nothing); state changes hold it until their batch is through.</summary>
    protected virtual void WriteInputError(ErrorRecord record) => WriteError(record);

    /// <summary>Writes a warning about the input (a pattern that matches nothing); state changes may hold it (see there).</summary>
    protected virtual void WriteInputWarning(string warning) => WriteWarning(warning);

    /// <summary>Ids given that are not Genesys ids: no request is ever made for them.</summary>
    private IEnumerable<string> InvalidIds => _ids.Where(id => !CampaignFinder.IsValidId(id)).Distinct(StringComparer.Ordinal);

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
                // A $null piped in (a lookup in a script that found nothing) is no campaign: it counts as an
                // empty id, whose InvalidCampaignId error comes after the batch, and the rest goes on. Refused
                // at binding instead, it would stop the whole pipeline under -ErrorAction Stop before any write.
                foreach (var campaign in InputObject ?? new GenesysCampaign?[] { null })
                {
                    if (campaign is null)
                    {
                        _ids.Add(string.Empty);
                        _order.Place(string.Empty);
                        continue;
                    }

                    _objects.Add(campaign);
                    _order.Place(campaign.Id);
                }

                break;
        }
    }

    /// <summary>Whether anything given can be a campaign (an object, a name, a well-formed id): only then is anything read ahead.</summary>
    private protected bool MayFindCampaigns => _objects.Count > 0 || _names.Count > 0 || _ids.Any(CampaignFinder.IsValidId);

    /// <summary>A campaign id given otherwise than by -Id (a change record acted on), read with the ids given.</summary>
    private protected void GiveId(string id) => _ids.Add(id);

    /// <summary>Where something given otherwise than by a parameter of this base (a change record) came: by its id.</summary>
    private protected void PlaceGiven(string id) => _order.Place(id.Trim());

    /// <summary>
    /// Resolves everything given into campaigns, each once. The ids given (as given: bad ones too) go to
    /// <paramref name="byIds"/>, which reads them and says what is wrong with the others (Core records them
    /// for the change cmdlets); a plain name that matches nothing is a CampaignNotFound error. Runs off the
    /// pipeline thread (inside the pump).
    /// </summary>
    private protected async Task<List<GenesysCampaign>> ResolveCampaignsAsync(GenesysApiClient api, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<GenesysCampaign>>> byIds, CancellationToken token)
    {
        var campaigns = new List<GenesysCampaign>(_objects);
        if (_ids.Count > 0)
        {
            campaigns.AddRange(await byIds(_ids, token).ConfigureAwait(false));
        }

        if (_names.Count > 0)
        {
            var patterns = _names.Select(n => new NamePattern(n)).ToList();
            var matched = new HashSet<string>(StringComparer.Ordinal);
            await CampaignFinder.ForEachByNameAsync(
                api,
                patterns,
                matched,
                campaign =>
                {
                    campaigns.Add(campaign);
                    return Task.CompletedTask;
                },
                token,
                onRefused: warning => Pump.Post(() => WriteInputWarning(warning))).ConfigureAwait(false);

            foreach (var pattern in patterns.Where(p => !matched.Contains(p.Pattern)))
            {
                if (!pattern.HasWildcards)
                {
                    Pump.Post(() => WriteInputError(CampaignErrors.NameNotFound(pattern.Pattern)));
                }
                else
                {
                    // A wildcard that matches nothing is no error (as in Get- cmdlets), but a change or a
                    // wait that silently does nothing is the worst outcome of an emergency: say so.
                    Pump.Post(() => WriteInputWarning($"No campaign matched -Name '{pattern.Pattern}'; nothing was done for it."));
                }
            }
        }

        // The same campaign given twice is acted on once, as last read (a campaign piped in is as old as
        // its Get-GenesysCampaign; its id read now is newer); in the order given (those found by name
        // where the first -Name came, in the order listed).
        return campaigns
            .GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Last())
            .OrderBy(c => PositionOf(c.Id))
            .ToList();
    }

    /// <summary>
    /// Resolves everything given into campaigns for a cmdlet that reads them and changes nothing (Wait,
    /// Watch): each id that cannot be one is an InvalidCampaignId error, and each that matches nothing a
    /// CampaignNotFound error, written on the pipeline thread; the rest goes on. Runs inside the pump.
    /// </summary>
    private protected Task<List<GenesysCampaign>> ResolveCampaignsWithErrorsAsync(GenesysApiClient api, CancellationToken token)
    {
        foreach (var id in InvalidIds)
        {
            Pump.Post(() => WriteError(CampaignErrors.InvalidId(id, CampaignErrors.NameHint)));
        }

        return ResolveCampaignsAsync(
            api,
            (ids, t) => CampaignFinder.GetByIdsAsync(api, CampaignFinder.ValidIds(ids), (missing, why) => Pump.Post(() => WriteError(CampaignErrors.IdNotFound(missing, why))), t),
            token);
    }

    /// <summary>Where a campaign (by id, trimmed) was given: its own place, else where -Name came, else first.</summary>
    protected int PositionOf(string id) => _order.PositionOf(id);
}

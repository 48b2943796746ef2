using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Gets outbound campaigns of every media type (voice, SMS, email, WhatsApp) by name (wildcards), id, status or media type, every page.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "GenesysCampaign", DefaultParameterSetName = NameSet)]
[OutputType(typeof(GenesysCampaign))]
public sealed class GetGenesysCampaignCommand : GenesysApiCmdlet
{
    private const string NameSet = "Name";
    private const string IdSet = "Id";
    private readonly List<string> _ids = new();
    private readonly List<string> _names = new();

    /// <summary>Campaign names; wildcards allowed. All campaigns when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CampaignNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Campaign ids; read 100 per request.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("CampaignId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Only campaigns in these statuses (on, off, stopping, complete, invalid, forced_off, forced_stopping).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string[]? Status { get; set; }

    /// <summary>
    /// Only campaigns of these media types: Voice (dialer campaigns), Sms, Email, WhatsApp (messaging
    /// campaigns). All when omitted.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public CampaignMediaType[]? MediaType { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == IdSet)
        {
            foreach (var id in Id!)
            {
                if (CampaignFinder.IsValidId(id))
                {
                    _ids.Add(id.Trim());
                }
                else
                {
                    WriteError(CampaignErrors.InvalidId(id, CampaignErrors.NameHint));
                }
            }
        }
        else if (Name is not null)
        {
            _names.AddRange(Name);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var api = connection.CreateClient(Pump);
        var statuses = Status is null ? null : new HashSet<string>(Status, StringComparer.OrdinalIgnoreCase);
        foreach (var unknown in statuses?.Where(s => !CampaignStatus.All.Contains(s, StringComparer.OrdinalIgnoreCase)) ?? Enumerable.Empty<string>())
        {
            // Not an error (a status newer than this module is data), but a typo piped into a pause
            // would otherwise pass silently.
            WriteWarning($"-Status '{unknown}' is not a status Genesys documents ({string.Join(", ", CampaignStatus.All)}); only campaigns that have it are listed.");
        }

        var mediaTypes = MediaType is null ? null : new HashSet<CampaignMediaType>(MediaType);
        var kinds = mediaTypes?.Select(CampaignKind.Of).Distinct().ToList();
        bool Wanted(GenesysCampaign c) => (statuses is null || statuses.Contains(c.Status)) && (mediaTypes is null || mediaTypes.Contains(c.MediaType));

        ReadOrStop(
            () =>
            {
                if (ParameterSetName == IdSet)
                {
                    if (_ids.Count == 0)
                    {
                        return;
                    }

                    var ids = _ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    var why = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                    var found = Pump.Run(token => CampaignFinder.GetByIdsAsync(api, ids, (missing, reason) => why[missing] = reason, token), CancellationToken);
                    var byId = found.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
                    foreach (var id in ids)
                    {
                        if (byId.TryGetValue(id, out var campaign))
                        {
                            if (Wanted(campaign))
                            {
                                WriteObject(campaign);
                            }
                        }
                        else
                        {
                            WriteError(CampaignErrors.IdNotFound(id, why.TryGetValue(id, out var reason) ? reason : null));
                        }
                    }

                    return;
                }

                var patterns = _names.Select(n => new NamePattern(n)).ToList();
                var matched = new HashSet<string>(StringComparer.Ordinal);

                // Stream page by page: each campaign reaches the pipeline as soon as its page is read.
                Pump.Run(
                    async token =>
                    {
                        await CampaignFinder.ForEachByNameAsync(
                            api,
                            patterns,
                            matched,
                            campaign => Wanted(campaign) ? Pump.PostAsync(() => WriteObject(campaign), token) : Task.CompletedTask,
                            token,
                            kinds,
                            warning => Pump.Post(() => WriteWarning(warning))).ConfigureAwait(false);
                    },
                    CancellationToken);

                foreach (var pattern in patterns.Where(p => !p.HasWildcards && !matched.Contains(p.Pattern)))
                {
                    WriteError(CampaignErrors.NameNotFound(pattern.Pattern));
                }
            },
            "GetGenesysCampaignFailed");
    }
}

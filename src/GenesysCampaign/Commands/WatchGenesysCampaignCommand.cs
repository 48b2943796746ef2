using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Streams campaign status changes as they happen, until Ctrl+C or -Timeout.</para>
/// </summary>
[Cmdlet(VerbsCommon.Watch, "GenesysCampaign", DefaultParameterSetName = IdSet)]
[OutputType(typeof(GenesysCampaignStatusEvent))]
public sealed class WatchGenesysCampaignCommand : GenesysApiCmdlet
{
    private const string IdSet = "Id";
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";
    private readonly List<string> _ids = new();
    private readonly List<string> _names = new();
    private readonly List<GenesysCampaign> _objects = new();

    /// <summary>Campaign ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CampaignId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Campaign names; wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CampaignNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Campaigns from Get-GenesysCampaign.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public GenesysCampaign[]? InputObject { get; set; }

    /// <summary>Seconds to watch; 0 (the default) watches until Ctrl+C.</summary>
    [Parameter]
    [Alias("TimeoutSec")]
    [ValidateRange(0, int.MaxValue)]
    public int Timeout { get; set; }

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
                        WriteError(new ErrorRecord(new ArgumentException($"'{id}' is not a campaign id: Genesys campaign ids are GUIDs."), "InvalidCampaignId", ErrorCategory.InvalidArgument, id));
                    }
                }

                break;
            case NameSet:
                _names.AddRange(Name!);
                break;
            default:
                _objects.AddRange(InputObject!);
                break;
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var api = connection.CreateClient(Pump);
        using var timeout = Timeout > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(Timeout)) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, timeout.Token);

        try
        {
            Pump.Run(
                async token =>
                {
                    var campaigns = new List<GenesysCampaign>(_objects);
                    if (_ids.Count > 0)
                    {
                        var found = await api.GetCampaignsByIdAsync(_ids, null, token).ConfigureAwait(false);
                        campaigns.AddRange(found);
                        foreach (var missing in _ids.Except(found.Select(c => c.Id), StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase))
                        {
                            Pump.Post(() => WriteError(NotFound($"No campaign with id '{missing}' was found.", missing)));
                        }
                    }

                    if (_names.Count > 0)
                    {
                        var patterns = _names.Select(n => new NamePattern(n)).ToList();
                        var matched = new HashSet<string>(StringComparer.Ordinal);
                        await foreach (var campaign in CampaignFinder.FindByNameAsync(api, patterns, matched, null, token).ConfigureAwait(false))
                        {
                            campaigns.Add(campaign);
                        }

                        foreach (var pattern in patterns.Where(p => !p.HasWildcards && !matched.Contains(p.Pattern)))
                        {
                            Pump.Post(() => WriteError(NotFound($"No campaign named '{pattern.Pattern}' was found.", pattern.Pattern)));
                        }
                    }

                    if (campaigns.Count == 0)
                    {
                        Pump.Post(() => WriteWarning("No campaign to watch."));
                        return;
                    }

                    Pump.Verbose($"Watching {campaigns.Count} campaign(s).");
                    await new CampaignWatcher(api, Pump).RunAsync(campaigns, change => Pump.Post(() => WriteObject(change)), linked.Token).ConfigureAwait(false);
                },
                linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // -Timeout reached: watching simply ends.
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, "WatchGenesysCampaignFailed", null));
        }
    }

    private static ErrorRecord NotFound(string message, string target) =>
        new(new ItemNotFoundException(message), "CampaignNotFound", ErrorCategory.ObjectNotFound, target);
}

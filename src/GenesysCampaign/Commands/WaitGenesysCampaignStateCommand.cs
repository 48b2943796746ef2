using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Waits until campaigns reach one of the given statuses.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "GenesysCampaignState")]
[OutputType(typeof(GenesysCampaign))]
public sealed class WaitGenesysCampaignStateCommand : GenesysApiCmdlet
{
    private readonly List<string> _ids = new();

    /// <summary>Campaign ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CampaignId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Wait until the campaign is in any of these statuses.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StatusCompleter))]
    public string[]? State { get; set; }

    /// <summary>Seconds to wait; each campaign still not there then is an OperationTimeout error.</summary>
    [Parameter]
    [Alias("TimeoutSec")]
    [ValidateRange(1, 86400)]
    public int Timeout { get; set; } = StateChangeRequest.DefaultTimeoutSeconds;

    /// <summary>Output each campaign as it reached the state.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var id in Id!)
        {
            if (CampaignFinder.IsValidId(id))
            {
                _ids.Add(id.Trim());
            }
            else
            {
                WriteError(CampaignErrors.InvalidId(id));
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var ids = _ids.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var connection = RequireConnection();
        var api = connection.CreateClient(Pump);
        var states = new HashSet<string>(State!, StringComparer.OrdinalIgnoreCase);
        var timeout = TimeSpan.FromSeconds(Timeout);
        using var waiter = new NotificationCampaignWaiter(api, log: Pump);

        try
        {
            Pump.Run(
                async token =>
                {
                    // Subscribe first, then one batched read: no change can fall between the two.
                    // Unknown ids and campaigns already there need no wait. An id the connection had
                    // not read yet is listened to as a voice campaign; one that turns out to be a
                    // messaging campaign is subscribed on its own topics, then read once more.
                    var unknown = ids.Where(id => api.Campaigns.KindOf(id) is null).ToList();
                    await waiter.PrepareAsync(ids, token).ConfigureAwait(false);
                    var current = (await api.GetCampaignsByIdAsync(ids, null, token).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
                    var relisten = unknown.Where(id => current.TryGetValue(id, out var c) && c.Kind != CampaignKind.Voice).ToList();
                    if (relisten.Count > 0)
                    {
                        await waiter.PrepareAsync(relisten, token).ConfigureAwait(false);
                        foreach (var campaign in await api.GetCampaignsByIdAsync(relisten, null, token).ConfigureAwait(false))
                        {
                            current[campaign.Id] = campaign;
                        }
                    }

                    var waits = ids.Select(async id =>
                    {
                        if (!current.TryGetValue(id, out var campaign))
                        {
                            Pump.Post(() => WriteError(CampaignErrors.IdNotFound(id)));
                            return;
                        }

                        var result = states.Contains(campaign.Status)
                            ? new CampaignWaitResult(true, campaign)
                            : await waiter.WaitAsync(campaign, c => states.Contains(c.Status), timeout, null, viewPredatesSubscription: false, token).ConfigureAwait(false);
                        var last = result.Last ?? campaign;
                        Pump.Post(() =>
                        {
                            if (result.Reached)
                            {
                                WriteTrace(debug: false, $"Campaign '{last.Name}' is {last.Status}.");
                                if (PassThru)
                                {
                                    WriteObject(last);
                                }
                            }
                            else
                            {
                                WriteError(new ErrorRecord(
                                    new TimeoutException($"Campaign '{last.Name}' ({id}) was still {last.Status} after {Timeout} s, not {string.Join(" or ", states)}."),
                                    "CampaignWaitTimedOut",
                                    ErrorCategory.OperationTimeout,
                                    last));
                            }
                        });
                    });
                    await Task.WhenAll(waits).ConfigureAwait(false);
                },
                CancellationToken);
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, "WaitGenesysCampaignStateFailed", null));
        }
    }
}

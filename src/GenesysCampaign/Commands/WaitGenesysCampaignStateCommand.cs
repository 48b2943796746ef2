using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Waits until campaigns reach one of the given statuses.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "GenesysCampaignState", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(GenesysCampaign))]
public sealed class WaitGenesysCampaignStateCommand : CampaignInputCmdlet
{
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
    protected override void EndProcessing()
    {
        // Trimmed, and split at commas ('off,complete' given as one string); a status Genesys does not have is
        // a typo that would wait out -Timeout, so it is refused before anything is read.
        var states = new HashSet<string>(State!.SelectMany(s => (s ?? string.Empty).Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0), StringComparer.OrdinalIgnoreCase);
        var unknown = states.Count == 0 ? string.Join(",", State!) : states.FirstOrDefault(s => !CampaignStatus.All.Contains(s, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"'{unknown}' is not a campaign status. Use {string.Join(", ", CampaignStatus.All)}."),
                "InvalidCampaignState",
                ErrorCategory.InvalidArgument,
                unknown));
            return;
        }

        var connection = RequireConnection();
        var api = connection.CreateClient(Pump);
        var timeout = TimeSpan.FromSeconds(Timeout);
        using var waiter = new NotificationCampaignWaiter(api, log: Pump);

        // A state the voice topic cannot tell (forced_off, forced_stopping) never comes as an event: a voice
        // campaign waited on for one is read (polled) instead, not left to the unheard confirm 15 s on.
        using var polling = new PollingCampaignWaiter(api, log: Pump);
        var untold = states.Any(s => !CampaignKind.Voice.TopicTells(s.ToLowerInvariant()));

        ReadOrStop(
            () =>
            {
                Pump.Run(
                    async token =>
                    {
                        // The campaigns as given (ids and names read in as few requests as they allow; objects
                        // piped as they are). Those already there need no wait. The others are subscribed to
                        // after that read, so a change can fall between: each wait reads its campaign once
                        // (batched with the others) before it trusts events.
                        var campaigns = await ResolveCampaignsWithErrorsAsync(api, token).ConfigureAwait(false);
                        var waiting = campaigns.Where(c => !states.Contains(c.Status)).ToList();
                        if (waiting.Count > 0)
                        {
                            var named = string.Join(", ", waiting.Take(10).Select(c => $"'{c.Name}' ({c.Status})")) + (waiting.Count > 10 ? $" and {waiting.Count - 10} more" : string.Empty);
                            Pump.Verbose($"Waiting up to {Timeout} s for {waiting.Count} campaign(s) to be {string.Join(" or ", states)}: {named}. {campaigns.Count - waiting.Count} given are there already.");
                            await waiter.PrepareAsync(waiting.Select(c => c.Id).ToList(), token).ConfigureAwait(false);
                        }

                        var waits = campaigns.Select(async campaign =>
                        {
                            var result = states.Contains(campaign.Status)
                                ? new CampaignWaitResult(true, campaign)
                                : await (untold && campaign.Kind == CampaignKind.Voice ? polling : (ICampaignWaiter)waiter)
                                    .WaitAsync(campaign, c => states.Contains(c.Status), timeout, null, viewPredatesSubscription: true, token).ConfigureAwait(false);
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
                                else if (result.Gone)
                                {
                                    WriteError(new ErrorRecord(
                                        new ItemNotFoundException($"Campaign '{last.Name}' ({last.Id}) is no longer there: a read of its id found no campaign (deleted while waited on)."),
                                        "CampaignNotFound",
                                        ErrorCategory.ObjectNotFound,
                                        last));
                                }
                                else
                                {
                                    WriteError(new ErrorRecord(
                                        new TimeoutException($"Campaign '{last.Name}' ({last.Id}) was still {last.Status} after {Timeout} s, not {string.Join(" or ", states)}."),
                                        "CampaignWaitTimedOut",
                                        ErrorCategory.OperationTimeout,
                                        last));
                                }
                            });
                        });
                        await Task.WhenAll(waits).ConfigureAwait(false);
                    },
                    CancellationToken);
            },
            "WaitGenesysCampaignStateFailed");
    }
}

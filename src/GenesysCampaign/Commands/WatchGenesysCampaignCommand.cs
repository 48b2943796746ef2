using System;
using System.Management.Automation;
using System.Threading;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Streams campaign status changes as they happen, until Ctrl+C or -Timeout.</para>
/// </summary>
[Cmdlet(VerbsCommon.Watch, "GenesysCampaign", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(GenesysCampaignStatusEvent))]
public sealed class WatchGenesysCampaignCommand : CampaignInputCmdlet
{
    /// <summary>Seconds to watch; 0 (the default) watches until Ctrl+C.</summary>
    [Parameter]
    [Alias("TimeoutSec")]
    [ValidateRange(0, int.MaxValue)]
    public int Timeout { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var connection = RequireConnection();
        var api = connection.CreateClient(Pump);
        using var timeout = Timeout > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(Timeout)) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, timeout.Token);

        try
        {
            ReadOrStop(() => Pump.Run(
                async token =>
                {
                    var campaigns = await ResolveCampaignsWithErrorsAsync(api, token).ConfigureAwait(false);
                    if (campaigns.Count == 0)
                    {
                        Pump.Post(() => WriteWarning("No campaign to watch."));
                        return;
                    }

                    // Where each campaign stands at the start (Source Start): a watch that prints nothing until a
                    // change looks like one that is not working.
                    foreach (var campaign in campaigns)
                    {
                        var start = GenesysCampaignStatusEvent.AtStart(campaign);
                        Pump.Post(() => WriteObject(start));
                    }

                    Pump.Verbose($"Watching {campaigns.Count} campaign(s) for status changes{(Timeout > 0 ? $" for {Timeout} s" : " until Ctrl+C")}.");
                    await new CampaignWatcher(api, Pump).RunAsync(campaigns, change => Pump.Post(() => WriteObject(change)), linked.Token).ConfigureAwait(false);
                },
                linked.Token), "WatchGenesysCampaignFailed");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // -Timeout reached: watching simply ends.
        }
    }
}

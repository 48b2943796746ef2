using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.PowerShell.Infrastructure;

namespace GenesysCloud.Outbound.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Puts back what change records say was changed: campaigns, sequences and campaign rules, each to its state before the change, while it is still as the change left it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Undo, "GenesysCampaignChange", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(GenesysCampaignStateChange))]
public sealed class UndoGenesysCampaignChangeCommand : ChangeCmdlet
{
    private readonly List<GenesysCampaignStateChange> _records = new();

    /// <summary>Change records: from the change cmdlets, or Get-GenesysCampaignAuditLog. Only Changed ones are undone.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public GenesysCampaignStateChange[]? InputObject { get; set; }

    /// <summary>Put back objects changed since the change too, and go past a running sequence.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => _records.AddRange(InputObject!);

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var cannot = new List<(GenesysCampaignStateChange Record, string Why)>();
        var steps = UndoPlan.Steps(_records, cannot);
        var api = RequireConnection().CreateClient(Pump);
        var operations = _records.Where(r => r.Outcome == StateChangeOutcome.Changed).Select(r => r.OperationId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var operationId = Guid.NewGuid().ToString();
        var reason = Reason ?? "Undo of operation " + string.Join(", ", operations);

        // One request per action; every record of this undo shares one OperationId.
        var requests = steps.Select(s => s.Action).Distinct().ToDictionary(
            action => action,
            action =>
            {
                var request = NewRequest(action, Force);
                request.Reason = reason;
                request.OperationId = operationId;
                return request;
            });
        var positions = steps.Select((step, at) => (step.Id, at)).GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().at, StringComparer.OrdinalIgnoreCase);
        var run = new ChangeRun(this, "object", id => positions.TryGetValue(id.Trim(), out var at) ? at : -1);
        foreach (var (record, why) in cannot)
        {
            run.Warn(why);
        }

        if (steps.Count == 0)
        {
            WriteVerbose($"Nothing to undo: none of the {_records.Count} records given is a Changed one whose state before can be written.");
            return;
        }

        run.Execute(
            api,
            requests[steps[0].Action],
            AuditLogPath,
            "UndoLookupFailed",
            (executor, _) => Plan(api, executor, steps, requests, run),
            (executor, approved, emit, token) => RunAsync(executor, steps, requests, approved, emit, token));
    }

    /// <summary>Reads each object now and plans its undo: not sent when it was changed since (unless -Force), else as its change cmdlet would.</summary>
    private List<PlannedChange> Plan(GenesysApiClient api, StateChangeExecutor executor, IReadOnlyList<UndoStep> steps, Dictionary<CampaignAction, StateChangeRequest> requests, ChangeRun run)
    {
        var current = Read(api, executor, steps, requests, run);
        var plans = new List<PlannedChange>();
        foreach (var group in Groups(steps))
        {
            var request = requests[group.Action];
            var toggle = ToggleOf(group.Kind);
            var items = new List<IOutboundObject>();
            foreach (var step in group.Steps.Where(s => current.ContainsKey(s.Id)))
            {
                var item = current[step.Id];
                var state = toggle?.StateOf(item) ?? ((GenesysCampaign)item).Status;
                if (!Force && UndoPlan.ChangedSince(step, state, item.Version) is { } why)
                {
                    plans.Add(new PlannedChange(item, state, false, why, new[] { why }) { NotSent = why }.For(request, toggle));
                }
                else
                {
                    items.Add(item);
                }
            }

            if (items.Count == 0)
            {
                continue;
            }

            var planned = toggle is null
                ? Pump.Run(token => executor.PlanAsync(items.Cast<GenesysCampaign>().ToList(), request, token), CancellationToken)
                : Pump.Run(token => executor.PlanAsync(items, toggle, request, token), CancellationToken);
            plans.AddRange(planned.Select(p => p.For(request, toggle)));
        }

        return plans;
    }

    /// <summary>The objects of the steps as they are now, by id; an object gone is a NotFound record.</summary>
    private Dictionary<string, IOutboundObject> Read(GenesysApiClient api, StateChangeExecutor executor, IReadOnlyList<UndoStep> steps, Dictionary<CampaignAction, StateChangeRequest> requests, ChangeRun run)
    {
        var current = new Dictionary<string, IOutboundObject>(StringComparer.OrdinalIgnoreCase);
        var campaignIds = steps.Where(s => s.Kind == OutboundObjectKind.Campaign).Select(s => s.Id).ToList();
        if (campaignIds.Count > 0)
        {
            foreach (var campaign in Pump.Run(token => api.GetCampaignsByIdAsync(campaignIds, null, token), CancellationToken))
            {
                current[campaign.Id] = campaign;
            }
        }

        foreach (var step in steps)
        {
            var toggle = ToggleOf(step.Kind);
            if (toggle is not null && !current.ContainsKey(step.Id))
            {
                try
                {
                    current[step.Id] = Pump.Run(token => api.GetObjectAsync(toggle, step.Id, null, token), CancellationToken);
                }
                catch (GenesysApiException ex) when (ex.StatusCode == 404)
                {
                }
            }

            if (!current.ContainsKey(step.Id))
            {
                executor.RecordNotFound(step.Id, requests[step.Action], run.Write, $"It was changed by operation {step.Newest.OperationId} and cannot be put back.", toggle);
            }
        }

        return current;
    }

    /// <summary>Runs the approved undos group by group, in the order of the steps (campaigns, then sequences, then rules).</summary>
    private static async Task RunAsync(StateChangeExecutor executor, IReadOnlyList<UndoStep> steps, Dictionary<CampaignAction, StateChangeRequest> requests, IReadOnlyList<IOutboundObject> approved, Action<GenesysCampaignStateChange, Exception?> emit, CancellationToken token)
    {
        var chosen = new HashSet<string>(approved.Select(a => a.Id), StringComparer.OrdinalIgnoreCase);
        foreach (var group in Groups(steps))
        {
            token.ThrowIfCancellationRequested();
            var items = approved.Where(a => group.Steps.Any(s => string.Equals(s.Id, a.Id, StringComparison.OrdinalIgnoreCase)) && chosen.Contains(a.Id)).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var request = requests[group.Action];
            if (ToggleOf(group.Kind) is { } toggle)
            {
                await executor.RunAsync(items, toggle, request, emit, token).ConfigureAwait(false);
            }
            else
            {
                await executor.RunAsync(items.Cast<GenesysCampaign>().ToList(), request, emit, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The steps by kind and action, in step order.</summary>
    private static IEnumerable<(OutboundObjectKind Kind, CampaignAction Action, List<UndoStep> Steps)> Groups(IReadOnlyList<UndoStep> steps) =>
        steps.GroupBy(s => (s.Kind, s.Action)).Select(g => (g.Key.Kind, g.Key.Action, g.ToList()));

    private static ToggleKind? ToggleOf(OutboundObjectKind kind) => kind switch
    {
        OutboundObjectKind.Sequence => ToggleKind.Sequence,
        OutboundObjectKind.CampaignRule => ToggleKind.CampaignRule,
        _ => null,
    };
}

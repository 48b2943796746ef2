using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;
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
    private int _nulls;

    /// <summary>
    /// Change records: from the change cmdlets, or Get-GenesysCampaignAuditLog, or copies of them (a job's or a
    /// child runbook's output, Import-Clixml, audit lines read with ConvertFrom-Json). Only Changed ones are undone.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject?[]? InputObject { get; set; }

    /// <summary>Put back objects changed since the change too, and go past a running sequence.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // A $null piped in holds nothing to undo: counted and said once, never the end of the undo (refused at
        // binding, it would stop the whole pipeline under -ErrorAction Stop before anything was put back).
        foreach (var item in InputObject ?? new PSObject?[] { null })
        {
            if (item is null)
            {
                _nulls++;
            }
            else if (RecordCopies.From(item, out var why) is { } record)
            {
                _records.Add(record);
            }
            else
            {
                // Said, and the rest still put back.
                WriteError(RecordCopies.NotARecord(item, why, "a changing cmdlet or Get-GenesysCampaignAuditLog"));
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var cannot = new List<(GenesysCampaignStateChange Record, string Why)>();
        var steps = UndoPlan.Steps(_records, cannot);
        var api = RequireConnection().CreateClient(Pump);
        var operations = _records.Where(r => r.Outcome == StateChangeOutcome.Changed).Select(r => r.OperationId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var operationId = Guid.NewGuid().ToString();
        var reason = Reason ?? "Undo of operation " + string.Join(", ", operations);

        // One request per kind and action; every record of this undo shares one OperationId.
        var requests = steps.Select(s => (s.Kind, s.Action)).Distinct().ToDictionary(
            group => group,
            group =>
            {
                // A campaign goes back to a state it had: a running sequence (whose own undo may be in
                // this one, in the other order) does not stand in the way, as it did not for a hold.
                var request = NewRequest(group.Action, Force || group.Kind == OutboundObjectKind.Campaign);
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

        if (_nulls > 0)
        {
            run.Warn($"{_nulls} $null record(s) were given and skipped: they hold nothing to undo.");
        }

        if (steps.Count == 0)
        {
            // An undo that does nothing must not pass silently (an operation id mistyped, say).
            run.Warn($"Nothing to undo: none of the {_records.Count} record(s) given is a Changed one whose state before can be written.");
            return;
        }

        var undo = new UndoRun(api, steps, requests, Force);
        run.Execute(
            api,
            requests[(steps[0].Kind, steps[0].Action)],
            AuditLogPath,
            "UndoLookupFailed",
            (executor, emit) => Pump.Run(token => undo.PlanAsync(executor, emit, token), CancellationToken),
            undo.RunAsync);
    }
}

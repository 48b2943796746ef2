using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Engine;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// What every cmdlet that changes outbound objects does around Core's executor, whatever the kind
/// (campaigns, sequences, campaign rules): the audit log opened before the first request; the
/// objects planned, then -WhatIf said or -Confirm asked per object; the run; each record written
/// as it comes; and errors (and warnings a Stop or Inquire preference would turn into an end) held
/// until the batch is through, in the order the objects were given. A helper, not a base class: the
/// campaign cmdlets' base is their input (shared with Watch-GenesysCampaign).
/// </summary>
internal sealed class ChangeRun
{
    private readonly GenesysApiCmdlet _cmdlet;
    private readonly string _noun;
    private readonly Func<string, int> _positionOf;

    // Errors held back until the batch is through, with the input position of their object.
    private readonly List<(int Order, ErrorRecord Error)> _deferred = new();
    private readonly List<string> _heldWarnings = new();
    private readonly HashSet<GenesysCampaignStateChange> _written = new(); // Records the pipeline took (by reference).

    /// <summary>A run for <paramref name="cmdlet"/>, whose objects are <paramref name="noun"/>s, given at <paramref name="positionOf"/> (by id).</summary>
    public ChangeRun(GenesysApiCmdlet cmdlet, string noun, Func<string, int> positionOf)
    {
        _cmdlet = cmdlet;
        _noun = noun;
        _positionOf = positionOf;
        WhatIf = cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
            ? value is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
    }

    /// <summary>-WhatIf: nothing is changed or recorded; input errors are still errors.</summary>
    public bool WhatIf { get; }

    /// <summary>
    /// The whole run: opens the audit log (a terminating error, before any request, when it cannot
    /// be written), lets <paramref name="plan"/> resolve the input and plan each object (recording
    /// bad input through the executor with the emitter it is given), asks about each, and lets
    /// <paramref name="run"/> change those approved. A failed lookup is terminating (<c>{lookupFailedId}</c>).
    /// </summary>
    public void Execute(
        GenesysApiClient api,
        StateChangeRequest request,
        string? auditLogPath,
        string lookupFailedId,
        Func<StateChangeExecutor, Action<GenesysCampaignStateChange, Exception?>, IReadOnlyList<PlannedChange>> plan,
        Func<StateChangeExecutor, IReadOnlyList<IOutboundObject>, Action<GenesysCampaignStateChange, Exception?>, CancellationToken, Task> run,
        ToggleKind? kind = null)
    {
        var pump = _cmdlet.Pump;
        var started = System.Diagnostics.Stopwatch.StartNew();

        // A pipeline that fails downstream (a throw, Select-Object -First) does not leave the batch halfway; Ctrl+C does stop it.
        pump.FinishWorkOnFailure = true;
        var sink = OpenAuditLog(auditLogPath);
        using var waiter = new NotificationCampaignWaiter(api, log: pump);
        var executor = new StateChangeExecutor(api, waiter, sink, pump);
        var tally = executor.Tally;
        var progress = new RunProgress(_cmdlet, tally);
        void Emit(GenesysCampaignStateChange record, Exception? auditError) => pump.Post(() => Write(record, auditError));

        IReadOnlyList<PlannedChange> plans;
        try
        {
            plans = plan(executor, Emit);
        }
        catch (Exception ex) when (ex is GenesysApiException or GenesysAuthenticationException)
        {
            ThrowTerminating(GenesysCmdlet.ToErrorRecord(ex, lookupFailedId, null));
            return;
        }

        // Decided first, then asked: -WhatIf says per object what would happen, and -Confirm asks
        // only about objects that would be written. Core records what is not run (declined at the
        // prompt, or decided already not to be sent): every object given has one record. The run
        // decides again on what it reads.
        if (WhatIf)
        {
            SayWhatIf(plans);
            Inform(tally.WhatIfSummary(_cmdlet.MyInvocation.MyCommand.Name, _noun, plans));
            WriteDeferred();
            return;
        }

        var approved = executor.Approve(plans, request, kind, Confirm, Write);
        if (approved.Count > 0)
        {
            // Progress from the first accepted write, not the first settled campaign: a stop is
            // accepted in a second, and the dialer may take minutes to wind down.
            progress.Begin(approved.Count, RunTally.NounOf(approved.Select(o => o.ObjectKind), _noun));
            tally.Changed += () => progress.Post(pump);

            // Redrawn each second too, so its clock runs while nothing is counted (a wait out of a 429).
            using var ticker = new Timer(_ => progress.Post(pump), null, 1000, 1000);
            try
            {
                pump.Run(token => run(executor, approved, Emit, token), _cmdlet.CancellationToken);
            }
            finally
            {
                if (_cmdlet.StoppedByUser)
                {
                    // The pipeline takes nothing more after Ctrl+C; the host still shows the warnings of the
                    // records made since (a hold's rule not reached names the campaigns it can turn back on),
                    // and a line of what was done and left.
                    foreach (var warning in tally.Records().Where(r => !_written.Contains(r)).SelectMany(r => r.Warnings))
                    {
                        _cmdlet.Host.UI.WriteWarningLine(warning);
                    }

                    _cmdlet.Host.UI.WriteWarningLine(tally.Interrupted(sink?.Path, approved, request.OperationId));
                }
            }

            progress.Complete();
        }

        // The summary before the errors held back: -ErrorAction Stop ends the command at the first of them.
        Inform(tally.Summary(_cmdlet.MyInvocation.MyCommand.Name, _noun, started.Elapsed));
        WriteDeferred();
    }

    /// <summary>The end-of-run summary: on the information stream, shown on the host (<see cref="GenesysCmdlet.WriteHostInformation"/>), so the output stays records only.</summary>
    private void Inform(string summary) => _cmdlet.WriteHostInformation(summary);

    /// <summary>-WhatIf: each plan's warnings and its What if: line (ShouldProcess prints it, and asks nothing).</summary>
    private void SayWhatIf(IReadOnlyList<PlannedChange> plans)
    {
        foreach (var planned in plans)
        {
            foreach (var warning in planned.Warnings)
            {
                Warn(warning);
            }

            var said = planned.NotSent ?? (planned.WouldWrite ? null : planned.Description);
            if (said is not null)
            {
                _cmdlet.ShouldProcess($"{said} ({NounOf(planned)} id {planned.Target.Id})", null, null);
            }
            else
            {
                Confirm(planned);
            }
        }
    }

    /// <summary>Writes a record now (on the pipeline thread): its warnings, the record, and (held) its error.</summary>
    public void Write(GenesysCampaignStateChange record, Exception? auditError)
    {
        if (WhatIf)
        {
            // Under -WhatIf only what is wrong with the input (a bad id, an object not found) is an
            // error; no record is made. One decided before the plan (a change record given that this
            // change does not act on) is said as the plans are.
            if (record.Outcome is StateChangeOutcome.Rejected or StateChangeOutcome.Failed)
            {
                Defer(record, new ErrorRecord(new InvalidOperationException(record.Message), ErrorMapping.ErrorId(record), ErrorMapping.Category(record.Failure), record.ObjectId));
            }
            else
            {
                _cmdlet.ShouldProcess(record.Message, null, null);
            }

            return;
        }

        _written.Add(record);
        foreach (var warning in record.Warnings)
        {
            Warn(warning);
        }

        _cmdlet.WriteObject(record);
        if (auditError is not null)
        {
            Defer(record, new ErrorRecord(
                new System.IO.IOException($"The audit line for {_noun} '{record.ObjectName ?? record.ObjectId}' could not be written: {auditError.Message}", auditError),
                "AuditLogWriteFailed",
                ErrorCategory.WriteError,
                record));
        }

        if (record.Outcome is StateChangeOutcome.Rejected or StateChangeOutcome.Failed or StateChangeOutcome.TimedOut)
        {
            var message = record.Message + (record.CorrelationId is null || record.Message?.Contains(record.CorrelationId) == true ? string.Empty : $" (correlation id {record.CorrelationId})");
            Defer(record, new ErrorRecord(new InvalidOperationException(message), ErrorMapping.ErrorId(record), ErrorMapping.Category(record.Failure), record));
        }
    }

    /// <summary>An error about the input (a name that matches nothing), held until the batch is through.</summary>
    public void DeferInput(ErrorRecord error) => _deferred.Add((_positionOf(error.TargetObject as string ?? string.Empty), error));

    /// <summary>
    /// Writes a warning, or, when the warning preference would stop the command or prompt at it
    /// (-WarningAction Stop or Inquire), holds it until the batch is through, as errors are: a
    /// stopped command can write nothing more, so the objects still in flight would be left halfway.
    /// </summary>
    public void Warn(string warning)
    {
        if (_cmdlet.WarningWouldInterrupt())
        {
            _heldWarnings.Add(warning);
        }
        else
        {
            _cmdlet.WriteWarning(warning);
        }
    }

    private JsonLinesAuditSink? OpenAuditLog(string? path)
    {
        var auditPath = path ?? System.Environment.GetEnvironmentVariable("GENESYS_CAMPAIGN_AUDIT_LOG");
        if (WhatIf || string.IsNullOrWhiteSpace(auditPath))
        {
            return null;
        }

        try
        {
            // Before the first request: an emergency pause must not end unaudited.
            var sink = new JsonLinesAuditSink(_cmdlet.GetUnresolvedProviderPathFromPSPath(auditPath));
            sink.EnsureWritable();
            return sink;
        }
        catch (Exception ex) when (ex is System.IO.IOException or ArgumentException or NotSupportedException or SessionStateException or ProviderInvocationException)
        {
            var error = ex is System.IO.IOException ? ex : new System.IO.IOException($"The audit log '{auditPath}' cannot be written: {ex.Message}", ex);
            _cmdlet.ThrowTerminatingError(new ErrorRecord(error, "AuditLogUnavailable", ErrorCategory.WriteError, auditPath) { ErrorDetails = new ErrorDetails(error.Message + " Nothing was sent.") });
            return null;
        }
    }

    /// <summary>
    /// Asks ShouldProcess about an object that would be written. A host that cannot ask (a runbook, a
    /// -NonInteractive pwsh) is a terminating error of its own, before anything is sent.
    /// </summary>
    private bool Confirm(PlannedChange planned)
    {
        var target = planned.Target;
        try
        {
            return _cmdlet.ShouldProcess($"{NounOf(planned)} '{target.Name}' ({target.Id}), now {planned.State}", planned.Description);
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or System.Management.Automation.Host.HostException or NotImplementedException or NotSupportedException)
        {
            var name = _cmdlet.MyInvocation.MyCommand.Name;
            var error = new InvalidOperationException(
                $"{name} asks for confirmation before it changes {_noun} '{target.Name}', but this host cannot ask ({ex.Message}). "
                + $"Add -Confirm:$false to run {name} without asking, or -WhatIf to see what it would do. Nothing was sent.",
                ex);
            ThrowTerminating(new ErrorRecord(error, "ConfirmationUnavailable", ErrorCategory.InvalidOperation, target));
            return false;
        }
    }

    /// <summary>
    /// Ends the command with <paramref name="error"/>, first writing what was held: the errors about
    /// the input (bad ids, recorded and audited already), unless writing one would itself stop the
    /// command (-ErrorAction Stop), which must stop on <paramref name="error"/>, the one that says
    /// what to do; their number is then added to it.
    /// </summary>
    private void ThrowTerminating(ErrorRecord error)
    {
        if (_deferred.Count > 0 && _cmdlet.ErrorWouldInterrupt())
        {
            error.ErrorDetails = new ErrorDetails($"{error.ErrorDetails?.Message ?? error.Exception.Message} ({_deferred.Count} error(s) about the input were not written, for the error preference would stop at the first; their records say what they are.)");
            _deferred.Clear();
        }

        if (_cmdlet.WarningWouldInterrupt())
        {
            _heldWarnings.Clear(); // Held for that reason; the records keep them.
        }

        WriteDeferred();
        _cmdlet.ThrowTerminatingError(error);
    }

    /// <summary>
    /// Writes the warnings and errors held back during the run, errors in the order their objects
    /// were given, so -ErrorAction Stop ends the script after the batch, never in the middle of it.
    /// </summary>
    private void WriteDeferred()
    {
        foreach (var warning in _heldWarnings)
        {
            _cmdlet.WriteWarning(warning);
        }

        foreach (var error in _deferred.OrderBy(e => e.Order).Select(e => e.Error))
        {
            _cmdlet.WriteError(error);
        }
    }

    /// <summary>What messages call the planned object, by its own kind (a run can hold several kinds: a hold, an undo).</summary>
    private static string NounOf(PlannedChange planned) => OutboundKinds.Noun(planned.Target.ObjectKind);

    private void Defer(GenesysCampaignStateChange record, ErrorRecord error) =>
        _deferred.Add((_positionOf(record.ObjectId), error));
}

using System;
using System.Management.Automation;
using System.Threading;
using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// The base of every cmdlet here: a cancellation source per invocation, cancelled by Ctrl+C
/// (StopProcessing), and the pump that runs Core work off the pipeline thread.
/// </summary>
public abstract class GenesysCmdlet : PSCmdlet, IDisposable
{
    /// <summary>The tag that makes an information message show on the host, as Write-Host's do.</summary>
    private static readonly string[] ShownOnHost = ["PSHOST"];

    private readonly CancellationTokenSource _cancel = new();
    private PipelinePump? _pump;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected internal CancellationToken CancellationToken => _cancel.Token;

    internal PipelinePump Pump => _pump ??= new PipelinePump(this);

    /// <summary>Disposes the cancellation source.</summary>
    public void Dispose()
    {
        _cancel.Dispose();
        GC.SuppressFinalize(this);
    }

    internal void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Whether the user stopped the pipeline (Ctrl+C), as opposed to a downstream failure.</summary>
    internal bool StoppedByUser { get; private set; }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        StoppedByUser = true;
        Cancel();
    }

    /// <summary>
    /// Writes a verbose or debug trace without ever prompting or stopping. Under Inquire,
    /// WriteDebug/WriteVerbose ask whether to continue, and a non-interactive host (a runbook) throws;
    /// under Stop they stop the command. Either would end a pause halfway, after its writes: such a
    /// trace goes straight to the host instead. Inquire comes from a preference variable, from -Debug
    /// on Windows PowerShell 5.1, and, on every host, for verbose traces, from -Debug without -Verbose
    /// (PowerShell's command runtime: -Debug makes verbose output ask).
    /// </summary>
    internal void WriteTrace(bool debug, string message)
    {
        var preference = TracePreference(debug);
        if (preference is ActionPreference.SilentlyContinue or ActionPreference.Ignore)
        {
            return;
        }

        if (preference is ActionPreference.Inquire or ActionPreference.Stop)
        {
            if (debug)
            {
                Host.UI.WriteDebugLine(message);
            }
            else
            {
                Host.UI.WriteVerboseLine(message);
            }
        }
        else if (debug)
        {
            WriteDebug(message);
        }
        else
        {
            WriteVerbose(message);
        }
    }

    /// <summary>
    /// What PowerShell's command runtime will do with a trace, as it decides it: a -Debug or -Verbose
    /// given to the cmdlet first (-Debug is Continue for debug traces, Inquire on 5.1; for verbose
    /// traces, -Verbose decides, else -Debug is Inquire), else the preference variable.
    /// </summary>
    private ActionPreference? TracePreference(bool debug)
    {
        bool? Given(string name) => MyInvocation.BoundParameters.TryGetValue(name, out var flag) && flag is SwitchParameter value ? value.IsPresent : null;
        var debugGiven = Given("Debug");
        if (debug)
        {
            return debugGiven switch
            {
                true => IsWindowsPowerShell ? ActionPreference.Inquire : ActionPreference.Continue,
                false => ActionPreference.SilentlyContinue,
                null => Preference("DebugPreference"),
            };
        }

        return Given("Verbose") switch
        {
            true => ActionPreference.Continue,
            false => ActionPreference.SilentlyContinue,
            null when debugGiven == true => ActionPreference.Inquire,
            null => Preference("VerbosePreference"),
        };
    }

    /// <summary>
    /// Whether a warning written now would stop the command (-WarningAction Stop) or ask whether to
    /// go on (Inquire, which a runbook host cannot answer): either ends the command at that write.
    /// </summary>
    internal bool WarningWouldInterrupt()
    {
        // On Windows PowerShell 5.1, -Debug makes warnings ask too, unless -WarningAction is given.
        var debugAsks = IsWindowsPowerShell && !MyInvocation.BoundParameters.ContainsKey("WarningAction")
            && MyInvocation.BoundParameters.TryGetValue("Debug", out var flag) && flag is SwitchParameter { IsPresent: true };
        return debugAsks || EffectivePreference("WarningAction", "WarningPreference") is ActionPreference.Stop or ActionPreference.Inquire;
    }

    /// <summary>Whether an error written now would stop the command (-ErrorAction Stop) or ask whether to go on (Inquire).</summary>
    internal bool ErrorWouldInterrupt() =>
        EffectivePreference("ErrorAction", "ErrorActionPreference") is ActionPreference.Stop or ActionPreference.Inquire;

    /// <summary>
    /// Writes a line on the information stream, shown on the host as Write-Host's are (silenced with
    /// -InformationAction Ignore). Under an information preference of Stop or Inquire, which would end
    /// the command at this line or ask (a runbook cannot answer), it goes straight to the host instead.
    /// </summary>
    internal void WriteHostInformation(string message)
    {
        var preference = EffectivePreference("InformationAction", "InformationPreference");
        if (preference is ActionPreference.Stop or ActionPreference.Inquire)
        {
            Host.UI.WriteLine(message);
            return;
        }

        WriteInformation(new HostInformationMessage { Message = message }, ShownOnHost);
    }

    /// <summary>Writes progress, unless the progress preference would stop the command or prompt at it.</summary>
    internal void WriteProgressQuietly(ProgressRecord record)
    {
        if (EffectivePreference("ProgressAction", "ProgressPreference") is not (ActionPreference.Stop or ActionPreference.Inquire))
        {
            WriteProgress(record);
        }
    }

    /// <summary>Windows PowerShell (on .NET Framework), where -Debug means Inquire.</summary>
    private static bool IsWindowsPowerShell => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>A common parameter given to the cmdlet (such as -WarningAction), else its preference variable.</summary>
    private ActionPreference? EffectivePreference(string commonParameter, string variable) =>
        MyInvocation.BoundParameters.TryGetValue(commonParameter, out var bound) && bound is ActionPreference given ? given : Preference(variable);

    private ActionPreference? Preference(string variable) => GetVariableValue(variable) switch
    {
        ActionPreference preference => preference,
        string text when Enum.TryParse<ActionPreference>(text, ignoreCase: true, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>An ErrorRecord for an exception Core threw, with the category its HTTP status implies.</summary>
    internal static ErrorRecord ToErrorRecord(Exception exception, string errorId, object? target)
    {
        var category = exception switch
        {
            GenesysAuthenticationException => ErrorCategory.AuthenticationError,
            GenesysApiException api => ErrorMapping.Category(api.StatusCode),
            ArgumentException => ErrorCategory.InvalidArgument,
            OperationCanceledException => ErrorCategory.OperationStopped,
            _ => ErrorCategory.NotSpecified,
        };
        return new ErrorRecord(UserMessage.Clean(exception), errorId, category, target);
    }
}

/// <summary>Maps Core's failure kinds and HTTP statuses to PowerShell error categories, in one place.</summary>
internal static class ErrorMapping
{
    public static ErrorCategory Category(FailureKind? kind) => kind switch
    {
        FailureKind.InvalidOperation => ErrorCategory.InvalidOperation,
        FailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
        FailureKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        FailureKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        FailureKind.ConnectionError => ErrorCategory.ConnectionError,
        FailureKind.OperationTimeout => ErrorCategory.OperationTimeout,
        FailureKind.AuthenticationError => ErrorCategory.AuthenticationError,
        FailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
        FailureKind.InvalidResult => ErrorCategory.InvalidResult,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>The category an HTTP status means, through Core's one table (<see cref="Failures.Classify(int)"/>).</summary>
    public static ErrorCategory Category(int httpStatus) => Category(Failures.Classify(httpStatus).Failure);

    /// <summary>
    /// The ErrorRecord id for a record that did not succeed, named for what was changed:
    /// <c>CampaignStateChangeRejected</c>, <c>CampaignSequenceNotFound</c>, <c>InvalidCampaignRuleId</c>,
    /// <c>CampaignScheduleRecordUnreadable</c> (an undo whose record's kept body cannot be put back),
    /// <c>CampaignStateNotReached</c> (accepted, but the campaign its start left invalid), ...
    /// </summary>
    public static string ErrorId(GenesysCampaignStateChange record)
    {
        var noun = OutboundKinds.Of(record.ObjectKind).IdPart;
        return record.Outcome switch
        {
            StateChangeOutcome.Rejected => noun + "StateChangeRejected",
            StateChangeOutcome.TimedOut => noun + "WaitTimedOut",
            _ when record.ErrorCode == Failures.RecordUnreadable => noun + "RecordUnreadable",
            _ when record.ErrorCode == Failures.StateNotReached => noun + "StateNotReached",
            _ => record.Failure switch
            {
                FailureKind.ObjectNotFound => noun + "NotFound",
                FailureKind.PermissionDenied => noun + "PermissionDenied",
                FailureKind.InvalidArgument => "Invalid" + noun + "Id",
                _ => noun + "StateChangeFailed",
            },
        };
    }
}

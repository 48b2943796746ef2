using System;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Engine;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>
/// The parameters every cmdlet that changes outbound objects takes, and the request they make. The
/// campaign cmdlets declare the same ones on their own base (StateChangeCommand), whose input base
/// (CampaignInputCmdlet) they share with Wait- and Watch-GenesysCampaign: a class has one base, and
/// PowerShell finds parameters only on the cmdlet's class and its bases. ChangeParameters.Tests.ps1
/// holds the two declarations to one another (type, aliases, validation, defaults).
/// </summary>
public abstract class ChangeCmdlet : GenesysApiCmdlet
{
    /// <summary>Why: goes into every record and audit line.</summary>
    [Parameter]
    public string? Reason { get; set; }

    /// <summary>Wait for each object to settle (a read shows the new state) before its record is written.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Seconds to wait with -Wait.</summary>
    [Parameter]
    [Alias("TimeoutSec")]
    [ValidateRange(1, 86400)]
    public int Timeout { get; set; } = StateChangeRequest.DefaultTimeoutSeconds;

    /// <summary>Objects changed at once.</summary>
    [Parameter]
    [ValidateRange(1, 100)]
    public int ThrottleLimit { get; set; } = StateChangeRequest.DefaultThrottleLimit;

    /// <summary>Append a JSON line per record here. Default: $env:GENESYS_CAMPAIGN_AUDIT_LOG.</summary>
    [Parameter]
    public string? AuditLogPath { get; set; }

    /// <summary>The request of this invocation for <paramref name="action"/>.</summary>
    private protected StateChangeRequest NewRequest(CampaignAction action, bool force) =>
        NewRequest(action, Reason, force, Wait, Timeout, ThrottleLimit);

    /// <summary>The request the change parameters make, for this base and StateChangeCommand's twins of them alike.</summary>
    internal static StateChangeRequest NewRequest(CampaignAction action, string? reason, bool force, bool wait, int timeoutSeconds, int throttleLimit) => new(action)
    {
        Reason = reason,
        Force = force,
        Wait = wait,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        ThrottleLimit = throttleLimit,
    };
}

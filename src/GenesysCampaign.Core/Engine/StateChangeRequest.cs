using System;
using System.Collections.Generic;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Engine;

/// <summary>What a state cmdlet asked for, shared by every campaign of one invocation.</summary>
internal sealed class StateChangeRequest
{
    /// <summary>Creates a request for an action.</summary>
    public StateChangeRequest(CampaignAction action) => Action = action;

    /// <summary>Suspend, Resume or Stop.</summary>
    public CampaignAction Action { get; }

    /// <summary>Why (goes into every record).</summary>
    public string? Reason { get; set; }

    /// <summary>Go on past a running sequence, and resume a complete campaign.</summary>
    public bool Force { get; set; }

    /// <summary>Wait for each changed campaign to settle.</summary>
    public bool Wait { get; set; }

    /// <summary>The default of <see cref="Timeout"/> and of every cmdlet's -Timeout, in seconds.</summary>
    public const int DefaultTimeoutSeconds = 300;

    /// <summary>The default of <see cref="ThrottleLimit"/> and of every cmdlet's -ThrottleLimit.</summary>
    public const int DefaultThrottleLimit = 10;

    /// <summary>How long to wait for a campaign to settle.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>Campaigns changed at once.</summary>
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>Shared by every record of the invocation.</summary>
    public string OperationId { get; set; } = Guid.NewGuid().ToString();

    /// <summary>
    /// Suspend -Hold: the campaigns' running sequences, the rules and the schedules that could turn
    /// them back on are changed too (each with its record), so none of them blocks or warns.
    /// </summary>
    public bool Hold { get; set; }

    /// <summary>The campaigns a hold pauses (ids, any case), for the changes it makes to what could undo that.</summary>
    internal ISet<string> HeldCampaigns { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The same request for another action, in the same operation (the changes a hold makes to what it neutralises).</summary>
    internal StateChangeRequest As(CampaignAction action) => new(action)
    {
        Reason = Reason,
        Wait = Wait,
        Timeout = Timeout,
        ThrottleLimit = ThrottleLimit,
        OperationId = OperationId,
        MaxVersionRetries = MaxVersionRetries,
    };

    /// <summary>How many times a stale version is re-read and re-applied.</summary>
    public int MaxVersionRetries { get; set; } = 3;
}

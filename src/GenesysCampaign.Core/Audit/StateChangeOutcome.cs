namespace GenesysCloud.Outbound.Audit;

/// <summary>What happened to one campaign a state cmdlet was given.</summary>
public enum StateChangeOutcome
{
    /// <summary>The status was written (and, with -Wait, reached).</summary>
    Changed,

    /// <summary>Already there (or heading there): nothing was written.</summary>
    Unchanged,

    /// <summary>A rule of this module or of Genesys refused the change; nothing changed.</summary>
    Rejected,

    /// <summary>The change could not be made (permissions, not found, faults that outlasted the retries).</summary>
    Failed,

    /// <summary>Written, but the campaign did not settle within -Timeout.</summary>
    TimedOut,
}

namespace GenesysCloud.Outbound.Campaigns;

/// <summary>The <c>campaignStatus</c> values Genesys documents. Others may appear: they are data.</summary>
public static class CampaignStatus
{
    /// <summary>Dialing.</summary>
    public const string On = "on";

    /// <summary>Turning off: outstanding calls are finishing.</summary>
    public const string Stopping = "stopping";

    /// <summary>Paused; turned on again it resumes at the next record.</summary>
    public const string Off = "off";

    /// <summary>Every record was dialed; turned on again it restarts from the first record.</summary>
    public const string Complete = "complete";

    /// <summary>Misconfigured; <c>errors[]</c> says why.</summary>
    public const string Invalid = "invalid";

    /// <summary>Force-stopped.</summary>
    public const string ForcedOff = "forced_off";

    /// <summary>Force stop in progress.</summary>
    public const string ForcedStopping = "forced_stopping";

    /// <summary>Every documented value, for completion and validation.</summary>
    public static readonly string[] All = { On, Stopping, Off, Complete, Invalid, ForcedOff, ForcedStopping };
}

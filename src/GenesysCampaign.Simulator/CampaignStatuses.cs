namespace GenesysCloud.Outbound.Simulator;

/// <summary>The <c>campaignStatus</c> values Genesys documents.</summary>
internal static class CampaignStatuses
{
    public const string On = "on";
    public const string Stopping = "stopping";
    public const string Off = "off";
    public const string Complete = "complete";
    public const string Invalid = "invalid";
    public const string ForcedOff = "forced_off";
    public const string ForcedStopping = "forced_stopping";

    /// <summary>Every documented value, as the list's <c>campaignStatus</c> query accepts them.</summary>
    public static readonly IReadOnlyList<string> All = [On, Stopping, Off, Complete, Invalid, ForcedOff, ForcedStopping];

    /// <summary>Statuses that count against the org's active-campaign cap.</summary>
    public static bool IsActive(string? status) => status is On or Stopping or ForcedStopping;
}

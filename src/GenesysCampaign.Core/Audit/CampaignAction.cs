namespace GenesysCloud.Outbound.Audit;

/// <summary>The three state changes the module makes.</summary>
public enum CampaignAction
{
    /// <summary>Pause: <c>off</c>.</summary>
    Suspend,

    /// <summary>Dial again: <c>on</c>.</summary>
    Resume,

    /// <summary>Force stop: <c>forced_off</c>.</summary>
    Stop,
}

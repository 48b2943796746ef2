namespace GenesysCloud.Outbound.Audit;

/// <summary>The changes the module makes: to campaigns and sequences (Suspend, Resume, Stop), to campaign rules (Disable, Enable) and to schedules (Remove, Restore).</summary>
public enum CampaignAction
{
    /// <summary>Pause: a campaign or sequence to <c>off</c>.</summary>
    Suspend,

    /// <summary>Dial again: a campaign or sequence to <c>on</c>.</summary>
    Resume,

    /// <summary>Force stop: a campaign to <c>forced_off</c>.</summary>
    Stop,

    /// <summary>A campaign rule to <c>enabled: false</c>: it acts no more.</summary>
    Disable,

    /// <summary>A campaign rule to <c>enabled: true</c>.</summary>
    Enable,

    /// <summary>A schedule deleted (Suspend-GenesysCampaign -Hold), its whole body kept in the record: <c>removed</c>.</summary>
    Remove,

    /// <summary>A schedule put back from the body its Remove record kept (Undo-GenesysCampaignChange): <c>scheduled</c>.</summary>
    Restore,
}

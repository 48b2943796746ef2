namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The campaign status transition table the simulator enforces on PUT. Kept in one place because
/// several rows are UNCONFIRMED against real Genesys (see the comments) and may need to change.
/// </summary>
internal static class CampaignTransitions
{
    /// <summary>Seen in Genesys responses ("Invalid transition from &lt;COMPLETE&gt; to &lt;OFF&gt;").</summary>
    public const string BadTransitionCode = "invalid.update.bad.status.transition";

    /// <summary>UNCONFIRMED: the real code for hitting the active-campaign cap is not documented.</summary>
    public const string MaxActiveCode = "max.active.campaigns.exceeded";

    public static TransitionDecision Decide(string current, string requested, int activeCount, int maxActive)
    {
        // Re-sending the status as read is an ordinary edit, whatever the status is.
        if (string.Equals(current, requested, StringComparison.Ordinal))
        {
            return TransitionDecision.To(current);
        }

        switch (requested)
        {
            case CampaignStatuses.On when current is CampaignStatuses.Off or CampaignStatuses.Complete or CampaignStatuses.ForcedOff:
                // The cap counts stopping campaigns too: their dialer work is not finished.
                return activeCount >= maxActive
                    ? TransitionDecision.Reject(
                        MaxActiveCode,
                        $"The maximum number of active campaigns ({maxActive}) for this organization has been reached")
                    : TransitionDecision.To(CampaignStatuses.On);

            case CampaignStatuses.Off when current is CampaignStatuses.On or CampaignStatuses.Stopping:
                // Genesys never goes straight to off: outstanding calls finish first.
                return TransitionDecision.To(CampaignStatuses.Stopping);

            // UNCONFIRMED: writing forced_off by PUT; modelled as the help centre describes force stop.
            case CampaignStatuses.ForcedOff when current is CampaignStatuses.On or CampaignStatuses.Stopping:
                return TransitionDecision.To(CampaignStatuses.ForcedStopping);

            default:
                return TransitionDecision.Reject(BadTransitionCode, $"Invalid transition from <{current.ToUpperInvariant()}> to <{requested.ToUpperInvariant()}>");
        }
    }

    /// <summary>The status a transitional status settles to once the dialer is done, or null.</summary>
    public static string? SettledStatus(string status) => status switch
    {
        CampaignStatuses.Stopping => CampaignStatuses.Off,
        CampaignStatuses.ForcedStopping => CampaignStatuses.ForcedOff,
        _ => null,
    };
}

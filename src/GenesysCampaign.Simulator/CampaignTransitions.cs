namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The campaign status transitions the simulator enforces, for a PUT and for the start and stop
/// endpoints. Kept in one place because several rows are UNCONFIRMED against real Genesys (see the
/// comments); where the documentation is silent, the stricter answer is the default.
/// </summary>
internal static class CampaignTransitions
{
    /// <summary>UNCONFIRMED code; the texts below are the ones seen from Genesys (docs/genesys-api.md).</summary>
    public const string BadTransitionCode = "invalid.update.bad.status.transition";

    /// <summary>UNCONFIRMED: the real code for hitting the active-campaign cap is not documented.</summary>
    public const string MaxActiveCode = "max.active.campaigns.exceeded";

    /// <summary>The 409 text seen from Genesys for a stale version (its code is UNCONFIRMED: <see cref="SimulatorOptions.ConflictCode"/>).</summary>
    public const string WrongVersionMessage = "The version number of the modified resource must match the version number in the database.";

    private const string InvalidWay = "An attempt was made to update a Campaign in an invalid way. Details: ";

    /// <summary>How a status change was asked for.</summary>
    public enum Via
    {
        /// <summary>A full-body PUT: re-sending the status as read is an ordinary edit.</summary>
        Put,

        /// <summary><c>POST .../start</c> or <c>.../stop</c>: asking for the status it has is refused (stricter; UNCONFIRMED).</summary>
        Endpoint,
    }

    public static TransitionDecision Decide(string current, string requested, int activeCount, SimulatorOptions options, Via via) =>
        Decide(current, requested, activeCount, options, via, CampaignKind.Voice);

    /// <summary>As the voice overload, with the active cap and its message of <paramref name="kind"/>.</summary>
    public static TransitionDecision Decide(string current, string requested, int activeCount, SimulatorOptions options, Via via, CampaignKind kind)
    {
        if (string.Equals(current, requested, StringComparison.Ordinal) && via == Via.Put)
        {
            return TransitionDecision.To(current);
        }

        switch (requested)
        {
            case CampaignStatuses.On when current is CampaignStatuses.Off or CampaignStatuses.Complete or CampaignStatuses.ForcedOff:
                // The cap counts stopping campaigns too: their dialer work is not finished.
                var maxActive = kind.MaxActive(options);
                return activeCount >= maxActive
                    ? TransitionDecision.Reject(MaxActiveCode, kind.MaxActiveMessage(maxActive))
                    : TransitionDecision.To(CampaignStatuses.On);

            case CampaignStatuses.Off when current is CampaignStatuses.On:
                // Genesys never goes straight to off: outstanding calls finish first.
                return TransitionDecision.To(CampaignStatuses.Stopping);

            case CampaignStatuses.Off when current is CampaignStatuses.Stopping:
                // The older text Genesys gave for a campaign already stopping (docs/genesys-api.md).
                return TransitionDecision.Reject(BadTransitionCode, InvalidWay + "Cannot directly change the campaign status from <STOPPING> to <OFF>");

            // UNCONFIRMED: writing forced_off by PUT. Genesys's UI offers force stop on a campaign that is
            // already stopping; from on it is refused unless the switch says otherwise.
            case CampaignStatuses.ForcedOff when current is CampaignStatuses.Stopping
                || (current is CampaignStatuses.On && options.AllowForceStopFromOn):
                return TransitionDecision.To(CampaignStatuses.ForcedStopping);

            default:
                return TransitionDecision.Reject(BadTransitionCode, InvalidWay + $"Invalid transition from <{current.ToUpperInvariant()}> to <{requested.ToUpperInvariant()}>");
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

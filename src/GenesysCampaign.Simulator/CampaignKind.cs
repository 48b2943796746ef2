namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// What differs between the voice and the messaging campaign stores: the word used in a 404, and
/// the org-wide active cap with its refusal. The transitions themselves are the same for both.
/// </summary>
internal sealed record CampaignKind(string Noun, Func<SimulatorOptions, int> MaxActive, Func<int, string> MaxActiveMessage)
{
    /// <summary>Voice campaigns: <see cref="SimulatorOptions.MaxActiveCampaigns"/> (50 in Genesys, CONFIRMED).</summary>
    public static CampaignKind Voice { get; } = new(
        "Campaign",
        options => options.MaxActiveCampaigns,
        max => $"The maximum number of active campaigns ({max}) for this organization has been reached");

    /// <summary>
    /// SMS, email and WhatsApp campaigns: <see cref="SimulatorOptions.MaxActiveMessagingCampaigns"/>.
    /// The refusal reuses the voice code (UNCONFIRMED); its message speaks of messaging campaigns.
    /// </summary>
    public static CampaignKind Messaging { get; } = new(
        "Messaging campaign",
        options => options.MaxActiveMessagingCampaigns,
        max => $"The maximum number of active messaging campaigns ({max}) for this organization has been reached");
}

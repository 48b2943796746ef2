namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The deterministic seed data: campaign ids/names/statuses and the dependencies (sequences, rules,
/// schedule) that point at specific campaigns. The constants assume <see cref="SimulatorOptions.CampaignCount"/> is at least 60.
/// </summary>
/// <remarks>
/// Campaign <c>i</c> (1-based) has id <c>c0000000-0000-4000-8000-{i:D12}</c> and name
/// <c>{Prefix}-{Region}-{i:D3}</c>, except 44, 45, 49 and 50, whose names hold wildcard characters or
/// look like such names match them, and 57, whose name holds characters special to a command line. Statuses of campaigns 1..60: <c>on</c> when i % 6 == 0 (10),
/// <c>complete</c> when i % 12 == 7 (5), <c>invalid</c> for 23 and 47, <c>forced_off</c> for 29 and 53,
/// <c>stopping</c> for 59 (settles to <c>off</c> after the dialer delay), the other 40 <c>off</c>.
/// Campaigns above 60 repeat that pattern without any <c>on</c> or <c>stopping</c>, so the active
/// count stays at 11 whatever the campaign count.
/// </remarks>
public static partial class SimulatorSeed
{
    /// <summary>Seeded campaign statuses follow a 60-campaign cycle.</summary>
    public const int StatusCycle = 60;

    /// <summary>Name prefixes, cycled by campaign index.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["Sales", "Retention", "Collections", "Survey", "Renewals"];

    /// <summary>Regions, cycled by campaign index.</summary>
    public static readonly IReadOnlyList<string> Regions = ["East", "West", "North", "South"];

    // --- Campaigns free of any sequence, rule or schedule: safe targets for pause/resume tests.

    /// <summary>Campaign 6, <c>on</c>, not referenced by any sequence, rule or schedule.</summary>
    public const string UnreferencedOnCampaignId = "c0000000-0000-4000-8000-000000000006";

    /// <summary>Name of <see cref="UnreferencedOnCampaignId"/>.</summary>
    public const string UnreferencedOnCampaignName = "Sales-West-006";

    /// <summary>Campaign 8, <c>off</c>, not referenced by any sequence, rule or schedule.</summary>
    public const string UnreferencedOffCampaignId = "c0000000-0000-4000-8000-000000000008";

    /// <summary>Name of <see cref="UnreferencedOffCampaignId"/>.</summary>
    public const string UnreferencedOffCampaignName = "Collections-South-008";

    /// <summary>Campaign 7, <c>complete</c>.</summary>
    public const string CompleteCampaignId = "c0000000-0000-4000-8000-000000000007";

    /// <summary>Name of <see cref="CompleteCampaignId"/>.</summary>
    public const string CompleteCampaignName = "Retention-North-007";

    /// <summary>Campaign 23, <c>invalid</c>, with a <c>CONTACT_LIST_EMPTY</c> entry in <c>errors</c>.</summary>
    public const string InvalidCampaignId = "c0000000-0000-4000-8000-000000000023";

    /// <summary>Name of <see cref="InvalidCampaignId"/>.</summary>
    public const string InvalidCampaignName = "Collections-North-023";

    /// <summary>Campaign 29, <c>forced_off</c>.</summary>
    public const string ForcedOffCampaignId = "c0000000-0000-4000-8000-000000000029";

    /// <summary>Name of <see cref="ForcedOffCampaignId"/>.</summary>
    public const string ForcedOffCampaignName = "Survey-East-029";

    /// <summary>Campaign 59, seeded <c>stopping</c>; settles to <c>off</c> one dialer delay after start.</summary>
    public const string StoppingCampaignId = "c0000000-0000-4000-8000-000000000059";

    /// <summary>Name of <see cref="StoppingCampaignId"/>.</summary>
    public const string StoppingCampaignName = "Survey-North-059";

    /// <summary>The <c>error</c> of the RestErrorDetail invalid campaigns carry (its details name their contact list).</summary>
    public const string InvalidCampaignErrorMessage = "Contact list has no callable contacts";


    // --- Sequences.

    /// <summary>Sequence "Renewals Sequence", status <c>on</c>, campaigns 5 (off) then 30 (on, current).</summary>
    public const string RenewalsSequenceId = "5e000000-0000-4000-8000-000000000001";

    /// <summary>Name of <see cref="RenewalsSequenceId"/>.</summary>
    public const string RenewalsSequenceName = "Renewals Sequence";

    /// <summary>Campaign 30, <c>on</c>, the current campaign of the running Renewals Sequence.</summary>
    public const string RenewalsSequenceOnCampaignId = "c0000000-0000-4000-8000-000000000030";

    /// <summary>Name of <see cref="RenewalsSequenceOnCampaignId"/>.</summary>
    public const string RenewalsSequenceOnCampaignName = "Renewals-West-030";

    /// <summary>Campaign 5, <c>off</c>, first campaign of the Renewals Sequence.</summary>
    public const string RenewalsSequenceOffCampaignId = "c0000000-0000-4000-8000-000000000005";

    /// <summary>Name of <see cref="RenewalsSequenceOffCampaignId"/>.</summary>
    public const string RenewalsSequenceOffCampaignName = "Renewals-East-005";

    /// <summary>Sequence "Winter Sequence", status <c>off</c>, campaigns 4 and 9 (both off).</summary>
    public const string WinterSequenceId = "5e000000-0000-4000-8000-000000000002";

    /// <summary>Name of <see cref="WinterSequenceId"/>.</summary>
    public const string WinterSequenceName = "Winter Sequence";

    /// <summary>Campaign 4, <c>off</c>, in the Winter Sequence.</summary>
    public const string WinterSequenceFirstCampaignId = "c0000000-0000-4000-8000-000000000004";

    /// <summary>Name of <see cref="WinterSequenceFirstCampaignId"/>.</summary>
    public const string WinterSequenceFirstCampaignName = "Survey-South-004";

    /// <summary>Campaign 9, <c>off</c>, in the Winter Sequence.</summary>
    public const string WinterSequenceSecondCampaignId = "c0000000-0000-4000-8000-000000000009";

    /// <summary>Name of <see cref="WinterSequenceSecondCampaignId"/>.</summary>
    public const string WinterSequenceSecondCampaignName = "Survey-East-009";

    // --- Campaign rules.

    /// <summary>Enabled rule whose <c>turnOnCampaign</c> action targets campaign 1 (off); triggered by campaign 12.</summary>
    public const string EnabledRuleId = "7a000000-0000-4000-8000-000000000001";

    /// <summary>Name of <see cref="EnabledRuleId"/>.</summary>
    public const string EnabledRuleName = "Turn on Sales-East-001 when queue is idle";

    /// <summary>Campaign 1, <c>off</c>, target of the enabled rule: pausing it can be undone by Genesys.</summary>
    public const string EnabledRuleTargetCampaignId = "c0000000-0000-4000-8000-000000000001";

    /// <summary>Name of <see cref="EnabledRuleTargetCampaignId"/>.</summary>
    public const string EnabledRuleTargetCampaignName = "Sales-East-001";

    /// <summary>Campaign 12, <c>on</c>, the entity whose condition triggers the enabled rule.</summary>
    public const string EnabledRuleTriggerCampaignId = "c0000000-0000-4000-8000-000000000012";

    /// <summary>Name of <see cref="EnabledRuleTriggerCampaignId"/>.</summary>
    public const string EnabledRuleTriggerCampaignName = "Retention-South-012";

    /// <summary>Disabled rule whose <c>turnOnCampaign</c> action targets campaign 2 (off).</summary>
    public const string DisabledRuleId = "7a000000-0000-4000-8000-000000000002";

    /// <summary>Name of <see cref="DisabledRuleId"/>.</summary>
    public const string DisabledRuleName = "Turn on Retention-West-002 after business hours";

    /// <summary>Campaign 2, <c>off</c>, target of the disabled rule.</summary>
    public const string DisabledRuleTargetCampaignId = "c0000000-0000-4000-8000-000000000002";

    /// <summary>Name of <see cref="DisabledRuleTargetCampaignId"/>.</summary>
    public const string DisabledRuleTargetCampaignName = "Retention-West-002";

    // --- Campaign schedule.

    /// <summary>
    /// Id of the only campaign schedule: its campaign's, as tests/fixtures/README.md assumes and as the
    /// simulator gives a schedule it creates (one put back after a removal keeps it).
    /// </summary>
    public const string ScheduleId = ScheduledCampaignId;

    /// <summary>Name of <see cref="ScheduleId"/>.</summary>
    public const string ScheduleName = "Collections-North-003 weekday schedule";

    /// <summary>Campaign 3, <c>off</c>, which has a campaign schedule.</summary>
    public const string ScheduledCampaignId = "c0000000-0000-4000-8000-000000000003";

    /// <summary>Name of <see cref="ScheduledCampaignId"/>.</summary>
    public const string ScheduledCampaignName = "Collections-North-003";

    // --- OAuth clients (every one with the secret below). SimulatorOptions.ClientId holds every permission.

    /// <summary>The secret of the seeded OAuth clients.</summary>
    public const string ClientSecret = "sim-secret";

    /// <summary>The least-privilege role: campaign view, start and stop, and the dependency views; no edit.</summary>
    public const string LeastPrivilegeClientId = "sim-least";

    /// <summary>Campaign view and edit (full-body PUT) and the dependency views; no start or stop.</summary>
    public const string EditOnlyClientId = "sim-edit";

    /// <summary>Only the views: can read everything, change nothing.</summary>
    public const string ViewOnlyClientId = "sim-view";

    /// <summary>
    /// A role of an org (or admin) without messaging: voice campaign view, start and stop, the sequence and
    /// rule views and outbound:schedule:view; no messaging campaign permission of any kind.
    /// </summary>
    public const string VoiceOnlyClientId = "sim-voice";

    // --- Names that hold PowerShell wildcard characters (docs/genesys-api.md: they occur in real orgs).

    /// <summary>Campaign 44, <c>off</c>, named with brackets: as a pattern it would match <see cref="UKLookalikeCampaignName"/>.</summary>
    public const string UKRenewalsCampaignName = "[UK] Renewals";

    /// <summary>Campaign 45, <c>off</c>: what <c>[UK] Renewals</c> matches as a wildcard pattern.</summary>
    public const string UKLookalikeCampaignName = "U Renewals";

    /// <summary>Campaign 49, <c>off</c>, named with a star.</summary>
    public const string RetentionStarCampaignName = "Retention *";

    /// <summary>Campaign 50, <c>off</c>: what <c>Retention *</c> matches as a wildcard pattern.</summary>
    public const string RetentionWinbackCampaignName = "Retention Winback";

    /// <summary>Campaign 57, <c>off</c>, named with characters a command line must never read as code.</summary>
    public const string ShellHostileCampaignName = "R&D | #1 Ops\u2019 \"Team\"";

    private static readonly Dictionary<int, string> SpecialNames = new()
    {
        [44] = UKRenewalsCampaignName,
        [45] = UKLookalikeCampaignName,
        [49] = RetentionStarCampaignName,
        [50] = RetentionWinbackCampaignName,
        [57] = ShellHostileCampaignName,
    };

    /// <summary>Id of seeded campaign <paramref name="index"/> (1-based).</summary>
    public static string CampaignId(int index) => $"c0000000-0000-4000-8000-{index:D12}";

    /// <summary>Name of seeded campaign <paramref name="index"/> (1-based).</summary>
    public static string CampaignName(int index) => SpecialNames.TryGetValue(index, out var special) ? special :
        $"{Prefixes[(index - 1) % Prefixes.Count]}-{Regions[(index - 1) % Regions.Count]}-{index:D3}";

    /// <summary>Seeded <c>campaignStatus</c> of campaign <paramref name="index"/> (1-based).</summary>
    public static string InitialStatus(int index)
    {
        var cycle = ((index - 1) % StatusCycle) + 1;
        var status = cycle switch
        {
            23 or 47 => CampaignStatuses.Invalid,
            29 or 53 => CampaignStatuses.ForcedOff,
            59 => CampaignStatuses.Stopping,
            _ when cycle % 12 == 7 => CampaignStatuses.Complete,
            _ when cycle % 6 == 0 => CampaignStatuses.On,
            _ => CampaignStatuses.Off,
        };

        // Only the first cycle may be active, so MaxActiveCampaigns is never exceeded by the seed.
        var active = status is CampaignStatuses.On or CampaignStatuses.Stopping;
        return active && index > StatusCycle ? CampaignStatuses.Off : status;
    }
}

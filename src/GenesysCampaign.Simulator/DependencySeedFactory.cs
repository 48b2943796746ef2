using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Builds the seeded sequences, campaign rules and campaign schedule: the things that can undo or
/// block a pause in real Genesys, pointed at the campaigns named in <see cref="SimulatorSeed"/>.
/// </summary>
internal static class DependencySeedFactory
{
    public static List<JsonObject> Sequences() =>
    [
        Sequence(SimulatorSeed.RenewalsSequenceId, SimulatorSeed.RenewalsSequenceName, status: "on", repeat: true, currentIndex: 1, 5, 30),
        Sequence(SimulatorSeed.WinterSequenceId, SimulatorSeed.WinterSequenceName, status: "off", repeat: false, currentIndex: 0, 4, 9),
    ];

    public static List<JsonObject> CampaignRules() =>
    [
        Rule(
            SimulatorSeed.EnabledRuleId,
            SimulatorSeed.EnabledRuleName,
            enabled: true,
            trigger: 12,
            conditionType: "campaignAgents",
            conditionOperator: "lessThan",
            conditionValue: "1",
            target: 1),
        Rule(
            SimulatorSeed.DisabledRuleId,
            SimulatorSeed.DisabledRuleName,
            enabled: false,
            trigger: 14,
            conditionType: "campaignProgress",
            conditionOperator: "greaterThan",
            conditionValue: "95",
            target: 2),
    ];

    public static List<JsonObject> Schedules() =>
    [
        new JsonObject
        {
            ["id"] = SimulatorSeed.ScheduleId,
            ["name"] = SimulatorSeed.ScheduleName,
            ["dateCreated"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(5)),
            ["dateModified"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(6)),
            ["version"] = 2,
            ["intervals"] = new JsonArray(
                new JsonObject { ["start"] = "2024-01-15T14:00:00.000Z", ["end"] = "2024-01-15T22:00:00.000Z" },
                new JsonObject { ["start"] = "2024-01-16T14:00:00.000Z", ["end"] = "2024-01-16T22:00:00.000Z" }),
            ["recurrences"] = new JsonArray(),
            ["timeZone"] = "America/New_York",
            ["campaign"] = SeedRefs.Campaign(3),
            ["selfUri"] = $"/api/v2/outbound/schedules/campaigns/{SimulatorSeed.ScheduledCampaignId}",
        },
    ];

    private static JsonObject Sequence(string id, string name, string status, bool repeat, int currentIndex, params int[] campaigns)
    {
        var list = new JsonArray();
        foreach (var index in campaigns)
        {
            list.Add(SeedRefs.Campaign(index));
        }

        return new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["dateCreated"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(2)),
            ["dateModified"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(4)),
            ["version"] = 3,
            ["campaigns"] = list,
            // Genesys models currentCampaign as the zero-based index into campaigns, not a reference.
            ["currentCampaign"] = currentIndex,
            ["status"] = status,
            ["repeat"] = repeat,
            ["selfUri"] = $"/api/v2/outbound/sequences/{id}",
        };
    }

    private static JsonObject Rule(
        string id,
        string name,
        bool enabled,
        int trigger,
        string conditionType,
        string conditionOperator,
        string conditionValue,
        int target)
    {
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["dateCreated"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(1)),
            ["dateModified"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(1)),
            ["version"] = 1,
            ["campaignRuleEntities"] = new JsonObject
            {
                ["campaigns"] = new JsonArray(SeedRefs.Campaign(trigger)),
                ["sequences"] = new JsonArray(),
            },
            ["campaignRuleConditions"] = new JsonArray(new JsonObject
            {
                ["id"] = SeedRefs.Id("7b000000", target),
                ["conditionType"] = conditionType,
                ["parameters"] = new JsonObject
                {
                    ["operator"] = conditionOperator,
                    ["value"] = conditionValue,
                    ["dialingMode"] = "preview",
                },
            }),
            ["campaignRuleActions"] = new JsonArray(new JsonObject
            {
                ["id"] = SeedRefs.Id("7c000000", target),
                ["actionType"] = "turnOnCampaign",
                ["campaignRuleActionEntities"] = new JsonObject
                {
                    ["campaigns"] = new JsonArray(SeedRefs.Campaign(target)),
                    ["sequences"] = new JsonArray(),
                    ["useTriggeringEntity"] = false,
                },
            }),
            ["enabled"] = enabled,
            ["selfUri"] = $"/api/v2/outbound/campaignrules/{id}",
        };
    }
}

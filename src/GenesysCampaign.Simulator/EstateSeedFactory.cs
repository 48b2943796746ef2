using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Builds the seeds added beside the original dependencies: the sequence and messaging campaign
/// schedules and the messaging campaign rule, shaped field for field as the fixtures
/// (schedule.campaign.json, campaignrule.json) show them.
/// </summary>
internal static class EstateSeedFactory
{
    public static List<JsonObject> SequenceSchedules() =>
    [
        new JsonObject
        {
            ["id"] = SimulatorSeed.WinterSequenceId,
            ["name"] = SimulatorSeed.SequenceScheduleName,
            ["dateCreated"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(7)),
            ["dateModified"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(7)),
            ["version"] = 1,
            ["intervals"] = new JsonArray(Interval(SimulatorSeed.SequenceScheduleStart, SimulatorSeed.SequenceScheduleEnd)),
            ["recurrences"] = new JsonArray(),
            ["timeZone"] = "America/New_York",
            ["sequence"] = SeedRefs.Sequence(SimulatorSeed.WinterSequenceId, SimulatorSeed.WinterSequenceName),
            ["selfUri"] = $"/api/v2/outbound/schedules/sequences/{SimulatorSeed.WinterSequenceId}",
        },
    ];

    public static List<JsonObject> MessagingSchedules()
    {
        var campaign = SeedRefs.MessagingCampaign(10);
        campaign["division"] = new JsonObject
        {
            ["id"] = SeedRefs.Id("a5000000", 1),
            ["selfUri"] = $"/api/v2/authorization/divisions/{SeedRefs.Id("a5000000", 1)}",
        };
        return
        [
            new JsonObject
            {
                ["id"] = SimulatorSeed.ScheduledMessagingCampaignId,
                ["name"] = SimulatorSeed.MessagingScheduleName,
                ["dateCreated"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(12)),
                ["dateModified"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(12)),
                ["version"] = 1,
                ["intervals"] = new JsonArray(Interval(SimulatorSeed.MessagingScheduleIntervalStart, SimulatorSeed.MessagingScheduleIntervalEnd)),
                ["recurrences"] = new JsonArray(new JsonObject
                {
                    ["id"] = SimulatorSeed.MessagingScheduleRecurrenceId,
                    ["start"] = "2030-01-14T09:00:00",
                    ["end"] = "2030-01-14T17:00:00",
                    ["timeZone"] = "Europe/London",
                    ["pattern"] = new JsonObject { ["type"] = "Weekly", ["interval"] = 1, ["daysOfWeek"] = new JsonArray("Monday", "Wednesday") },
                    ["range"] = new JsonObject { ["type"] = "EndDate", ["end"] = "2030-03-29T17:00:00", ["numberOfOccurrences"] = null },
                    ["alterations"] = new JsonArray(),
                    ["nextOccurrenceDetails"] = new JsonObject
                    {
                        ["startOccurrenceDetails"] = new JsonObject { ["dateOfNextOccurrence"] = "2030-01-14T09:00:00.000Z", ["numberOfOccurrences"] = 0 },
                        ["endOccurrenceDetails"] = new JsonObject { ["dateOfNextOccurrence"] = "2030-01-14T17:00:00.000Z", ["numberOfOccurrences"] = 0 },
                    },
                }),
                ["timeZone"] = "Europe/London",
                ["messagingCampaign"] = campaign,
                ["selfUri"] = $"/api/v2/outbound/schedules/messagingcampaigns/{SimulatorSeed.ScheduledMessagingCampaignId}",
            },
        ];
    }

    public static JsonObject MessagingRule() => new()
    {
        ["id"] = SimulatorSeed.MessagingRuleId,
        ["name"] = SimulatorSeed.MessagingRuleName,
        ["dateCreated"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(13)),
        ["dateModified"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(13)),
        ["version"] = 1,
        ["campaignRuleEntities"] = Entities(sms: SeedRefs.MessagingCampaign(4)),
        ["campaignRuleConditions"] = new JsonArray(new JsonObject
        {
            ["id"] = SeedRefs.Id("7b000000", 3),
            ["parameters"] = new JsonObject
            {
                ["operator"] = "greaterThanEqualTo",
                ["value"] = "80",
                ["priority"] = null,
                ["dialingMode"] = null,
                ["abandonRate"] = null,
                ["outboundLineCount"] = null,
                ["relativeWeight"] = null,
                ["maxCallsPerAgent"] = null,
                ["queue"] = null,
                ["messagesPerMinute"] = null,
                ["smsMessagesPerMinute"] = null,
                ["emailMessagesPerMinute"] = null,
                ["smsContentTemplate"] = null,
                ["emailContentTemplate"] = null,
                ["forDuration"] = "PT5M",
            },
            ["conditionType"] = "campaignProgress",
            ["dateTimeParameters"] = null,
            ["campaignRunTimeSettings"] = null,
            ["campaignWaitTimeSettings"] = null,
        }),
        ["campaignRuleActions"] = new JsonArray(new JsonObject
        {
            ["id"] = SeedRefs.Id("7c000000", 3),
            ["parameters"] = null,
            ["actionType"] = "turnOnCampaign",
            ["campaignRuleActionEntities"] = ActionEntities(SeedRefs.MessagingCampaign(16)),
        }),
        ["matchAnyConditions"] = false,
        ["enabled"] = true,
        ["campaignRuleProcessing"] = null,
        ["conditionGroups"] = new JsonArray(),
        ["executionSettings"] = new JsonObject { ["frequency"] = "oncePerDay", ["timeZoneId"] = "America/New_York" },
        ["timeZoneId"] = "America/New_York",
        ["warnings"] = new JsonArray(),
        ["selfUri"] = $"/api/v2/outbound/campaignrules/{SimulatorSeed.MessagingRuleId}",
    };

    private static JsonObject Interval(DateTimeOffset start, DateTimeOffset end) => new()
    {
        ["start"] = SeedRefs.Timestamp(start),
        ["end"] = SeedRefs.Timestamp(end),
    };

    private static JsonObject Entities(JsonObject sms) => new()
    {
        ["campaigns"] = new JsonArray(),
        ["sequences"] = new JsonArray(),
        ["emailCampaigns"] = new JsonArray(),
        ["smsCampaigns"] = new JsonArray(sms),
    };

    private static JsonObject ActionEntities(JsonObject sms)
    {
        var entities = Entities(sms);
        entities["useTriggeringEntity"] = false;
        return entities;
    }
}

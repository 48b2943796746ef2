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

    /// <summary>The email campaign schedule, field for field as schedule.emailcampaign.page.json's entry.</summary>
    public static List<JsonObject> EmailSchedules() =>
    [
        CampaignSchedule(
            "emailcampaigns",
            "emailCampaign",
            14,
            SimulatorSeed.EmailScheduleName,
            Interval(new DateTimeOffset(2030, 1, 9, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 9, 15, 0, 0, TimeSpan.Zero)),
            new JsonObject
            {
                ["id"] = SeedRefs.Id("5d000000", 2),
                ["start"] = "2030-01-14T08:00:00",
                ["end"] = "2030-01-14T10:00:00",
                ["timeZone"] = "America/Indiana/Indianapolis",
                ["pattern"] = new JsonObject { ["type"] = "Weekly", ["interval"] = 2, ["daysOfWeek"] = new JsonArray("Monday") },
                ["range"] = new JsonObject { ["type"] = "EndDate", ["end"] = "2030-03-25T10:00:00", ["numberOfOccurrences"] = null },
                ["alterations"] = new JsonArray(new JsonObject { ["type"] = "Inclusion", ["start"] = "2030-01-23T08:00:00", ["end"] = "2030-01-23T10:00:00" }),
                ["nextOccurrenceDetails"] = NextOccurrence("2030-01-14T13:00:00.000Z", "2030-01-14T15:00:00.000Z"),
            }),
    ];

    /// <summary>The WhatsApp campaign schedule, field for field as schedule.whatsappcampaign.page.json's entry.</summary>
    public static List<JsonObject> WhatsAppSchedules() =>
    [
        CampaignSchedule(
            "whatsappcampaigns",
            "whatsAppCampaign",
            12,
            SimulatorSeed.WhatsAppScheduleName,
            Interval(new DateTimeOffset(2030, 1, 10, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 10, 18, 0, 0, TimeSpan.Zero)),
            new JsonObject
            {
                ["id"] = SeedRefs.Id("5d000000", 3),
                ["start"] = "2030-01-16T12:00:00",
                ["end"] = "2030-01-16T14:00:00",
                ["timeZone"] = "America/Indiana/Indianapolis",
                ["pattern"] = new JsonObject { ["type"] = "Weekly", ["interval"] = 1, ["daysOfWeek"] = new JsonArray("Wednesday") },
                ["range"] = new JsonObject { ["type"] = "Numbered", ["end"] = null, ["numberOfOccurrences"] = 8 },
                ["alterations"] = new JsonArray(),
                ["nextOccurrenceDetails"] = NextOccurrence("2030-01-16T17:00:00.000Z", "2030-01-16T19:00:00.000Z"),
            }),
    ];

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

    /// <summary>A schedule of messaging campaign <paramref name="index"/> in the list at <c>/schedules/{segment}</c>: its id is the campaign's.</summary>
    private static JsonObject CampaignSchedule(string segment, string targetKey, int index, string name, JsonObject interval, JsonObject recurrence)
    {
        var campaign = SeedRefs.MessagingCampaign(index);
        campaign["division"] = new JsonObject
        {
            ["id"] = SeedRefs.Id("a5000000", 1),
            ["selfUri"] = $"/api/v2/authorization/divisions/{SeedRefs.Id("a5000000", 1)}",
        };
        var id = SimulatorSeed.MessagingCampaignId(index);
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["dateCreated"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(13)),
            ["dateModified"] = SeedRefs.Timestamp(SeedRefs.Epoch.AddDays(13)),
            ["version"] = 1,
            ["intervals"] = new JsonArray(interval),
            ["recurrences"] = new JsonArray(recurrence),
            ["timeZone"] = "America/Indiana/Indianapolis",
            [targetKey] = campaign,
            ["selfUri"] = $"/api/v2/outbound/schedules/{segment}/{id}",
        };
    }

    private static JsonObject NextOccurrence(string start, string end) => new()
    {
        ["startOccurrenceDetails"] = new JsonObject { ["dateOfNextOccurrence"] = start, ["numberOfOccurrences"] = 0 },
        ["endOccurrenceDetails"] = new JsonObject { ["dateOfNextOccurrence"] = end, ["numberOfOccurrences"] = 0 },
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

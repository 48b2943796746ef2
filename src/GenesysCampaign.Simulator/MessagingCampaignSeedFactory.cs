using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Builds the seeded messaging campaigns, field for field as the fixtures
/// <c>messagingcampaign.sms.json</c> and <c>messagingcampaign.email.json</c> show them: every key of the
/// SDK model, the two channel configs that do not apply <c>null</c>.
/// </summary>
internal static class MessagingCampaignSeedFactory
{
    private static readonly string[] Divisions = ["Home", "Sales Division", "Collections Division"];

    public static IEnumerable<JsonObject> BuildAll()
    {
        for (var i = 1; i <= SimulatorSeed.MessagingCampaignCount; i++)
        {
            yield return BuildOne(i);
        }
    }

    public static JsonObject BuildOne(int i)
    {
        var id = SimulatorSeed.MessagingCampaignId(i);
        var name = SimulatorSeed.MessagingCampaignName(i);
        var type = SimulatorSeed.MessagingType(i);
        var prefix = SimulatorSeed.Prefixes[(i - 1) % SimulatorSeed.Prefixes.Count];
        var divisionIndex = prefix switch { "Sales" => 1, "Collections" => 2, _ => 0 };
        var status = SimulatorSeed.MessagingInitialStatus(i);
        var created = SeedRefs.Epoch.AddDays(10).AddHours(i);

        var errors = new JsonArray();
        if (status == CampaignStatuses.Invalid)
        {
            errors.Add(new JsonObject
            {
                // The SDK's RestErrorDetail (../shared/contract; tests/fixtures/campaign.invalid.json).
                ["error"] = SimulatorSeed.InvalidMessagingCampaignErrorMessage,
                ["details"] = "The sending domain {domain} of this campaign is not verified.",
                ["userParams"] = new JsonArray(new JsonObject { ["key"] = "domain", ["value"] = "mail.example.com" }),
            });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["dateCreated"] = SeedRefs.Timestamp(created),
            ["dateModified"] = SeedRefs.Timestamp(created.AddDays(2).AddMinutes(i)),
            ["version"] = (i % 4) + 1,
            ["division"] = SeedRefs.Ref(SeedRefs.Id("a5000000", divisionIndex + 1), Divisions[divisionIndex], "/api/v2/authorization/divisions"),
            ["campaignStatus"] = status,
            ["callableTimeSet"] = SeedRefs.Ref(SeedRefs.Id("a6000000", 1), "Business Hours", "/api/v2/outbound/callabletimesets"),
            ["contactList"] = SeedRefs.Ref(SeedRefs.Id("c2000000", i), $"{name} Contacts", "/api/v2/outbound/contactlists"),
            ["dncLists"] = new JsonArray(SeedRefs.Ref(SeedRefs.Id("a8000000", 1), "DNC-Internal-001", "/api/v2/outbound/dnclists")),
            ["alwaysRunning"] = false,
            ["contactSorts"] = new JsonArray(new JsonObject { ["fieldName"] = "Priority", ["direction"] = "DESC", ["numeric"] = true }),
            ["messagesPerMinute"] = type == "EMAIL" ? 100 : 10,
            ["ruleSets"] = new JsonArray(),
            ["contactListFilters"] = new JsonArray(),
            ["errors"] = errors,
            ["dynamicContactQueueingSettings"] = new JsonObject { ["sort"] = false, ["filter"] = false },
            ["emailConfig"] = type == "EMAIL" ? EmailConfig(i, name) : null,
            ["smsConfig"] = type == "SMS" ? SmsConfig(i, name) : null,
            ["whatsAppConfig"] = type == "WHATSAPP" ? WhatsAppConfig(i, name) : null,
            ["selfUri"] = $"/api/v2/outbound/messagingcampaigns/{id}",
        };
    }

    private static JsonObject SmsConfig(int i, string name) => new()
    {
        ["messageColumn"] = "Sms_Message",
        ["phoneColumn"] = "Phone_Cell",
        // SmsPhoneNumberRef is {phoneNumber, selfUri}: no id or name.
        ["senderSmsPhoneNumber"] = new JsonObject
        {
            ["phoneNumber"] = $"+1317555{150 + (i % 50):D4}",
            ["selfUri"] = $"/api/v2/routing/sms/phonenumbers/{SeedRefs.Id("a9000000", i)}",
        },
        ["contentTemplate"] = SeedRefs.Ref(SeedRefs.Id("aa000000", i), $"Template-SMS-{name}", "/api/v2/responsemanagement/responses"),
    };

    private static JsonObject EmailConfig(int i, string name) => new()
    {
        ["emailColumns"] = new JsonArray("Email_Primary", "Email_Secondary"),
        ["contentTemplate"] = SeedRefs.Ref(SeedRefs.Id("aa000000", i), $"Template-Email-{name}", "/api/v2/responsemanagement/responses"),
        ["fromAddress"] = new JsonObject
        {
            // Domain ids are the domain names; from is an outbound domain, reply-to an inbound one.
            ["domain"] = SeedRefs.Ref("mail.example.com", "mail.example.com", "/api/v2/routing/email/outbound/domains"),
            ["friendlyName"] = "Example Outbound",
            ["localPart"] = $"campaign-{i:D3}",
        },
        ["replyToAddress"] = new JsonObject
        {
            ["domain"] = SeedRefs.Ref("replies.example.com", "replies.example.com", "/api/v2/routing/email/domains"),
            ["route"] = SeedRefs.Ref(SeedRefs.Id("ab000000", i), $"Route-{name}-Replies", "/api/v2/routing/email/domains/replies.example.com/routes"),
        },
    };

    private static JsonObject WhatsAppConfig(int i, string name) => new()
    {
        ["whatsAppColumns"] = new JsonArray("WhatsApp_Primary"),
        // AddressableEntityRef: {id, selfUri}.
        ["whatsAppIntegration"] = new JsonObject
        {
            ["id"] = SeedRefs.Id("ac000000", 1),
            ["selfUri"] = $"/api/v2/conversations/messaging/integrations/whatsapp/{SeedRefs.Id("ac000000", 1)}",
        },
        ["contentTemplate"] = SeedRefs.Ref(SeedRefs.Id("aa000000", i), $"Template-WhatsApp-{name}", "/api/v2/responsemanagement/responses"),
    };
}

using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// Builds the seeded campaign documents: every field is one of the SDK's <c>Campaign</c> model
/// (contract/outbound-api.json). With <see cref="SimulatorOptions.FieldsNewerThanTheSdk"/> they
/// also carry two fields no SDK model has (<c>customExtension</c>, <c>autoAnswer</c>), as an org
/// newer than the module may answer, so a client that rebuilds a body from its own model instead of
/// echoing the JSON it read is caught.
/// </summary>
internal static class CampaignSeedFactory
{
    private static readonly string[] DialingModes = ["preview", "progressive", "power", "predictive", "agentless"];
    private static readonly string[] Divisions = ["Home", "Sales Division", "Collections Division"];
    private static readonly double[] AbandonRates = [2.5, 3.5, 4.25, 1.75];

    public static IEnumerable<JsonObject> BuildAll(int count, bool fieldsNewerThanTheSdk = false)
    {
        for (var i = 1; i <= count; i++)
        {
            var campaign = BuildOne(i);
            if (fieldsNewerThanTheSdk)
            {
                campaign["customExtension"] = new JsonObject { ["labels"] = new JsonArray("a", "b"), ["weight"] = 0.75 };
                campaign["autoAnswer"] = false;
            }

            yield return campaign;
        }
    }

    public static JsonObject BuildOne(int i)
    {
        var id = SimulatorSeed.CampaignId(i);
        var name = SimulatorSeed.CampaignName(i);
        var prefixIndex = (i - 1) % SimulatorSeed.Prefixes.Count;
        var regionIndex = (i - 1) % SimulatorSeed.Regions.Count;
        var prefix = SimulatorSeed.Prefixes[prefixIndex];
        var region = SimulatorSeed.Regions[regionIndex];

        // Offset by i / 5 so dialing mode does not simply mirror the name prefix.
        var dialingMode = DialingModes[(i + (i / 5)) % DialingModes.Length];
        var divisionIndex = prefix switch { "Sales" => 1, "Collections" => 2, _ => 0 };
        var status = SimulatorSeed.InitialStatus(i);
        var created = SeedRefs.Epoch.AddHours(i);
        var modified = created.AddDays(3).AddMinutes(i % 47);

        var errors = new JsonArray();
        if (status == CampaignStatuses.Invalid)
        {
            errors.Add(new JsonObject
            {
                // The SDK's RestErrorDetail (../shared/contract; tests/fixtures/campaign.invalid.json).
                ["error"] = SimulatorSeed.InvalidCampaignErrorMessage,
                ["details"] = "The contact list {contactListId} assigned to this campaign has no callable contacts.",
                ["userParams"] = new JsonArray(new JsonObject { ["key"] = "contactListId", ["value"] = SeedRefs.Id("c1000000", i) }),
            });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["dateCreated"] = SeedRefs.Timestamp(created),
            ["dateModified"] = SeedRefs.Timestamp(modified),
            ["version"] = ((i * 3) % 5) + 1,
            ["contactList"] = SeedRefs.Ref(SeedRefs.Id("c1000000", i), $"{name} Contacts", "/api/v2/outbound/contactlists"),
            ["queue"] = SeedRefs.Ref(SeedRefs.Id("a1000000", regionIndex + 1), $"{region} Outbound Queue", "/api/v2/routing/queues"),
            ["dialingMode"] = dialingMode,
            ["script"] = SeedRefs.Ref(SeedRefs.Id("a2000000", prefixIndex + 1), $"{prefix} Outbound Script", "/api/v2/scripts"),
            ["edgeGroup"] = SeedRefs.Ref(SeedRefs.Id("a3000000", 1), "Outbound Edge Group", "/api/v2/telephony/providers/edges/edgegroups"),
            ["site"] = SeedRefs.Ref(SeedRefs.Id("a4000000", regionIndex + 1), $"{region} Site", "/api/v2/telephony/providers/edges/sites"),
            ["campaignStatus"] = status,
            ["phoneColumns"] = new JsonArray(new JsonObject { ["columnName"] = "Cell", ["type"] = "cell" }),
            ["abandonRate"] = AbandonRates[i % AbandonRates.Length],
            ["dncLists"] = new JsonArray(),
            ["callableTimeSet"] = SeedRefs.Ref(SeedRefs.Id("a6000000", 1), "Business Hours", "/api/v2/outbound/callabletimesets"),
            ["callAnalysisResponseSet"] = SeedRefs.Ref(SeedRefs.Id("a7000000", 1), "Default Response Set", "/api/v2/outbound/callanalysisresponsesets"),
            ["errors"] = errors,
            ["callerName"] = "Contoso Outbound",
            ["callerAddress"] = $"+1317555{i % 10000:D4}",
            ["outboundLineCount"] = 5 + (i % 4 * 5),

            // Both calls-per-agent fields, as Genesys answers them; every fourth from 2 has a fraction
            // (campaign 6: 1.5), which a PUT without useMaxCallsPerAgentDecimal would lose (CallsPerAgent).
            ["maxCallsPerAgent"] = 1 + (i % 3),
            ["maxCallsPerAgentDecimal"] = 1 + (i % 3) + (i % 4 == 2 ? 0.5 : 0.0),
            ["ruleSets"] = new JsonArray(),
            ["skipPreviewDisabled"] = false,
            ["previewTimeOutSeconds"] = dialingMode == "preview" ? 60 : 0,
            ["alwaysRunning"] = false,
            ["contactSorts"] = new JsonArray(new JsonObject
            {
                ["fieldName"] = "LastAttempt",
                ["direction"] = "ASC",
                ["numeric"] = false,
            }),
            ["noAnswerTimeout"] = 30,
            ["callAnalysisLanguage"] = "en-US",
            ["priority"] = 1 + (i % 5),
            ["contactListFilters"] = new JsonArray(),
            ["division"] = SeedRefs.Ref(SeedRefs.Id("a5000000", divisionIndex + 1), Divisions[divisionIndex], "/api/v2/authorization/divisions"),
            ["dynamicContactQueueingSettings"] = new JsonObject { ["sort"] = false },
            ["dynamicLineBalancingSettings"] = new JsonObject { ["enabled"] = true, ["relativeWeight"] = 3 },
            ["selfUri"] = $"/api/v2/outbound/campaigns/{id}",
        };
    }
}

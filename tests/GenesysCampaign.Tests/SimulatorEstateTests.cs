using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// The simulator's own behaviour beyond voice campaigns (messaging campaigns, the all-campaigns list,
/// writable sequences, rules and schedules, the simulator clock), spoken to over HTTP as a client would.
/// </summary>
public class SimulatorEstateTests
{
    private const string Messaging = "api/v2/outbound/messagingcampaigns";

    // --- Messaging campaigns.

    [Fact]
    public async Task Messaging_campaigns_are_seeded_ten_of_each_type_shaped_like_the_fixtures()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        var page = await api.GetAsync(Messaging + "?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var entities = page.Body!["entities"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(SimulatorSeed.MessagingCampaignCount, (int)page.Body["total"]!);
        Assert.Equal(30, entities.Count);

        var sms = Fixture("messagingcampaign.sms.json");
        foreach (var entity in entities)
        {
            // Every key of the SDK model, in the fixture's order, and nothing else.
            Assert.Equal(sms.Select(p => p.Key), entity.Select(p => p.Key));
        }

        var byType = entities.GroupBy(e => e["smsConfig"] is JsonObject ? "SMS" : e["emailConfig"] is JsonObject ? "EMAIL" : e["whatsAppConfig"] is JsonObject ? "WHATSAPP" : "none")
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["SMS"] = 10, ["EMAIL"] = 10, ["WHATSAPP"] = 10 }, byType);
        Assert.All(entities, e => Assert.Single(new[] { e["smsConfig"], e["emailConfig"], e["whatsAppConfig"] }, c => c is not null));

        var email = entities.Single(e => (string)e["id"]! == SimulatorSeed.OffEmailCampaignId);
        Assert.Equal(SimulatorSeed.OffEmailCampaignName, (string)email["name"]!);
        Assert.Equal("off", (string)email["campaignStatus"]!);
        Assert.Equal(Fixture("messagingcampaign.email.json")["emailConfig"]!.AsObject().Select(p => p.Key), email["emailConfig"]!.AsObject().Select(p => p.Key));
        Assert.Equal(sms["smsConfig"]!.AsObject().Select(p => p.Key), entities.First(e => e["smsConfig"] is JsonObject)["smsConfig"]!.AsObject().Select(p => p.Key));
        var whatsApp = entities.Single(e => (string)e["id"]! == SimulatorSeed.OnWhatsAppCampaignId);
        Assert.Equal(new[] { "whatsAppColumns", "whatsAppIntegration", "contentTemplate" }, whatsApp["whatsAppConfig"]!.AsObject().Select(p => p.Key));
        Assert.Equal("on", (string)whatsApp["campaignStatus"]!);

        Assert.Equal("on", Status(entities, SimulatorSeed.OnSmsCampaignId));
        Assert.Equal("complete", Status(entities, SimulatorSeed.CompleteMessagingCampaignId));
        Assert.Equal("invalid", Status(entities, SimulatorSeed.InvalidMessagingCampaignId));
        var error = entities.Single(e => (string)e["id"]! == SimulatorSeed.InvalidMessagingCampaignId)["errors"]![0]!.AsObject();
        Assert.Equal(new[] { "details", "error", "userParams" }, error.Select(p => p.Key).Order()); // The SDK's RestErrorDetail.
        Assert.Equal(SimulatorSeed.InvalidMessagingCampaignErrorMessage, (string)error["error"]!);
        Assert.Contains(Status(entities, SimulatorSeed.StoppingMessagingCampaignId), new[] { "stopping", "off" });
    }

    [Fact]
    public async Task The_messaging_list_pages_and_filters_by_type_status_and_name_prefix()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        var first = await api.GetAsync(Messaging + "?pageSize=12&pageNumber=3");
        Assert.Equal((12, 3, 30, 3), ((int)first.Body!["pageSize"]!, (int)first.Body["pageNumber"]!, (int)first.Body["total"]!, (int)first.Body["pageCount"]!));
        Assert.Equal(6, first.Body["entities"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(Messaging + "?pageSize=101")).Status);

        var whatsApp = await api.GetAsync(Messaging + "?type=WHATSAPP&pageSize=100");
        Assert.Equal(10, (int)whatsApp.Body!["total"]!);
        Assert.All(whatsApp.Body["entities"]!.AsArray(), e => Assert.NotNull(e!["whatsAppConfig"] as JsonObject));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(Messaging + "?type=sms")).Status);

        var onSms = await api.GetAsync(Messaging + "?type=SMS&campaignStatus=on&pageSize=100");
        Assert.Contains(SimulatorSeed.OnSmsCampaignId, Ids(onSms.Body!));
        Assert.All(onSms.Body!["entities"]!.AsArray(), e => Assert.Equal("on", (string)e!["campaignStatus"]!));

        var named = await api.GetAsync(Messaging + "?name=" + Uri.EscapeDataString("Sales-East-SMS"));
        Assert.Equal(new[] { SimulatorSeed.OnSmsCampaignId }, Ids(named.Body!));
        Assert.Empty(Ids((await api.GetAsync(Messaging + "?name=sales-east-sms")).Body!));

        var byId = await api.GetAsync($"{Messaging}?id={SimulatorSeed.OnSmsCampaignId}&id={SimulatorSeed.OffEmailCampaignId}");
        Assert.Equal(2, (int)byId.Body!["total"]!);
    }

    [Fact]
    public async Task Messaging_writes_follow_the_voice_rules_version_transitions_and_start_stop()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromMilliseconds(200) });
        using var api = await SimApi.ConnectAsync(sim);

        var read = (await api.GetAsync($"{Messaging}/{SimulatorSeed.OnSmsCampaignId}")).Body!.AsObject();
        var body = (JsonObject)read.DeepClone();
        body["campaignStatus"] = "off";
        body["version"] = (int)read["version"]! - 1;
        var stale = await api.PutAsync($"{Messaging}/{SimulatorSeed.OnSmsCampaignId}", body);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("The version number of the modified resource must match the version number in the database.", (string)stale.Body!["message"]!);

        body["version"] = (int)read["version"]!;
        var stopped = await api.PutAsync($"{Messaging}/{SimulatorSeed.OnSmsCampaignId}", body);
        Assert.Equal(HttpStatusCode.OK, stopped.Status);
        Assert.Equal(("stopping", (int)read["version"]! + 1), ((string)stopped.Body!["campaignStatus"]!, (int)stopped.Body["version"]!));
        Assert.Equal(read["smsConfig"]!.ToJsonString(), stopped.Body["smsConfig"]!.ToJsonString());

        var again = await api.PostAsync($"{Messaging}/{SimulatorSeed.OnSmsCampaignId}/stop");
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.EndsWith("Cannot directly change the campaign status from <STOPPING> to <OFF>", (string)again.Body!["message"]!);

        await Task.Delay(400);
        Assert.Equal("off", sim.GetStatus(SimulatorSeed.OnSmsCampaignId));

        var started = await api.PostAsync($"{Messaging}/{SimulatorSeed.OffEmailCampaignId}/start");
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.OffEmailCampaignId));

        var invalid = await api.PostAsync($"{Messaging}/{SimulatorSeed.InvalidMessagingCampaignId}/start");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.EndsWith("Invalid transition from <INVALID> to <ON>", (string)invalid.Body!["message"]!);

        sim.Options.StartStopStatus = 204;
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"{Messaging}/{SimulatorSeed.OffWhatsAppCampaignId}/start")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"{Messaging}/6d000000-0000-4000-8000-000000000999/start")).Status);
    }

    [Fact]
    public async Task The_messaging_active_cap_is_its_own_and_names_messaging_campaigns()
    {
        // A slow dialer: the seeded stopping campaigns stay active for the counts below (the 300 ms default races them).
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { MaxActiveMessagingCampaigns = 9, MaxActiveCampaigns = 11, DialerDelay = TimeSpan.FromMinutes(5) });
        using var api = await SimApi.ConnectAsync(sim);

        var refused = await api.PostAsync($"{Messaging}/{SimulatorSeed.OffEmailCampaignId}/start");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("max.active.campaigns.exceeded", (string)refused.Body!["code"]!);
        Assert.Contains("maximum number of active messaging campaigns (9)", (string)refused.Body["message"]!);

        // The voice cap (11 active seeded) is counted apart: a voice start is refused for its own reason.
        var voice = await api.PostAsync($"api/v2/outbound/campaigns/{SimulatorSeed.UnreferencedOffCampaignId}/start");
        Assert.Contains("maximum number of active campaigns (11)", (string)voice.Body!["message"]!);

        sim.Options.MaxActiveMessagingCampaigns = 25;
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"{Messaging}/{SimulatorSeed.OffEmailCampaignId}/start")).Status);
    }

    [Fact]
    public async Task Messaging_delete_refuses_an_active_campaign_and_answers_with_the_deleted_one()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.DeleteAsync($"{Messaging}/{SimulatorSeed.OnSmsCampaignId}")).Status);
        var deleted = await api.DeleteAsync($"{Messaging}/{SimulatorSeed.OffEmailCampaignId}");
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(SimulatorSeed.OffEmailCampaignName, (string)deleted.Body!["name"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{Messaging}/{SimulatorSeed.OffEmailCampaignId}")).Status);

        sim.Options.AllowDeletingActiveCampaigns = true;
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"{Messaging}/{SimulatorSeed.OnSmsCampaignId}")).Status);
    }

    [Fact]
    public async Task Tokens_me_names_the_org_and_the_OAuth_client_and_needs_no_permission()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        sim.Options.Clients["no-permission"] = new SimulatedClient("s", new HashSet<string>());
        using var api = await SimApi.ConnectAsync(sim, "no-permission");

        var me = await api.GetAsync("api/v2/tokens/me");

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(("Simulated Org", "no-permission"), ((string)me.Body!["organization"]!["name"]!, (string)me.Body["OAuthClient"]!["id"]!));
        Assert.Equal((string)me.Body["organization"]!["id"]!, (string)me.Body["OAuthClient"]!["organization"]!["id"]!);
    }

    [Fact]
    public async Task Messaging_progress_is_a_campaign_progress()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        var progress = await api.GetAsync($"{Messaging}/{SimulatorSeed.CompleteMessagingCampaignId}/progress");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        Assert.Equal(Fixture("campaignprogress.json").Select(p => p.Key), progress.Body!.AsObject().Select(p => p.Key));
        Assert.Equal(100, (int)progress.Body["percentage"]!);
        Assert.Equal(SimulatorSeed.CompleteMessagingCampaignId, (string)progress.Body["campaign"]!["id"]!);
    }

    [Theory]
    [InlineData(SimulatorSeed.LeastPrivilegeClientId, "GET", "", HttpStatusCode.OK)]
    [InlineData(SimulatorSeed.LeastPrivilegeClientId, "POST", "/start", HttpStatusCode.Accepted)]
    [InlineData(SimulatorSeed.LeastPrivilegeClientId, "PUT", "", HttpStatusCode.Forbidden)]
    [InlineData(SimulatorSeed.EditOnlyClientId, "PUT", "", HttpStatusCode.OK)]
    [InlineData(SimulatorSeed.EditOnlyClientId, "POST", "/start", HttpStatusCode.Forbidden)]
    [InlineData(SimulatorSeed.ViewOnlyClientId, "GET", "", HttpStatusCode.OK)]
    [InlineData(SimulatorSeed.ViewOnlyClientId, "POST", "/stop", HttpStatusCode.Forbidden)]
    [InlineData(SimulatorSeed.LeastPrivilegeClientId, "DELETE", "", HttpStatusCode.Forbidden)]
    public async Task Messaging_permissions_are_the_SDK_lists(string clientId, string method, string suffix, HttpStatusCode expected)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim, clientId);
        using var admin = await SimApi.ConnectAsync(sim);
        var path = $"{Messaging}/{SimulatorSeed.OffEmailCampaignId}{suffix}";

        var answer = method switch
        {
            "GET" => await api.GetAsync(path),
            "POST" => await api.PostAsync(path),
            "DELETE" => await api.DeleteAsync(path),
            _ => await api.PutAsync(path, (await admin.GetAsync(path)).Body!.AsObject()),
        };

        Assert.Equal(expected, answer.Status);
        if (expected == HttpStatusCode.Forbidden && method != "DELETE")
        {
            // The SDK's list, any one of which will do (contract/outbound-api.json): messaging, email, WhatsApp.
            var verb = method == "PUT" ? "edit" : suffix.TrimStart('/');
            Assert.Equal(
                $"Unable to perform the requested action. You must have at least one of the following permissions assigned: [outbound:messagingCampaign:{verb}, outbound:emailCampaign:{verb}, outbound:whatsAppCampaign:{verb}]",
                (string)answer.Body!["message"]!);
        }
        else if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("Missing permission outbound:messagingCampaign:delete", (string)answer.Body!["message"]!);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_messaging_type_publishes_on_its_own_topic_and_with_the_switch_on_the_generic_one(bool everyTopic)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { MessagingEventsOnEveryTopic = everyTopic });
        using var api = await SimApi.ConnectAsync(sim);
        var email = SimulatorSeed.OffEmailCampaignId;
        var sms = SimulatorSeed.OffSmsCampaignId;
        var topics = new[]
        {
            "v2.outbound.messagingcampaigns." + email, "v2.outbound.emailcampaigns." + email, "v2.outbound.whatsappcampaigns." + email,
            "v2.outbound.messagingcampaigns." + sms, "v2.outbound.emailcampaigns." + sms,
        };
        using var socket = await api.SubscribeAsync(topics, expectPermitted: true);

        await api.PostAsync($"{Messaging}/{email}/start");
        await api.PostAsync($"{Messaging}/{sms}/start");
        var events = await socket.ReceiveEventsAsync(everyTopic ? 3 : 2);

        var expected = new List<string> { "v2.outbound.emailcampaigns." + email };
        if (everyTopic)
        {
            expected.Add("v2.outbound.messagingcampaigns." + email);
        }

        expected.Add("v2.outbound.messagingcampaigns." + sms);
        Assert.Equal(expected.Order(), events.Select(e => (string)e["topicName"]!).Order());
        Assert.All(events, e => Assert.Equal("on", (string)e["eventBody"]!["campaignStatus"]!));
        Assert.All(events, e => Assert.NotNull(e["eventBody"]!["name"]));
        Assert.Empty(await socket.ReceiveEventsAsync(1, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Messaging_events_honour_minimal_bodies()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { MinimalNotificationBodies = true });
        using var api = await SimApi.ConnectAsync(sim);
        using var socket = await api.SubscribeAsync(["v2.outbound.whatsappcampaigns." + SimulatorSeed.OffWhatsAppCampaignId], expectPermitted: true);

        sim.SetStatus(SimulatorSeed.OffWhatsAppCampaignId, "on");
        var body = Assert.Single(await socket.ReceiveEventsAsync(1))["eventBody"]!.AsObject();
        Assert.Equal(new[] { "campaignStatus", "version", "errors", "dateModified" }, body.Select(p => p.Key));
    }

    // --- All campaigns.

    [Theory]
    [InlineData("api/v2/outbound/campaigns/all")]
    [InlineData("api/v2/outbound/campaigns/all/divisionviews")]
    public async Task All_campaigns_lists_every_kind_as_summaries(string path)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        var page = await api.GetAsync(path + "?pageSize=100&pageNumber=1");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(60 + SimulatorSeed.MessagingCampaignCount, (int)page.Body!["total"]!);
        Assert.Equal(1 + ((60 + 30 - 1) / 100), (int)page.Body["pageCount"]!);
        var entries = page.Body["entities"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.All(entries, e => Assert.Equal(new[] { "id", "name", "division", "mediaType", "selfUri" }, e.Select(p => p.Key)));
        Assert.Equal(entries.Select(e => (string)e["name"]!).Order(StringComparer.OrdinalIgnoreCase), entries.Select(e => (string)e["name"]!));

        var sms = entries.Single(e => (string)e["id"]! == SimulatorSeed.OnSmsCampaignId);
        Assert.Equal(("sms", $"/api/v2/outbound/messagingcampaigns/{SimulatorSeed.OnSmsCampaignId}"), ((string)sms["mediaType"]!, (string)sms["selfUri"]!));
        Assert.Equal("voice", (string)entries.Single(e => (string)e["id"]! == SimulatorSeed.UnreferencedOnCampaignId)["mediaType"]!);
    }

    [Fact]
    public async Task All_campaigns_filters_by_id_name_media_type_and_division()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        const string All = "api/v2/outbound/campaigns/all";

        var byId = await api.GetAsync($"{All}?id={SimulatorSeed.OnWhatsAppCampaignId}&id={SimulatorSeed.CompleteCampaignId}");
        Assert.Equal(new[] { SimulatorSeed.OnWhatsAppCampaignId, SimulatorSeed.CompleteCampaignId }.Order(), Ids(byId.Body!).Order());

        var whatsApp = await api.GetAsync($"{All}?mediaType=whatsapp&pageSize=100");
        Assert.Equal(10, (int)whatsApp.Body!["total"]!);
        var voiceAndEmail = await api.GetAsync($"{All}?mediaType=voice&mediaType=email&pageSize=100");
        Assert.Equal(70, (int)voiceAndEmail.Body!["total"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{All}?mediaType=SMS")).Status);

        var named = await api.GetAsync($"{All}?name=Sales-East-&pageSize=100");
        Assert.Contains(SimulatorSeed.OnSmsCampaignId, Ids(named.Body!));
        Assert.Contains(SimulatorSeed.EnabledRuleTargetCampaignId, Ids(named.Body!));
        Assert.All(named.Body!["entities"]!.AsArray(), e => Assert.StartsWith("Sales-East-", (string)e!["name"]!, StringComparison.Ordinal));

        var home = "a5000000-0000-4000-8000-000000000001";
        var division = await api.GetAsync($"{All}?divisionId={home}&pageSize=100");
        Assert.All(division.Body!["entities"]!.AsArray(), e => Assert.Equal(home, (string)e!["division"]!["id"]!));
        Assert.NotEmpty(division.Body!["entities"]!.AsArray());
    }

    [Fact]
    public async Task All_campaigns_full_entries_carry_the_whole_document_and_need_any_one_view()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { AllCampaignsFullEntries = true });
        sim.Options.Clients["voice-only"] = new SimulatedClient("s", new HashSet<string> { EndpointPermissions.CampaignView });
        sim.Options.Clients["no-view"] = new SimulatedClient("s", new HashSet<string> { EndpointPermissions.SequenceView });
        using var api = await SimApi.ConnectAsync(sim);
        using var voiceOnly = await SimApi.ConnectAsync(sim, "voice-only");
        using var noView = await SimApi.ConnectAsync(sim, "no-view");

        var page = await api.GetAsync($"api/v2/outbound/campaigns/all?id={SimulatorSeed.OnEmailCampaignId}");
        var entry = page.Body!["entities"]![0]!.AsObject();
        Assert.Equal("email", (string)entry["mediaType"]!);
        Assert.Equal("on", (string)entry["campaignStatus"]!);
        Assert.NotNull(entry["emailConfig"]);

        // The SDK: "Requires ANY permissions" of the four kinds' views (contract/outbound-api.json).
        Assert.Equal(HttpStatusCode.OK, (await voiceOnly.GetAsync("api/v2/outbound/campaigns/all")).Status);
        var refused = await noView.GetAsync("api/v2/outbound/campaigns/all");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(
            "Unable to perform the requested action. You must have at least one of the following permissions assigned: [outbound:campaign:view, outbound:messagingCampaign:view, outbound:emailCampaign:view, outbound:whatsAppCampaign:view]",
            (string)refused.Body!["message"]!);
    }

    // --- Writable sequences, rules and schedules.

    [Fact]
    public async Task A_sequence_PUT_enforces_version_and_status_and_keeps_read_only_fields()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        var path = $"api/v2/outbound/sequences/{SimulatorSeed.WinterSequenceId}";
        var read = (await api.GetAsync(path)).Body!.AsObject();

        var body = (JsonObject)read.DeepClone();
        body["version"] = (int)read["version"]! + 5;
        var stale = await api.PutAsync(path, body);
        Assert.Equal((HttpStatusCode.Conflict, "general.conflict"), (stale.Status, (string?)stale.Body!["code"]));
        Assert.Equal("The version number of the modified resource must match the version number in the database.", (string)stale.Body["message"]!);

        body["version"] = read["version"]!.DeepClone();
        body["status"] = "complete";
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsync(path, body)).Status);

        body["status"] = "off";
        body["currentCampaign"] = 1;
        body["repeat"] = true;
        var written = await api.PutAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, written.Status);
        Assert.Equal(((int)read["version"]! + 1, 0, true), ((int)written.Body!["version"]!, (int)written.Body["currentCampaign"]!, (bool)written.Body["repeat"]!));
        Assert.Equal(read.Select(p => p.Key), written.Body.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_rule_PUT_needs_enabled_and_the_current_version()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        var path = $"api/v2/outbound/campaignrules/{SimulatorSeed.EnabledRuleId}";
        var read = (await api.GetAsync(path)).Body!.AsObject();

        var body = (JsonObject)read.DeepClone();
        body.Remove("enabled");
        var missing = await api.PutAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("enabled", (string)missing.Body!["message"]!);

        body["enabled"] = false;
        var written = await api.PutAsync(path, body);
        Assert.Equal((HttpStatusCode.OK, false), (written.Status, (bool)written.Body!["enabled"]!));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsync(path, body)).Status);
        Assert.False((bool)(await api.GetAsync(path)).Body!["enabled"]!);
    }

    [Fact]
    public async Task The_seeded_messaging_rule_and_schedules_are_shaped_like_the_fixtures()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        var rule = (await api.GetAsync($"api/v2/outbound/campaignrules/{SimulatorSeed.MessagingRuleId}")).Body!.AsObject();
        var fixture = Fixture("campaignrule.json");
        Assert.Equal(fixture.Select(p => p.Key), rule.Select(p => p.Key));
        Assert.Equal(fixture["campaignRuleConditions"]![0]!["parameters"]!.AsObject().Select(p => p.Key), rule["campaignRuleConditions"]![0]!["parameters"]!.AsObject().Select(p => p.Key));
        Assert.Equal(SimulatorSeed.OffSmsCampaignId, (string)rule["campaignRuleEntities"]!["smsCampaigns"]![0]!["id"]!);
        Assert.Equal(SimulatorSeed.MessagingRuleTargetCampaignId, (string)rule["campaignRuleActions"]![0]!["campaignRuleActionEntities"]!["smsCampaigns"]![0]!["id"]!);
        Assert.Equal(3, (int)(await api.GetAsync("api/v2/outbound/campaignrules")).Body!["total"]!);

        var scheduleKeys = Fixture("schedule.campaign.json").Select(p => p.Key).ToList();
        var sequenceSchedules = (await api.GetAsync("api/v2/outbound/schedules/sequences")).Body!.AsArray();
        var sequenceSchedule = Assert.Single(sequenceSchedules)!.AsObject();
        Assert.Equal(scheduleKeys.Select(k => k == "campaign" ? "sequence" : k), sequenceSchedule.Select(p => p.Key));
        Assert.Equal(SimulatorSeed.WinterSequenceId, (string)sequenceSchedule["sequence"]!["id"]!);

        // The messaging, email and WhatsApp schedule lists are entity listings (SDK), each shaped as its fixture page.
        foreach (var (segment, target, id) in new[]
        {
            ("messagingcampaign", "messagingCampaign", SimulatorSeed.ScheduledMessagingCampaignId),
            ("emailcampaign", "emailCampaign", SimulatorSeed.ScheduledEmailCampaignId),
            ("whatsappcampaign", "whatsAppCampaign", SimulatorSeed.ScheduledWhatsAppCampaignId),
        })
        {
            var page = Fixture($"schedule.{segment}.page.json");
            var listing = (await api.GetAsync($"api/v2/outbound/schedules/{segment}s")).Body!.AsObject();
            Assert.Equal(page.Where(p => p.Value is not null).Select(p => p.Key).Order(), listing.Select(p => p.Key).Order()); // A null key is one the API leaves out (fixtures README).
            var schedule = Assert.Single(listing["entities"]!.AsArray())!.AsObject();
            Assert.Equal(page["entities"]![0]!.AsObject().Select(p => p.Key), schedule.Select(p => p.Key));
            Assert.Equal(page["entities"]![0]!["recurrences"]![0]!.AsObject().Select(p => p.Key), schedule["recurrences"]![0]!.AsObject().Select(p => p.Key));
            Assert.Equal(id, (string)schedule[target]!["id"]!);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"api/v2/outbound/schedules/{segment}s/{id}")).Status);
        }

        // The original campaign schedule is untouched.
        var campaignSchedule = Assert.Single((await api.GetAsync("api/v2/outbound/schedules/campaigns")).Body!.AsArray())!;
        Assert.Equal(SimulatorSeed.ScheduleId, (string)campaignSchedule["id"]!);
    }

    [Fact]
    public async Task A_schedule_PUT_creates_then_replaces_with_the_version_and_DELETE_removes_it()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        var id = SimulatorSeed.UnreferencedOffCampaignId;
        var path = $"api/v2/outbound/schedules/campaigns/{id}";
        var body = new JsonObject
        {
            ["name"] = "Test schedule",
            ["intervals"] = new JsonArray(new JsonObject { ["start"] = "2031-01-01T10:00:00.000Z", ["end"] = "2031-01-01T12:00:00.000Z" }),
            ["recurrences"] = new JsonArray(),
            ["timeZone"] = "Mars/Olympus_Mons",
            ["campaign"] = new JsonObject { ["id"] = id, ["name"] = SimulatorSeed.UnreferencedOffCampaignName },
        };

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsync(path, body)).Status);
        body["timeZone"] = "Europe/Paris";
        var created = await api.PutAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal((1, id, "/api/v2/outbound/schedules/campaigns/" + id), ((int)created.Body!["version"]!, (string)created.Body["id"]!, (string)created.Body["selfUri"]!));
        Assert.Equal(2, (await api.GetAsync("api/v2/outbound/schedules/campaigns")).Body!.AsArray().Count);

        body["version"] = 7;
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsync(path, body)).Status);
        body["version"] = 1;
        Assert.Equal(2, (int)(await api.PutAsync(path, body)).Body!["version"]!);

        var elsewhere = (JsonObject)body.DeepClone();
        elsewhere["campaign"]!["id"] = SimulatorSeed.CompleteCampaignId;
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsync(path, elsewhere)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync($"api/v2/outbound/schedules/sequences/{id}", new JsonObject { ["intervals"] = new JsonArray(), ["sequence"] = new JsonObject { ["id"] = id } })).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync(path)).Status);
    }

    [Theory]
    [InlineData("PUT", "api/v2/outbound/sequences/" + SimulatorSeed.WinterSequenceId, "outbound:campaignSequence:edit")]
    [InlineData("PUT", "api/v2/outbound/campaignrules/" + SimulatorSeed.EnabledRuleId, "outbound:campaignRule:edit")]
    [InlineData("PUT", "api/v2/outbound/schedules/campaigns/" + SimulatorSeed.ScheduledCampaignId, "outbound:schedule:edit, outbound:campaign:editSchedule")]
    [InlineData("DELETE", "api/v2/outbound/schedules/messagingcampaigns/" + SimulatorSeed.ScheduledMessagingCampaignId, "outbound:messagingCampaignSchedule:delete, outbound:messagingCampaign:deleteSchedule")]
    [InlineData("DELETE", "api/v2/outbound/schedules/emailcampaigns/" + SimulatorSeed.ScheduledEmailCampaignId, "outbound:emailCampaignSchedule:delete, outbound:emailCampaign:deleteSchedule")]
    public async Task The_least_privilege_client_reads_but_cannot_change_dependencies(string method, string path, string permission)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var least = await SimApi.ConnectAsync(sim, SimulatorSeed.LeastPrivilegeClientId);

        var read = await least.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        var answer = method == "PUT" ? await least.PutAsync(path, read.Body!) : await least.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(
            permission.Contains(',', StringComparison.Ordinal) ? $"Unable to perform the requested action. You must have at least one of the following permissions assigned: [{permission}]" : "Missing permission " + permission,
            (string)answer.Body!["message"]!);
    }

    // --- The simulator clock and what the org does by itself.

    [Fact]
    public async Task The_clock_moves_ahead_over_the_admin_endpoint_and_never_back()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        var moved = await api.AdminAsync(HttpMethod.Post, "__sim/clock/advance", new JsonObject { ["seconds"] = 3600 });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(3600, (double)moved.Body!["offsetSeconds"]!);
        Assert.InRange(sim.ClockNow - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.AdminAsync(HttpMethod.Post, "__sim/clock/advance", new JsonObject { ["seconds"] = -1 })).Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.AdvanceClock(TimeSpan.FromSeconds(-1)));
        Assert.Equal(3600, (double)(await api.AdminAsync(HttpMethod.Get, "__sim/clock")).Body!["offsetSeconds"]!);
    }

    [Fact]
    public async Task A_schedule_interval_turns_its_messaging_campaign_on_at_its_start_and_off_at_its_end()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromMilliseconds(100) });
        using var api = await SimApi.ConnectAsync(sim);
        var id = SimulatorSeed.ScheduledMessagingCampaignId;
        using var socket = await api.SubscribeAsync(["v2.outbound.messagingcampaigns." + id], expectPermitted: true);
        var version = sim.GetVersion(id);

        MoveTo(sim, SimulatorSeed.MessagingScheduleIntervalStart.AddSeconds(-30));
        Assert.Equal("off", sim.GetStatus(id));
        MoveTo(sim, SimulatorSeed.MessagingScheduleIntervalStart.AddSeconds(1));
        Assert.Equal(("on", version + 1), (sim.GetStatus(id), sim.GetVersion(id)));
        Assert.Equal("on", (string)Assert.Single(await socket.ReceiveEventsAsync(1))["eventBody"]!["campaignStatus"]!);

        MoveTo(sim, SimulatorSeed.MessagingScheduleIntervalEnd.AddSeconds(1));
        Assert.Equal("stopping", sim.GetStatus(id));
        await Task.Delay(250);
        Assert.Equal("off", sim.GetStatus(id));
        Assert.Contains(sim.AutomationLog, e => e.Target == id && e.Action == "off" && e.Outcome == "changed" && e.Source == "schedule:" + id);
    }

    [Fact]
    public async Task A_weekly_recurrence_runs_on_its_days_in_its_time_zone()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.Zero });
        var id = SimulatorSeed.ScheduledMessagingCampaignId;

        // Mondays and Wednesdays 09:00-17:00 Europe/London (UTC in winter).
        MoveTo(sim, new DateTimeOffset(2030, 1, 14, 9, 0, 5, TimeSpan.Zero));
        Assert.Equal("on", sim.GetStatus(id));
        MoveTo(sim, new DateTimeOffset(2030, 1, 14, 17, 0, 5, TimeSpan.Zero));
        Assert.Contains(sim.GetStatus(id), new[] { "stopping", "off" });
        MoveTo(sim, new DateTimeOffset(2030, 1, 15, 9, 0, 5, TimeSpan.Zero));
        await Task.Delay(50);
        Assert.Equal("off", sim.GetStatus(id));
        MoveTo(sim, new DateTimeOffset(2030, 1, 16, 9, 0, 5, TimeSpan.Zero));
        Assert.Equal("on", sim.GetStatus(id));
        MoveTo(sim, new DateTimeOffset(2030, 1, 16, 17, 0, 5, TimeSpan.Zero));
        await Task.Delay(50);

        // The last Wednesday of the range (it ends 2030-03-29), still GMT: summer time starts on 31 March.
        MoveTo(sim, new DateTimeOffset(2030, 3, 27, 9, 0, 5, TimeSpan.Zero));
        Assert.Equal("on", sim.GetStatus(id));
        MoveTo(sim, new DateTimeOffset(2030, 3, 27, 17, 0, 5, TimeSpan.Zero));
        MoveTo(sim, new DateTimeOffset(2030, 4, 1, 8, 0, 5, TimeSpan.Zero));
        await Task.Delay(50);
        Assert.Equal("off", sim.GetStatus(id));
    }

    [Fact]
    public async Task A_daily_recurrence_put_over_the_API_turns_a_voice_campaign_on_in_its_zone()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.Zero });
        using var api = await SimApi.ConnectAsync(sim);
        var id = SimulatorSeed.UnreferencedOffCampaignId;
        var schedule = new JsonObject
        {
            ["name"] = "Daily",
            ["intervals"] = new JsonArray(),
            ["recurrences"] = new JsonArray(new JsonObject
            {
                ["id"] = "5d000000-0000-4000-8000-000000000099",
                ["start"] = "2030-07-01T08:00:00",
                ["end"] = "2030-07-01T09:00:00",
                ["timeZone"] = "America/New_York",
                ["pattern"] = new JsonObject { ["type"] = "Daily", ["interval"] = 2, ["daysOfWeek"] = null },
                ["range"] = new JsonObject { ["type"] = "Numbered", ["end"] = null, ["numberOfOccurrences"] = 3 },
                ["alterations"] = new JsonArray(),
            }),
            ["timeZone"] = "America/New_York",
            ["campaign"] = new JsonObject { ["id"] = id },
        };
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"api/v2/outbound/schedules/campaigns/{id}", schedule)).Status);

        // 08:00 EDT is 12:00 UTC; every other day, three times: 1, 3 and 5 July.
        MoveTo(sim, new DateTimeOffset(2030, 7, 1, 12, 0, 5, TimeSpan.Zero));
        Assert.Equal("on", sim.GetStatus(id));
        MoveTo(sim, new DateTimeOffset(2030, 7, 1, 13, 0, 5, TimeSpan.Zero));
        MoveTo(sim, new DateTimeOffset(2030, 7, 2, 12, 0, 5, TimeSpan.Zero));
        Assert.Equal("off", sim.GetStatus(id));
        MoveTo(sim, new DateTimeOffset(2030, 7, 5, 12, 0, 5, TimeSpan.Zero));
        Assert.Equal("on", sim.GetStatus(id));
        MoveTo(sim, new DateTimeOffset(2030, 7, 5, 13, 0, 5, TimeSpan.Zero));
        MoveTo(sim, new DateTimeOffset(2030, 7, 7, 12, 0, 5, TimeSpan.Zero));
        Assert.Equal("off", sim.GetStatus(id));
    }

    [Fact]
    public async Task A_scheduled_sequence_runs_its_campaigns_one_after_another_until_complete()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        var sequence = $"api/v2/outbound/sequences/{SimulatorSeed.WinterSequenceId}";
        var before = (await api.GetAsync(sequence)).Body!;

        MoveTo(sim, SimulatorSeed.SequenceScheduleStart.AddSeconds(1));
        var running = (await api.GetAsync(sequence)).Body!;
        Assert.Equal(("on", 0, (int)before["version"]! + 1), ((string)running["status"]!, (int)running["currentCampaign"]!, (int)running["version"]!));
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.WinterSequenceFirstCampaignId));
        Assert.Equal("off", sim.GetStatus(SimulatorSeed.WinterSequenceSecondCampaignId));

        sim.CompleteCampaign(SimulatorSeed.WinterSequenceFirstCampaignId);
        Assert.Equal(1, (int)(await api.GetAsync(sequence)).Body!["currentCampaign"]!);
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.WinterSequenceSecondCampaignId));

        var completed = await api.AdminAsync(HttpMethod.Post, $"__sim/campaigns/{SimulatorSeed.WinterSequenceSecondCampaignId}/complete");
        Assert.Equal("complete", (string)completed.Body!["campaignStatus"]!);
        Assert.Equal("complete", (string)(await api.GetAsync(sequence)).Body!["status"]!);

        // The schedule's end finds the sequence complete: it stays complete.
        MoveTo(sim, SimulatorSeed.SequenceScheduleEnd.AddSeconds(1));
        Assert.Equal("complete", (string)(await api.GetAsync(sequence)).Body!["status"]!);
    }

    [Fact]
    public async Task A_repeating_sequence_starts_over_and_a_sequence_PUT_on_starts_its_current_campaign()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);

        sim.CompleteCampaign(SimulatorSeed.RenewalsSequenceOnCampaignId);
        var renewals = (await api.GetAsync($"api/v2/outbound/sequences/{SimulatorSeed.RenewalsSequenceId}")).Body!;
        Assert.Equal(("on", 0), ((string)renewals["status"]!, (int)renewals["currentCampaign"]!));
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.RenewalsSequenceOffCampaignId));

        var winterPath = $"api/v2/outbound/sequences/{SimulatorSeed.WinterSequenceId}";
        var winter = (await api.GetAsync(winterPath)).Body!.AsObject();
        winter["status"] = "on";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync(winterPath, winter)).Status);
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.WinterSequenceFirstCampaignId));

        // Turning it off leaves its campaign running unless the switch says otherwise.
        winter = (await api.GetAsync(winterPath)).Body!.AsObject();
        winter["status"] = "off";
        await api.PutAsync(winterPath, winter);
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.WinterSequenceFirstCampaignId));
        sim.Options.SequenceOffStopsCurrentCampaign = true;
        winter = (await api.GetAsync(winterPath)).Body!.AsObject();
        winter["status"] = "on";
        await api.PutAsync(winterPath, winter);
        winter = (await api.GetAsync(winterPath)).Body!.AsObject();
        winter["status"] = "off";
        await api.PutAsync(winterPath, winter);
        Assert.Contains(sim.GetStatus(SimulatorSeed.WinterSequenceFirstCampaignId), new[] { "stopping", "off" });
    }

    [Fact]
    public async Task A_triggered_enabled_rule_turns_its_messaging_campaign_on_and_a_disabled_one_does_nothing()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        using var socket = await api.SubscribeAsync(["v2.outbound.messagingcampaigns." + SimulatorSeed.MessagingRuleTargetCampaignId], expectPermitted: true);

        var done = sim.TriggerRule(SimulatorSeed.MessagingRuleId);
        Assert.Equal((SimulatorSeed.MessagingRuleTargetCampaignId, "turnOnCampaign", "changed"), (Assert.Single(done).Target, done[0].Action, done[0].Outcome));
        Assert.Equal("on", sim.GetStatus(SimulatorSeed.MessagingRuleTargetCampaignId));
        Assert.Single(await socket.ReceiveEventsAsync(1));

        var disabled = await api.AdminAsync(HttpMethod.Post, $"__sim/campaignrules/{SimulatorSeed.DisabledRuleId}/trigger");
        Assert.Equal("disabled", (string)disabled.Body![0]!["outcome"]!);
        Assert.Equal("off", sim.GetStatus(SimulatorSeed.DisabledRuleTargetCampaignId));
        Assert.Equal(HttpStatusCode.NotFound, (await api.AdminAsync(HttpMethod.Post, "__sim/campaignrules/7a000000-0000-4000-8000-000000000999/trigger")).Status);
    }

    [Fact]
    public async Task A_rule_rewritten_over_the_API_turns_off_a_voice_campaign_and_a_sequence()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        var path = $"api/v2/outbound/campaignrules/{SimulatorSeed.EnabledRuleId}";
        var rule = (await api.GetAsync(path)).Body!.AsObject();
        rule["campaignRuleActions"] = new JsonArray(
            new JsonObject
            {
                ["actionType"] = "turnOffCampaign",
                ["campaignRuleActionEntities"] = new JsonObject { ["campaigns"] = new JsonArray(new JsonObject { ["id"] = SimulatorSeed.UnreferencedOnCampaignId }), ["useTriggeringEntity"] = false },
            },
            new JsonObject
            {
                ["actionType"] = "turnOffSequence",
                ["campaignRuleActionEntities"] = new JsonObject { ["sequences"] = new JsonArray(new JsonObject { ["id"] = SimulatorSeed.RenewalsSequenceId }) },
            },
            new JsonObject { ["actionType"] = "setCampaignPriority", ["campaignRuleActionEntities"] = new JsonObject() });
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync(path, rule)).Status);
        using var socket = await api.SubscribeAsync(["v2.outbound.campaigns." + SimulatorSeed.UnreferencedOnCampaignId], expectPermitted: true);
        var version = sim.GetVersion(SimulatorSeed.UnreferencedOnCampaignId);

        var done = sim.TriggerRule(SimulatorSeed.EnabledRuleId);

        Assert.Equal(new[] { "changed", "changed", "not simulated" }, done.Select(d => d.Outcome));
        Assert.Equal(("stopping", version + 1), (sim.GetStatus(SimulatorSeed.UnreferencedOnCampaignId), sim.GetVersion(SimulatorSeed.UnreferencedOnCampaignId)));
        Assert.Equal("stopping", (string)(await socket.ReceiveEventsAsync(1))[0]["eventBody"]!["campaignStatus"]!);
        Assert.Equal("off", (string)(await api.GetAsync($"api/v2/outbound/sequences/{SimulatorSeed.RenewalsSequenceId}")).Body!["status"]!);
    }

    // --- Helpers.

    /// <summary>Moves the simulator clock to just <paramref name="when"/> (it must lie ahead).</summary>
    internal static void MoveTo(GenesysSimulator sim, DateTimeOffset when) => sim.AdvanceClock(when - sim.ClockNow);

    /// <summary>tests/fixtures: the SDK-shaped samples the simulator's objects must match (their README says where they come from).</summary>
    internal static JsonObject Fixture(string name) => JsonNode.Parse(DependencyModelTests.FixtureText(name))!.AsObject();

    internal static string Status(IEnumerable<JsonObject> entities, string id) => (string)entities.Single(e => (string)e["id"]! == id)["campaignStatus"]!;

    internal static string[] Ids(JsonNode page) => page["entities"]!.AsArray().Select(e => (string)e!["id"]!).ToArray();
}

/// <summary>A bearer-token HTTP client of one simulator, as a Genesys client would be.</summary>
internal sealed class SimApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly GenesysSimulator _sim;
    private readonly List<IDisposable> _owned = [];

    private SimApi(HttpClient http, GenesysSimulator sim)
    {
        _http = http;
        _sim = sim;
    }

    public static async Task<SimApi> ConnectAsync(GenesysSimulator sim, string? clientId = null)
    {
        var http = new HttpClient { BaseAddress = sim.BaseUri };
        var id = clientId ?? sim.Options.ClientId;
        var secret = clientId is null ? sim.Options.ClientSecret : sim.Options.Clients[clientId].Secret;
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new SimApi(http, sim);
    }

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Answer> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Answer> PostAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    /// <summary>An admin call (no token needed, sent anyway).</summary>
    public Task<Answer> AdminAsync(HttpMethod method, string path, JsonNode? body = null) => SendAsync(method, path, body);

    /// <summary>Creates a channel, subscribes to <paramref name="topics"/> and opens its socket.</summary>
    public async Task<EventSocket> SubscribeAsync(IReadOnlyList<string> topics, bool expectPermitted)
    {
        var channel = (await PostAsync("api/v2/notifications/channels")).Body!;
        var subscribed = await PutAsync($"api/v2/notifications/channels/{channel["id"]}/subscriptions", new JsonArray(topics.Select(t => (JsonNode)new JsonObject { ["id"] = t }).ToArray()));
        if (expectPermitted)
        {
            Assert.All(subscribed.Body!["entities"]!.AsArray(), e => Assert.Equal("Permitted", (string)e!["state"]!));
        }

        var before = _sim.ConnectedSockets;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)channel["connectUri"]!), CancellationToken.None);

        // The server attaches the socket just after the handshake: events sent before that are not for it.
        for (var i = 0; i < 200 && _sim.ConnectedSockets <= before; i++)
        {
            await Task.Delay(10);
        }

        var events = new EventSocket(socket);
        _owned.Add(events);
        return events;
    }

    public void Dispose()
    {
        _owned.ForEach(o => o.Dispose());
        _http.Dispose();
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>An HTTP answer: status and parsed body (null when empty).</summary>
    internal sealed record Answer(HttpStatusCode Status, JsonNode? Body);
}

/// <summary>A notification socket that hands out the events it receives, heartbeats left out.</summary>
internal sealed class EventSocket(ClientWebSocket socket) : IDisposable
{
    /// <summary>Up to <paramref name="count"/> events, waiting at most <paramref name="timeout"/> (5 s) in all.</summary>
    public async Task<List<JsonObject>> ReceiveEventsAsync(int count, TimeSpan? timeout = null)
    {
        var events = new List<JsonObject>();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[1 << 16];
        try
        {
            while (events.Count < count)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancel.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                if ((string?)node["topicName"] != "channel.metadata")
                {
                    events.Add(node);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Fewer than asked for: the caller asserts on what came.
        }

        return events;
    }

    public void Dispose()
    {
        socket.Abort();
        socket.Dispose();
    }
}

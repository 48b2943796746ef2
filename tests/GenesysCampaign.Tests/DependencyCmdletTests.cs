using System.Management.Automation;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;

namespace GenesysCampaign.Tests;

/// <summary>Get-GenesysCampaignSequence, Get-GenesysCampaignRule and Get-GenesysCampaignSchedule in a runspace, against the simulator.</summary>
public class DependencyCmdletTests
{
    private const string MissingSequenceId = "5e000000-0000-4000-8000-000000000099";
    private const string MissingRuleId = "7a000000-0000-4000-8000-000000000099";

    private static async Task<(TestOrg Org, PowerShellHost Host)> StartAsync()
    {
        var org = await TestOrg.StartAsync();
        var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri);
        org.Simulator.ClearRequests();
        return (org, host);
    }

    private static List<T> Objects<T>(IEnumerable<PSObject> output) => output.Select(o => Assert.IsType<T>(o.BaseObject)).ToList();

    private static void AssertError(ErrorRecord error, string id, ErrorCategory category, object? target)
    {
        Assert.StartsWith(id + ",", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(target, error.TargetObject);
    }

    private static int Gets(TestOrg org, string path) => org.Simulator.Requests.Count(r => r.Method == "GET" && r.Path == path);

    /// <summary>A full-body PUT through the module's own client (the simulator creates a schedule that does not exist).</summary>
    private static Task<GenesysCloud.Outbound.Api.ApiResponse> Put(TestOrg org, string path, JsonNode body) =>
        org.Client().SendAsync(HttpMethod.Put, path, body.ToJsonString(), null, "test setup", CancellationToken.None);

    [Fact]
    public async Task Get_GenesysCampaignSequence_lists_by_name_any_case_id_and_status()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        var all = Objects<GenesysCampaignSequence>(host.Run("Get-GenesysCampaignSequence"));
        Assert.Equal(new[] { SimulatorSeed.RenewalsSequenceName, SimulatorSeed.WinterSequenceName }, all.Select(s => s.Name));
        Assert.Equal(1, Gets(org, "/api/v2/outbound/sequences"));
        Assert.DoesNotContain(org.Simulator.Requests, r => r.Query.Contains("name=", StringComparison.Ordinal));

        var renewals = Assert.Single(Objects<GenesysCampaignSequence>(host.Run("Get-GenesysCampaignSequence 'renewals*'")));
        Assert.Equal((SimulatorSeed.RenewalsSequenceId, "on", SimulatorSeed.RenewalsSequenceOnCampaignName), (renewals.Id, renewals.Status, renewals.Current!.Name));
        Assert.Equal(SimulatorSeed.WinterSequenceId, Assert.Single(Objects<GenesysCampaignSequence>(host.Run("Get-GenesysCampaignSequence -Status OFF"))).Id);
        Assert.Equal(
            new[] { SimulatorSeed.WinterSequenceId, SimulatorSeed.RenewalsSequenceId },
            Objects<GenesysCampaignSequence>(host.Run("param($a, $b) Get-GenesysCampaignSequence -Id $a, $b, $a", Args(("a", SimulatorSeed.WinterSequenceId), ("b", SimulatorSeed.RenewalsSequenceId)))).Select(s => s.Id));
        Assert.Empty(host.Streams.Error);

        host.Run("Get-GenesysCampaignSequence -Status paused");
        Assert.Contains("'paused'", Assert.Single(host.Streams.Warning).Message);
    }

    [Fact]
    public async Task Get_GenesysCampaignSequence_reports_ids_and_names_it_cannot_find()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        var found = host.Run("param($id, $missing) Get-GenesysCampaignSequence -Id $missing, $id", Args(("id", SimulatorSeed.WinterSequenceId), ("missing", MissingSequenceId)));
        Assert.Equal(SimulatorSeed.WinterSequenceId, Assert.Single(Objects<GenesysCampaignSequence>(found)).Id);
        AssertError(Assert.Single(host.Streams.Error), "CampaignSequenceNotFound", ErrorCategory.ObjectNotFound, MissingSequenceId);

        Assert.Empty(host.Run("Get-GenesysCampaignSequence 'No Such Sequence', 'Nothing-*'"));
        var byName = Assert.Single(host.Streams.Error);
        AssertError(byName, "CampaignSequenceNotFound", ErrorCategory.ObjectNotFound, "No Such Sequence");
        Assert.Contains("'No Such Sequence'", byName.Exception.Message);

        org.Simulator.ClearRequests();
        Assert.Empty(host.Run("Get-GenesysCampaignSequence -Id 'Winter Sequence'"));
        AssertError(Assert.Single(host.Streams.Error), "InvalidCampaignSequenceId", ErrorCategory.InvalidArgument, "Winter Sequence");
        Assert.Empty(org.Simulator.Requests);
    }

    [Fact]
    public async Task Campaigns_piped_to_Get_GenesysCampaignSequence_give_the_sequences_that_contain_them_once()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        // Both Renewals campaigns of the Renewals Sequence (5 and 30) are among Renewals-*, and many others that are in none.
        var output = host.Run("Get-GenesysCampaign 'Renewals-*' | Get-GenesysCampaignSequence");
        Assert.Equal(SimulatorSeed.RenewalsSequenceId, Assert.Single(Objects<GenesysCampaignSequence>(output)).Id);
        Assert.Empty(host.Streams.Error);
        Assert.Equal(1, Gets(org, "/api/v2/outbound/sequences"));

        var winter = host.Run(
            "param($ids) Get-GenesysCampaign -Id $ids | Get-GenesysCampaignSequence -Status on",
            Args(("ids", new[] { SimulatorSeed.WinterSequenceFirstCampaignId, SimulatorSeed.RenewalsSequenceOffCampaignId, SimulatorSeed.UnreferencedOnCampaignId })));
        Assert.Equal(SimulatorSeed.RenewalsSequenceId, Assert.Single(Objects<GenesysCampaignSequence>(winter)).Id);

        Assert.Empty(host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignSequence", Args(("id", SimulatorSeed.UnreferencedOnCampaignId))));
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task Get_GenesysCampaignRule_lists_by_name_id_and_enabled_and_reports_what_it_cannot_find()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        Assert.Equal(3, Objects<GenesysCampaignRule>(host.Run("Get-GenesysCampaignRule")).Count);
        Assert.Equal(
            new[] { SimulatorSeed.EnabledRuleId, SimulatorSeed.MessagingRuleId }.Order(),
            Objects<GenesysCampaignRule>(host.Run("Get-GenesysCampaignRule -Enabled $true")).Select(r => r.Id).Order());
        Assert.Equal(SimulatorSeed.DisabledRuleId, Assert.Single(Objects<GenesysCampaignRule>(host.Run("Get-GenesysCampaignRule -Enabled $false"))).Id);
        var rule = Assert.Single(Objects<GenesysCampaignRule>(host.Run("Get-GenesysCampaignRule 'TURN ON SALES-EAST-*'")));
        Assert.Equal((SimulatorSeed.EnabledRuleId, SimulatorSeed.EnabledRuleTargetCampaignId, SimulatorSeed.EnabledRuleTriggerCampaignName),
            (rule.Id, Assert.Single(rule.TurnsOnCampaigns).Id, Assert.Single(rule.TriggerCampaigns).Name));
        Assert.Empty(host.Run("param($id) Get-GenesysCampaignRule -Id $id -Enabled $true", Args(("id", SimulatorSeed.DisabledRuleId))));
        Assert.Empty(host.Streams.Error);

        host.Run("param($id) Get-GenesysCampaignRule -Id $id", Args(("id", MissingRuleId)));
        AssertError(Assert.Single(host.Streams.Error), "CampaignRuleNotFound", ErrorCategory.ObjectNotFound, MissingRuleId);
        host.Run("Get-GenesysCampaignRule -Name 'No Such Rule'");
        AssertError(Assert.Single(host.Streams.Error), "CampaignRuleNotFound", ErrorCategory.ObjectNotFound, "No Such Rule");
        host.Run("Get-GenesysCampaignRule -Id 'rules/../x'");
        AssertError(Assert.Single(host.Streams.Error), "InvalidCampaignRuleId", ErrorCategory.InvalidArgument, "rules/../x");
    }

    [Fact]
    public async Task Campaigns_piped_to_Get_GenesysCampaignRule_give_the_rules_that_act_on_them()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        // Sales-East-001 is what the enabled rule turns on; no other rule names a Sales campaign.
        var sales = Objects<GenesysCampaignRule>(host.Run("Get-GenesysCampaign 'Sales-*' -MediaType Voice | Get-GenesysCampaignRule"));
        Assert.Equal(SimulatorSeed.EnabledRuleId, Assert.Single(sales).Id);
        Assert.Empty(host.Streams.Error);
        Assert.Equal(1, Gets(org, "/api/v2/outbound/campaignrules"));
        Assert.Equal(1, Gets(org, "/api/v2/outbound/sequences"));

        // The campaign that triggers a rule, and a messaging campaign that one turns on.
        var trigger = host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignRule", Args(("id", SimulatorSeed.EnabledRuleTriggerCampaignId)));
        Assert.Equal(SimulatorSeed.EnabledRuleId, Assert.Single(Objects<GenesysCampaignRule>(trigger)).Id);
        var messaging = host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignRule -Enabled $true", Args(("id", SimulatorSeed.MessagingRuleTargetCampaignId)));
        Assert.Equal(SimulatorSeed.MessagingRuleId, Assert.Single(Objects<GenesysCampaignRule>(messaging)).Id);

        // A rule that turns the Winter Sequence off acts on its campaigns.
        var disabled = JsonNode.Parse((await org.Client().GetCampaignRuleAsync(SimulatorSeed.DisabledRuleId, null, CancellationToken.None)).ToJson())!;
        disabled["campaignRuleActions"]![0]!["actionType"] = "turnOffSequence";
        disabled["campaignRuleActions"]![0]!["campaignRuleActionEntities"] = new JsonObject
        {
            ["campaigns"] = new JsonArray(),
            ["sequences"] = new JsonArray(new JsonObject { ["id"] = SimulatorSeed.WinterSequenceId, ["name"] = SimulatorSeed.WinterSequenceName }),
            ["useTriggeringEntity"] = false,
        };
        await Put(org, "api/v2/outbound/campaignrules/" + SimulatorSeed.DisabledRuleId, disabled);
        var winter = host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignRule", Args(("id", SimulatorSeed.WinterSequenceSecondCampaignId)));
        var rule = Assert.Single(Objects<GenesysCampaignRule>(winter));
        Assert.Equal((SimulatorSeed.DisabledRuleId, SimulatorSeed.WinterSequenceId), (rule.Id, Assert.Single(rule.TurnsOffSequences).Id));

        Assert.Empty(host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignRule", Args(("id", SimulatorSeed.UnreferencedOffCampaignId))));
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task Without_the_sequences_Get_GenesysCampaignRule_warns_and_still_finds_the_rules_that_name_the_campaign()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, PathContains = "/api/v2/outbound/sequences", Count = 10 });

        var output = host.Run("Get-GenesysCampaign 'Sales-*' -MediaType Voice | Get-GenesysCampaignRule");

        Assert.Equal(SimulatorSeed.EnabledRuleId, Assert.Single(Objects<GenesysCampaignRule>(output)).Id);
        Assert.Empty(host.Streams.Error);
        Assert.Contains("Sequences could not be read", Assert.Single(host.Streams.Warning).Message);
    }

    [Fact]
    public async Task A_list_that_fails_ends_the_cmdlet_with_its_Failed_error()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, PathContains = "/api/v2/outbound/campaignrules", Count = 10 });

        Assert.Empty(host.Run("Get-GenesysCampaignRule"));

        AssertError(Assert.Single(host.Streams.Error), "GetGenesysCampaignRuleFailed", ErrorCategory.PermissionDenied, null);
    }

    [Fact]
    public async Task Get_GenesysCampaignSchedule_lists_every_kind_each_with_its_next_start()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        var all = Objects<GenesysCampaignSchedule>(host.Run("Get-GenesysCampaignSchedule"));

        Assert.Equal(Enum.GetValues<ScheduleKind>(), all.Select(s => s.Kind));
        Assert.Equal(new[] { SimulatorSeed.ScheduledCampaignId, SimulatorSeed.WinterSequenceId, SimulatorSeed.ScheduledMessagingCampaignId, SimulatorSeed.ScheduledEmailCampaignId, SimulatorSeed.ScheduledWhatsAppCampaignId }, all.Select(s => s.TargetId));
        Assert.Null(all[0].NextStart);   // 2024
        Assert.Equal(SimulatorSeed.SequenceScheduleStart.UtcDateTime, all[1].NextStart);
        Assert.Equal(SimulatorSeed.MessagingScheduleIntervalStart.UtcDateTime, all[2].NextStart);
        Assert.Equal(new DateTime(2030, 1, 9, 13, 0, 0, DateTimeKind.Utc), all[3].NextStart);   // The interval, before the first Monday.
        Assert.Equal(new DateTime(2030, 1, 10, 16, 0, 0, DateTimeKind.Utc), all[4].NextStart);
        Assert.Equal(DateTimeKind.Utc, all[1].NextStart!.Value.Kind);
        Assert.Empty(host.Streams.Error);
        Assert.Empty(host.Streams.Warning);
        foreach (var path in new[] { "campaigns", "sequences", "messagingcampaigns", "emailcampaigns", "whatsappcampaigns" })
        {
            Assert.Equal(1, Gets(org, "/api/v2/outbound/schedules/" + path));
        }

        var sequences = Objects<GenesysCampaignSchedule>(host.Run("Get-GenesysCampaignSchedule -Kind Sequence, WhatsAppCampaign"));
        Assert.Equal(new[] { ScheduleKind.Sequence, ScheduleKind.WhatsAppCampaign }, sequences.Select(s => s.Kind));
    }

    [Fact]
    public async Task Campaigns_and_sequences_piped_to_Get_GenesysCampaignSchedule_give_their_schedules_and_none_is_no_error()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;

        // No Sales campaign has a schedule: nothing, and no error. Nor does a pipeline that brings nothing
        // (a lookup that found no campaign) list every schedule of the org.
        Assert.Empty(host.Run("Get-GenesysCampaign 'Sales-*' -MediaType Voice | Get-GenesysCampaignSchedule"));
        Assert.Empty(host.Run("Get-GenesysCampaign 'Zzz*' | Get-GenesysCampaignSchedule"));
        Assert.Empty(host.Run("@() | Get-GenesysCampaignSchedule"));
        Assert.Empty(host.Streams.Error);

        // Give Sales-East-001 one: a Weekly recurrence, Mondays 09:00 in New York, from 2030-01-07 (EST, UTC-5).
        await Put(org, "api/v2/outbound/schedules/campaigns/" + SimulatorSeed.EnabledRuleTargetCampaignId, JsonNode.Parse("""
            {"name":"Sales-East-001 Mondays","intervals":[],"timeZone":"America/New_York",
             "recurrences":[{"id":"r1","start":"2030-01-07T09:00:00","end":"2030-01-07T17:00:00","timeZone":null,
               "pattern":{"type":"Weekly","interval":1,"daysOfWeek":["Monday"]},"range":{"type":"NoEnd","end":null,"numberOfOccurrences":null},"alterations":[]}],
             "campaign":{"id":"ID","name":"NAME"}}
            """.Replace("ID", SimulatorSeed.EnabledRuleTargetCampaignId).Replace("NAME", SimulatorSeed.EnabledRuleTargetCampaignName))!);
        org.Simulator.ClearRequests();

        var sales = Objects<GenesysCampaignSchedule>(host.Run("Get-GenesysCampaign 'Sales-*' -MediaType Voice | Get-GenesysCampaignSchedule"));
        var schedule = Assert.Single(sales);
        Assert.Equal((ScheduleKind.Campaign, SimulatorSeed.EnabledRuleTargetCampaignName, (DateTime?)new DateTime(2030, 1, 7, 14, 0, 0, DateTimeKind.Utc)), (schedule.Kind, schedule.TargetName, schedule.NextStart));
        Assert.Equal(1, Gets(org, "/api/v2/outbound/schedules/campaigns"));
        Assert.Equal(0, Gets(org, "/api/v2/outbound/schedules/messagingcampaigns"));

        var messaging = host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignSchedule", Args(("id", SimulatorSeed.ScheduledMessagingCampaignId)));
        Assert.Equal(ScheduleKind.MessagingCampaign, Assert.Single(Objects<GenesysCampaignSchedule>(messaging)).Kind);

        // An email campaign's schedule may be in the messaging list or in its own: both are read, and only
        // those; an SMS campaign's only in the messaging list.
        org.Simulator.ClearRequests();
        var email = host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignSchedule", Args(("id", SimulatorSeed.ScheduledEmailCampaignId)));
        Assert.Equal((ScheduleKind.EmailCampaign, SimulatorSeed.ScheduledEmailCampaignId), (Assert.Single(Objects<GenesysCampaignSchedule>(email)).Kind, ((GenesysCampaignSchedule)email[0].BaseObject).TargetId));
        Assert.Equal(1, Gets(org, "/api/v2/outbound/schedules/emailcampaigns"));
        Assert.Equal(1, Gets(org, "/api/v2/outbound/schedules/messagingcampaigns"));
        Assert.Equal(0, Gets(org, "/api/v2/outbound/schedules/whatsappcampaigns"));
        var whatsApp = host.Run("param($id) Get-GenesysCampaign -Id $id | Get-GenesysCampaignSchedule", Args(("id", SimulatorSeed.ScheduledWhatsAppCampaignId)));
        Assert.Equal(ScheduleKind.WhatsAppCampaign, Assert.Single(Objects<GenesysCampaignSchedule>(whatsApp)).Kind);

        var winter = Objects<GenesysCampaignSchedule>(host.Run("Get-GenesysCampaignSequence | Get-GenesysCampaignSchedule"));
        Assert.Equal((ScheduleKind.Sequence, SimulatorSeed.WinterSequenceId), (Assert.Single(winter).Kind, winter[0].TargetId));
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task A_schedule_list_that_cannot_be_read_is_one_error_and_the_other_kinds_are_still_listed()
    {
        var (org, host) = await StartAsync();
        await using var _ = org;
        using var __ = host;
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, PathContains = "/api/v2/outbound/schedules/sequences", Count = 10 });

        var output = Objects<GenesysCampaignSchedule>(host.Run("Get-GenesysCampaignSchedule"));

        Assert.Equal(Enum.GetValues<ScheduleKind>().Except([ScheduleKind.Sequence]), output.Select(s => s.Kind));
        var error = Assert.Single(host.Streams.Error);
        AssertError(error, "GetGenesysCampaignScheduleFailed", ErrorCategory.PermissionDenied, ScheduleKind.Sequence);
        Assert.EndsWith("Give the OAuth client's role outbound:schedule:view (or outbound:campaignSequenceSchedule:view).", error.ErrorDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dependency_cmdlets_need_a_connection()
    {
        using var host = new PowerShellHost();

        foreach (var cmdlet in new[] { "Get-GenesysCampaignSequence", "Get-GenesysCampaignRule", "Get-GenesysCampaignSchedule" })
        {
            Assert.Empty(host.Run(cmdlet));
            AssertError(Assert.Single(host.Streams.Error), "GenesysNotConnected", ErrorCategory.ConnectionError, null);
        }

        await Task.CompletedTask;
    }
}

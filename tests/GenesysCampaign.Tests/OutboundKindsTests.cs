using System.Net;
using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// The one table of kinds (OutboundKinds): every kind of outbound object has its own row, so a kind added
/// to OutboundObjectKind without one fails here; the schedule rows, and the simulator's schedule lists,
/// are as Genesys's SDK describes them (contract/outbound-api.json, <c>scheduleKinds</c>).
/// </summary>
public sealed class OutboundKindsTests
{
    public static TheoryData<OutboundObjectKind> Kinds() => new(Enum.GetValues<OutboundObjectKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_a_noun_and_an_error_id_part_of_its_own(OutboundObjectKind kind)
    {
        var others = Enum.GetValues<OutboundObjectKind>().Where(k => k != kind).ToList();

        Assert.DoesNotContain(OutboundKinds.Noun(kind), others.Select(k => OutboundKinds.Noun(k)));
        Assert.DoesNotContain(OutboundKinds.Of(kind).IdPart, others.Select((k => OutboundKinds.Of(k).IdPart)));
        Assert.Matches("^[A-Z][A-Za-z]+$", OutboundKinds.Of(kind).IdPart);
        Assert.Equal(char.ToUpperInvariant(OutboundKinds.Noun(kind)[0]), OutboundKinds.Noun(kind, capital: true)[0]);
    }

    [Fact]
    public void The_error_ids_keep_their_01_names()
    {
        // Scripts match FullyQualifiedErrorId: CampaignNotFound, InvalidCampaignSequenceId, CampaignRuleNotFound.
        Assert.Equal(
            ["Campaign", "CampaignSequence", "CampaignRule", "CampaignSchedule", "SequenceSchedule", "MessagingCampaignSchedule", "EmailCampaignSchedule", "WhatsAppCampaignSchedule"],
            Enum.GetValues<OutboundObjectKind>().Select(k => OutboundKinds.Of(k).IdPart));
    }

    [Fact]
    public void Each_kind_of_schedule_has_one_row_and_its_record_kind_is_named_after_it()
    {
        Assert.Equal(Enum.GetValues<ScheduleKind>(), OutboundKinds.Schedules.Select(k => k.ScheduleKind!.Value));
        Assert.All(OutboundKinds.Schedules, k => Assert.Equal(k.ScheduleKind + "Schedule", k.ObjectKind.ToString()));
    }

    public static TheoryData<string> ContractScheduleKinds() => new(Contract()["scheduleKinds"]!.AsObject().Select(p => p.Key));

    [Theory]
    [MemberData(nameof(ContractScheduleKinds))]
    public void Each_kind_of_schedule_is_listed_read_and_written_as_the_SDK_says(string segment)
    {
        var sdk = Contract()["scheduleKinds"]![segment]!;
        Assert.Equal(Contract()["scheduleKinds"]!.AsObject().Count, OutboundKinds.Schedules.Count); // No row the SDK lacks.
        var row = Assert.Single(OutboundKinds.Schedules, k => "/" + k.ListPath == (string)sdk["listPath"]!);

        Assert.Equal(((string)sdk["itemPath"]!).Split('{')[0] + "x", "/" + row.ItemPath("x"));
        Assert.Equal((string)sdk["targetField"]!, row.TargetProperty);
        Assert.Equal((string)sdk["list"]!["shape"]! == "bareArray", row.ListIsBareArray);
        foreach (var (call, ours) in new[] { ("list", row.ViewPermissions), ("get", row.ViewPermissions), ("put", row.EditPermissions), ("delete", row.DeletePermissions) })
        {
            Assert.Equal("any", (string)sdk["permissions"]![call]!["mode"]!);
            Assert.Equal(sdk["permissions"]![call]!["names"]!.AsArray().Select(n => (string)n!), ours);
        }
    }

    [Theory]
    [MemberData(nameof(ContractScheduleKinds))]
    public async Task The_simulator_serves_each_kind_of_schedule_as_the_SDK_says(string segment)
    {
        var sdk = Contract()["scheduleKinds"]![segment]!;
        var path = ((string)sdk["listPath"]!).TrimStart('/');
        var options = new SimulatorOptions();
        options.Clients["none"] = new SimulatedClient("s", new HashSet<string>());
        foreach (var call in new[] { "get", "put", "delete" })
        {
            foreach (var name in sdk["permissions"]![call]!["names"]!.AsArray().Select(n => (string)n!))
            {
                options.Clients[ClientOf(name)] = new SimulatedClient("s", new HashSet<string>([name]));
            }
        }

        await using var sim = await GenesysSimulator.StartAsync(options);
        using var all = await SimApi.ConnectAsync(sim);
        var list = await all.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var items = (string)sdk["list"]!["shape"]! == "bareArray" ? list.Body!.AsArray() : list.Body!["entities"]!.AsArray();
        var schedule = (JsonObject)Assert.Single(items)!;
        var targetId = (string)schedule[(string)sdk["targetField"]!]!["id"]!;
        var item = $"{path}/{targetId}";

        // Without any of the SDK's permissions: refused, naming both; with either one alone: allowed.
        using (var none = await SimApi.ConnectAsync(sim, "none"))
        {
            var refused = await none.GetAsync(item);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Equal("missing.any.permissions", (string)refused.Body!["code"]!);
            Assert.All(sdk["permissions"]!["get"]!["names"]!.AsArray(), n => Assert.Contains((string)n!, (string)refused.Body!["message"]!));
        }

        foreach (var name in sdk["permissions"]!["get"]!["names"]!.AsArray().Select(n => (string)n!))
        {
            using var one = await SimApi.ConnectAsync(sim, ClientOf(name));
            Assert.Equal(HttpStatusCode.OK, (await one.GetAsync(path)).Status);
            Assert.Equal(HttpStatusCode.OK, (await one.GetAsync(item)).Status);
        }

        var put = sdk["permissions"]!["put"]!["names"]!.AsArray().Select(n => (string)n!).ToList();
        using (var editor = await SimApi.ConnectAsync(sim, ClientOf(put[1])))
        {
            Assert.Equal(HttpStatusCode.OK, (await editor.PutAsync(item, schedule)).Status);
        }

        using var deleter = await SimApi.ConnectAsync(sim, ClientOf((string)sdk["permissions"]!["delete"]!["names"]![1]!));
        Assert.Equal(HttpStatusCode.NoContent, (await deleter.DeleteAsync(item)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await all.GetAsync(item)).Status);
    }

    /// <summary>The id of a client that holds only <paramref name="permission"/> (a client id has no ':', Basic authentication splits at it).</summary>
    private static string ClientOf(string permission) => "only-" + permission.Replace(':', '.');

    /// <summary>Genesys's SDK as data: a copy of ../shared/contract/outbound-api.json (contract/README.md says where it comes from).</summary>
    private static JsonObject Contract() => SdkContract.Root;

    [Fact]
    public void Only_sequences_and_campaign_rules_are_toggle_kinds()
    {
        Assert.Same(ToggleKind.Sequence, ToggleKind.Of(OutboundObjectKind.Sequence));
        Assert.Same(ToggleKind.CampaignRule, ToggleKind.Of(OutboundObjectKind.CampaignRule));
        Assert.All(Enum.GetValues<OutboundObjectKind>().Except([OutboundObjectKind.Sequence, OutboundObjectKind.CampaignRule]), k => Assert.Null(ToggleKind.Of(k)));
    }
}

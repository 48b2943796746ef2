using System.Text.Json.Nodes;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// The fixtures, the simulator and the client held to Genesys's SDK (contract/outbound-api.json,
/// <see cref="SdkContract"/>): each fixture is its model with every key; each answer the simulator
/// gives the module is the model its operation returns; each request the module sends is an operation
/// of the SDK with only its query parameters and values, and a body of its model.
/// </summary>
public sealed class ContractTests
{
    /// <summary>Fixture file and the model it samples (the contract's check-fixtures.js table).</summary>
    public static TheoryData<string, string> Fixtures() => new()
    {
        { "campaign.voice.json", "Campaign" },
        { "campaign.invalid.json", "Campaign" },
        { "campaign.page.json", "CampaignEntityListing" },
        { "messagingcampaign.sms.json", "MessagingCampaign" },
        { "messagingcampaign.email.json", "MessagingCampaign" },
        { "messagingcampaign.whatsapp.json", "MessagingCampaign" },
        { "sequence.json", "CampaignSequence" },
        { "campaignrule.json", "CampaignRule" },
        { "schedule.campaign.json", "CampaignSchedule" },
        { "schedule.sequence.json", "SequenceSchedule" },
        { "schedule.messagingcampaign.page.json", "MessagingCampaignScheduleEntityListing" },
        { "schedule.emailcampaign.page.json", "EmailCampaignScheduleEntityListing" },
        { "schedule.whatsappcampaign.page.json", "WhatsAppCampaignScheduleEntityListing" },
        { "error.json", "ErrorBody" },
        { "error.forbidden.json", "ErrorBody" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_fixture_has_every_field_of_its_SDK_model_and_no_other(string file, string model)
    {
        var faults = SdkContract.CheckModel(JsonNode.Parse(DependencyModelTests.FixtureText(file)), model, everyKey: true);

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void The_campaign_event_fixture_is_an_envelope_of_the_voice_topic_body()
    {
        var faults = EnvelopeFaults(JsonNode.Parse(DependencyModelTests.FixtureText("event.campaign.json"))!.AsObject(), everyKey: true);

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void The_model_check_finds_what_the_SDK_does_not_allow()
    {
        // The check itself must be able to fail: a key the model lacks, a wrong type, a value out of the enum.
        var campaign = JsonNode.Parse(DependencyModelTests.FixtureText("campaign.voice.json"))!.AsObject();
        campaign["campaignStatus"] = "paused";
        campaign["maxCallsPerAgent"] = 1.5;
        campaign["type"] = "VOICE";
        campaign.Remove("name");

        var faults = SdkContract.CheckModel(campaign, "Campaign", everyKey: false);

        Assert.Contains(faults, f => f.StartsWith("$.campaignStatus: 'paused' is not one of", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("$.maxCallsPerAgent: expected integer", StringComparison.Ordinal));
        Assert.Contains("$.type: not a field of Campaign", faults);
        Assert.Contains("$.name: key missing (Campaign, required)", faults);
        Assert.Contains(SdkContract.CheckRequest("GET", "/api/v2/outbound/messagingcampaigns", "pageSize=100&filterType=Prefix&name=a", null), f => f.Contains("declares no query parameter 'filterType'", StringComparison.Ordinal));
        Assert.Contains(SdkContract.CheckRequest("GET", "/api/v2/outbound/campaigns", "pageSize=500", null), f => f.Contains("over its maximum of 100", StringComparison.Ordinal));
        Assert.Contains(SdkContract.CheckRequest("GET", "/api/v2/outbound/campaigns", "sortOrder=a", null), f => f.Contains("'a' is not one of [ascending, descending]", StringComparison.Ordinal));
        Assert.Contains(SdkContract.CheckRequest("POST", "/api/v2/outbound/campaigns/x/pause", string.Empty, null), f => f.Contains("no operation of the SDK", StringComparison.Ordinal));
    }

    /// <summary>
    /// The module's whole reach, through the cmdlets: every kind of list and read, a held pause with its
    /// waits (sequences, rules and the five kinds of schedule), its undo, a force stop, sequences and
    /// rules on and off, a wait. Every exchange is kept.
    /// </summary>
    private static async Task<(IReadOnlyList<RecordingHandler.Exchange> Answers, IReadOnlyList<RequestLogEntry> Requests)> RunTheEstateAsync()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMilliseconds(200));
        using var host = new PowerShellHost();
        using var recorder = new RecordingHandler();
        PowerShellHost.ConnectThrough(host, org.Simulator.BaseUri, recorder);
        var audit = TestFiles.NewAuditPath("gc-contract-");
        host.Run(
            """
            param($audit, $ids, $forceStop, $sequence, $rule)
            $common = @{ Confirm = $false; WarningAction = 'SilentlyContinue'; ErrorAction = 'SilentlyContinue'; AuditLogPath = $audit }
            $null = Get-GenesysCampaign
            $null = Get-GenesysCampaign -Name 'Sales*'
            $null = Get-GenesysCampaign -Id $ids
            $null = Get-GenesysCampaignSequence
            $null = Get-GenesysCampaignRule
            $null = Get-GenesysCampaignSchedule
            $held = Get-GenesysCampaign | Suspend-GenesysCampaign -Hold -Wait -Timeout 30 -Reason 'contract' @common
            $null = Get-GenesysCampaignAuditLog $audit -OperationId $held[0].OperationId | Undo-GenesysCampaignChange -Wait -Timeout 30 -Reason 'contract' @common
            $null = Stop-GenesysCampaign -Id $forceStop -Wait -Timeout 30 -Reason 'contract' @common
            $null = Wait-GenesysCampaignState -Id $forceStop -State forced_off -Timeout 30
            $null = Suspend-GenesysCampaignSequence -Id $sequence -Reason 'contract' @common
            $null = Resume-GenesysCampaignSequence -Id $sequence -Reason 'contract' @common
            $null = Disable-GenesysCampaignRule -Id $rule -Reason 'contract' @common
            $null = Enable-GenesysCampaignRule -Id $rule -Reason 'contract' @common
            """,
            PowerShellHost.Args(
                ("audit", audit),
                ("ids", new[] { SimulatorSeed.UnreferencedOffCampaignId, SimulatorSeed.OnSmsCampaignId, SimulatorSeed.OffEmailCampaignId, SimulatorSeed.OnWhatsAppCampaignId }),
                ("forceStop", SimulatorSeed.UnreferencedOnCampaignId),
                ("sequence", SimulatorSeed.WinterSequenceId),
                ("rule", SimulatorSeed.EnabledRuleId)));
        return (recorder.Exchanges, org.Simulator.Requests);
    }

    private static readonly Lazy<Task<(IReadOnlyList<RecordingHandler.Exchange> Answers, IReadOnlyList<RequestLogEntry> Requests)>> Estate = new(RunTheEstateAsync);

    [Fact]
    public async Task Each_answer_the_simulator_gives_the_module_is_the_model_its_operation_returns()
    {
        var (answers, _) = await Estate.Value;
        var api = answers.Where(a => InContract(a.Path)).ToList();

        var faults = api.SelectMany(a => SdkContract.CheckAnswer(a.Method, a.Path, a.Status, a.Answer)).Select(SdkContract.Summary).Distinct().ToList();

        Assert.True(faults.Count == 0, string.Join("\n", faults.Take(40)));
        // Every kind the module reaches was answered: lists, reads and writes of each.
        Assert.True(api.Count > 100, $"only {api.Count} answers");
        var reached = api.Select(a => SdkContract.OperationOf(a.Method, a.Path)?.Id).ToHashSet();
        var missed = new[]
        {
            "getOutboundCampaigns", "getOutboundMessagingcampaigns", "getOutboundSequences", "getOutboundCampaignrules", "getOutboundSchedulesCampaigns",
            "getOutboundSchedulesSequences", "getOutboundSchedulesMessagingcampaigns", "getOutboundSchedulesEmailcampaigns", "getOutboundSchedulesWhatsappcampaigns",
            "putOutboundCampaign", "putOutboundSequence", "putOutboundCampaignrule", "deleteOutboundSchedulesCampaign", "putOutboundSchedulesCampaign",
            "deleteOutboundSchedulesMessagingcampaign", "postOutboundCampaignStop", "postOutboundCampaignStart", "postOutboundMessagingcampaignStop", "postNotificationsChannels",
        }.Where(id => !reached.Contains(id)).ToList();
        Assert.True(missed.Count == 0, "Not reached: " + string.Join(", ", missed));
    }

    [Fact]
    public async Task Each_request_the_module_sends_is_an_SDK_operation_with_its_own_parameters()
    {
        var (_, requests) = await Estate.Value;
        var api = requests.Where(r => InContract(r.Path)).ToList();

        var faults = api.SelectMany(r => SdkContract.CheckRequest(r.Method, r.Path, r.Query, r.Body)).Select(SdkContract.Summary).Distinct().ToList();

        Assert.True(faults.Count == 0, string.Join("\n", faults.Take(40)));
        Assert.True(api.Count > 100, $"only {api.Count} requests");
    }

    [Fact]
    public async Task The_token_request_is_the_SDK_client_credentials_grant()
    {
        var (_, requests) = await Estate.Value;
        var token = Assert.Single(requests, r => r.Path == "/oauth/token");
        var sdk = SdkContract.Root["oauth"]!["clientCredentials"]!;

        Assert.Equal((string)sdk["method"]!, token.Method);
        Assert.Equal("Basic ***", token.Authorization);
        Assert.Equal("grant_type=" + (string)sdk["form"]!["grant_type"]!, token.Body);
    }

    /// <summary>Query parameters that page, sort or shape a list rather than filter it.</summary>
    private static readonly string[] NotFilters = ["pageSize", "pageNumber", "sortBy", "sortOrder", "filterType", "allowEmptyResult"];

    /// <summary>Every list of the contract the simulator serves: all but the voice division views, which nothing here calls.</summary>
    public static TheoryData<string> Lists() => new(SdkContract.Operations
        .Where(o => (string)o.Operation["method"]! == "GET" && !((string)o.Operation["path"]!).Contains('{', StringComparison.Ordinal) && ((string)o.Operation["path"]!).StartsWith("/api/v2/outbound/", StringComparison.Ordinal))
        .Select(o => o.Id)
        .Where(id => id != "getOutboundCampaignsDivisionviews"));

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Each_list_of_the_simulator_answers_a_filter_it_does_not_implement_with_400_never_the_whole_list(string operationId)
    {
        var operation = SdkContract.Operations.Single(o => o.Id == operationId).Operation;
        await using var sim = await GenesysSimulator.StartAsync();
        using var api = await SimApi.ConnectAsync(sim);
        var path = ((string)operation["path"]!).TrimStart('/');
        var parameters = operation["queryParams"]!.AsArray().Select(p => p!.AsObject()).ToList();

        var whole = await api.GetAsync(path);
        var unknown = await api.GetAsync(path + "?notAParameter=1");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("[notAParameter]", (string)unknown.Body!["message"]!, StringComparison.Ordinal);
        foreach (var parameter in parameters)
        {
            var name = (string)parameter["name"]!;
            var type = (string?)parameter["type"] == "array" ? parameter["items"]!.AsObject() : parameter;
            var value = type["enum"] is JsonArray values ? (string)values[0]! : (string?)type["type"] switch { "integer" => "1", "boolean" => "true", _ => "x" };
            var answer = await api.GetAsync($"{path}?{name}={Uri.EscapeDataString(value)}");

            // Implemented (a page, or no match), or refused naming the parameter: never the list unfiltered by it.
            if (answer.Status == System.Net.HttpStatusCode.BadRequest)
            {
                Assert.Contains($"[{name}]", (string)answer.Body!["message"]!, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(answer.Status is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.NotFound, $"{name}={value}: {answer.Status}");
                if (answer.Status == System.Net.HttpStatusCode.OK && !NotFilters.Contains(name))
                {
                    // A filter the simulator takes must filter: fewer than the whole list.
                    Assert.True((int)answer.Body!["total"]! < (int)whole.Body!["total"]!, $"{name}={value} answered the whole list");
                }
            }
        }
    }

    /// <summary>An API call of the outbound API the contract holds: not GET /api/v2/tokens/me (who the token acts for, at Connect).</summary>
    private static bool InContract(string path) => path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/v2/tokens/me";

    /// <summary>The faults of a notification: the envelope's keys, a topic of the SDK, a body of that topic's model.</summary>
    internal static List<string> EnvelopeFaults(JsonObject envelope, bool everyKey)
    {
        var sdk = SdkContract.Root["notifications"]!;
        var faults = new List<string>();
        var keys = sdk["envelope"]!["fields"]!.AsObject().Select(p => p.Key).ToList();
        faults.AddRange(keys.Where(k => !envelope.ContainsKey(k)).Select(k => $"$.{k}: envelope key missing"));
        faults.AddRange(envelope.Select(p => p.Key).Where(k => !keys.Contains(k)).Select(k => $"$.{k}: not an envelope key"));
        var name = (string?)envelope["topicName"] ?? string.Empty;
        var topic = sdk["topics"]!.AsArray().FirstOrDefault(t => TopicMatches((string)t!["topic"]!, name));
        if (topic is null)
        {
            faults.Add($"$.topicName: '{name}' is no topic of the SDK");
            return faults;
        }

        faults.AddRange(SdkContract.CheckModel(envelope["eventBody"], (string)topic["body"]!, everyKey, "$.eventBody"));
        return faults;
    }

    private static bool TopicMatches(string pattern, string name)
    {
        var parts = pattern.Split('.');
        var given = name.Split('.');
        return parts.Length == given.Length && parts.Zip(given).All(p => p.First == "{id}" || p.First == p.Second);
    }
}

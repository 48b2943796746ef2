using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Campaigns;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;
using static GenesysCampaign.Tests.TestRecords;
using Campaign = GenesysCloud.Outbound.Campaigns.GenesysCampaign;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 11, messaging campaigns: SMS, email and WhatsApp campaigns are listed, changed, waited on
/// and watched exactly as voice ones, through their own endpoints and topics.
/// </summary>
public sealed class MessagingCampaignTests
{
    private static bool IsMessagingWrite(RequestLogEntry r) =>
        r.Path.StartsWith("/api/v2/outbound/messagingcampaigns/", StringComparison.Ordinal)
        && (r.Method == "PUT" || (r.Method == "POST" && (r.Path.EndsWith("/start", StringComparison.Ordinal) || r.Path.EndsWith("/stop", StringComparison.Ordinal))));

    [Fact]
    public async Task Get_lists_every_media_type_by_default_and_filters_by_MediaType()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var all = host.Run("Get-GenesysCampaign").Select(o => (Campaign)o.BaseObject).ToList();
        var sms = host.Run("Get-GenesysCampaign -MediaType Sms").Select(o => (Campaign)o.BaseObject).ToList();
        var byName = host.Run("Get-GenesysCampaign 'Sales-East-*' -MediaType Voice, WhatsApp").Select(o => (Campaign)o.BaseObject).ToList();

        Assert.Equal(60, all.Count(c => c.MediaType == CampaignMediaType.Voice));
        Assert.Equal(10, all.Count(c => c.MediaType == CampaignMediaType.Sms));
        Assert.Equal(10, all.Count(c => c.MediaType == CampaignMediaType.Email));
        Assert.Equal(10, all.Count(c => c.MediaType == CampaignMediaType.WhatsApp));
        Assert.All(all.Where(c => c.MediaType != CampaignMediaType.Voice), c => Assert.Same(CampaignKind.Messaging, c.Kind));
        Assert.Equal(10, sms.Count);
        Assert.All(sms, c => Assert.Equal(CampaignMediaType.Sms, c.MediaType));
        Assert.NotEmpty(byName);
        Assert.All(byName, c => Assert.StartsWith("Sales-East-", c.Name));
        Assert.All(byName, c => Assert.Contains(c.MediaType, new[] { CampaignMediaType.Voice, CampaignMediaType.WhatsApp }));
        Assert.Empty(host.Streams.Error);
    }

    [Fact]
    public async Task Ids_of_any_kind_resolve_without_saying_which()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);

        var found = host.Run("param($ids) Get-GenesysCampaign -Id $ids", Args(("ids", new[] { SimulatorSeed.OnSmsCampaignId, SimulatorSeed.UnreferencedOnCampaignId, SimulatorSeed.OffEmailCampaignId })))
            .Select(o => (Campaign)o.BaseObject).ToDictionary(c => c.Id);

        Assert.Equal(CampaignMediaType.Sms, found[SimulatorSeed.OnSmsCampaignId].MediaType);
        Assert.Equal(CampaignMediaType.Voice, found[SimulatorSeed.UnreferencedOnCampaignId].MediaType);
        Assert.Equal(CampaignMediaType.Email, found[SimulatorSeed.OffEmailCampaignId].MediaType);
    }

    [Fact]
    public async Task Status_on_piped_into_Suspend_pauses_everything_outbound_and_waits_for_every_kind()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromMilliseconds(300) });
        var audit = TestFiles.NewAuditPath("gc-messaging-");
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        var on = host.Run("Get-GenesysCampaign -Status on").Select(o => (Campaign)o.BaseObject).ToList();
        sim.ClearRequests();

        var records = Records(host.Run("param($audit) Get-GenesysCampaign -Status on | Suspend-GenesysCampaign -Force -Wait -Timeout 20 -AuditLogPath $audit -Confirm:$false -WarningAction SilentlyContinue", Args(("audit", audit))));

        Assert.Contains(on, c => c.MediaType == CampaignMediaType.Sms);
        Assert.Contains(on, c => c.MediaType == CampaignMediaType.Email);
        Assert.Contains(on, c => c.MediaType == CampaignMediaType.WhatsApp);
        Assert.Equal(on.Count, records.Count);
        Assert.All(records, r => Assert.Equal((StateChangeOutcome.Changed, "off"), (r.Outcome, r.FinalStatus)));
        Assert.All(on, c => Assert.Equal("off", sim.GetStatus(c.Id)));
        var messagingIds = on.Where(c => c.Kind == CampaignKind.Messaging).Select(c => c.Id).ToHashSet();
        var writes = sim.Requests.Where(IsMessagingWrite).ToList();
        Assert.Equal(messagingIds.Count, writes.Count);
        Assert.All(writes, w => Assert.Equal("POST", w.Method));
        Assert.All(records.Where(r => messagingIds.Contains(r.ObjectId)), r => Assert.NotEqual(CampaignMediaType.Voice, r.MediaType));
        var lines = File.ReadAllLines(audit).Select(JsonLinesAuditSink.FromLine).ToList();
        Assert.Equal(on.Count, lines.Count);
        Assert.Equal(CampaignMediaType.WhatsApp, Assert.Single(lines, l => l.CampaignId == SimulatorSeed.OnWhatsAppCampaignId).MediaType);
    }

    [Fact]
    public async Task A_messaging_campaign_is_resumed_by_full_body_PUT_that_keeps_every_field_when_the_endpoint_is_refused()
    {
        await using var org = await TestOrg.StartPutOnlyAsync();
        using var host = new PowerShellHost();
        host.Connect(org.Simulator.BaseUri, org.Simulator.Options.Clients[SimulatorSeed.EditOnlyClientId].Secret, SimulatorSeed.EditOnlyClientId);
        var before = org.Simulator.GetCampaignJson(SimulatorSeed.OffEmailCampaignId);

        var record = Assert.Single(Records(host.Run("param($id) Resume-GenesysCampaign -Id $id -Confirm:$false", Args(("id", SimulatorSeed.OffEmailCampaignId)))));

        Assert.Equal((StateChangeOutcome.Changed, CampaignMediaType.Email), (record.Outcome, record.MediaType));
        var put = Assert.Single(org.Simulator.Requests, r => r.Method == "PUT" && r.Path == "/api/v2/outbound/messagingcampaigns/" + SimulatorSeed.OffEmailCampaignId);
        AssertSameFieldsExceptStatusAndVersion(before, put.Body!);
        Assert.Equal("on", org.Simulator.GetStatus(SimulatorSeed.OffEmailCampaignId));
    }

    [Fact]
    public async Task Wait_hears_a_messaging_campaign_on_its_own_topic()
    {
        // The strict simulator publishes email events only on v2.outbound.emailcampaigns.{id}.
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(1) });
        using var host = new PowerShellHost();
        host.Connect(sim.BaseUri);
        host.Run("param($id) Suspend-GenesysCampaign -Id $id -Confirm:$false", Args(("id", SimulatorSeed.OnEmailCampaignId)));

        var waited = host.Run("param($id) Wait-GenesysCampaignState -Id $id -State off -Timeout 15 -PassThru -Verbose", Args(("id", SimulatorSeed.OnEmailCampaignId)));

        Assert.Equal("off", ((Campaign)Assert.Single(waited).BaseObject).Status);
        Assert.Empty(host.Streams.Error);
        Assert.DoesNotContain(host.Streams.Verbose, v => v.Message.Contains("polling", StringComparison.OrdinalIgnoreCase));
        var subscriptions = sim.Requests.Where(r => r.Path.EndsWith("/subscriptions", StringComparison.Ordinal)).Select(r => r.Body ?? string.Empty);
        Assert.Contains(subscriptions, b => b.Contains("v2.outbound.emailcampaigns." + SimulatorSeed.OnEmailCampaignId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatIf_says_what_would_happen_to_messaging_campaigns_too()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        var answering = new AnsweringHost("Yes");
        using var host = new PowerShellHost(answering);
        host.Connect(sim.BaseUri);

        host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -WhatIf", Args(("ids", new[] { SimulatorSeed.OnSmsCampaignId, SimulatorSeed.OffWhatsAppCampaignId })));

        var lines = answering.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("Suspend (set to off)", StringComparison.Ordinal) && l.Contains(SimulatorSeed.OnSmsCampaignId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("already off", StringComparison.Ordinal) && l.Contains(SimulatorSeed.OffWhatsAppCampaignId, StringComparison.Ordinal));
        Assert.DoesNotContain(sim.Requests, IsMessagingWrite);
    }
}

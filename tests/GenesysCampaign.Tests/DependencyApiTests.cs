using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Dependencies;
using GenesysCloud.Outbound.Simulator;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>GenesysApiClient's sequence, rule and schedule calls against the simulator.</summary>
public class DependencyApiTests
{
    private static readonly DateTimeOffset Now = new(2029, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sequences_and_rules_are_listed_every_page_and_read_by_id()
    {
        await using var org = await TestOrg.StartAsync();
        var api = org.Client();

        var sequences = new List<GenesysCampaignSequence>();
        await foreach (var s in api.ListSequencesAsync(null, CancellationToken.None))
        {
            sequences.Add(s);
        }

        Assert.Equal(new[] { SimulatorSeed.RenewalsSequenceName, SimulatorSeed.WinterSequenceName }, sequences.Select(s => s.Name));
        var renewals = sequences[0];
        Assert.Equal(("on", 1, SimulatorSeed.RenewalsSequenceOnCampaignName, true), (renewals.Status, renewals.CurrentCampaign, renewals.Current!.Name, renewals.Repeat));
        // allowEmptyResult: an org without sequences or rules answers an empty page (the simulator's 404 otherwise).
        Assert.Contains(org.Simulator.Requests, r => r.Method == "GET" && r.Path == "/api/v2/outbound/sequences" && r.Query.Contains("pageSize=100") && r.Query.Contains("allowEmptyResult=true"));

        var winter = await api.GetSequenceAsync(SimulatorSeed.WinterSequenceId, null, CancellationToken.None);
        Assert.Equal(new[] { SimulatorSeed.WinterSequenceFirstCampaignId, SimulatorSeed.WinterSequenceSecondCampaignId }, winter.Campaigns.Select(c => c.Id));
        Assert.Equal("/api/v2/outbound/sequences/" + SimulatorSeed.WinterSequenceId, org.Simulator.Requests.Last(r => r.Path.StartsWith("/api/v2/outbound/sequences/", StringComparison.Ordinal)).Path);

        var rules = new List<GenesysCampaignRule>();
        await foreach (var r in api.ListCampaignRulesAsync(null, CancellationToken.None))
        {
            rules.Add(r);
        }

        Assert.Equal(new[] { SimulatorSeed.EnabledRuleId, SimulatorSeed.DisabledRuleId, SimulatorSeed.MessagingRuleId }.Order(), rules.Select(r => r.Id).Order());
        Assert.Contains(org.Simulator.Requests, r => r.Method == "GET" && r.Path == "/api/v2/outbound/campaignrules" && r.Query.Contains("allowEmptyResult=true"));
        var messaging = await api.GetCampaignRuleAsync(SimulatorSeed.MessagingRuleId, null, CancellationToken.None);
        Assert.Equal(SimulatorSeed.OffSmsCampaignId, Assert.Single(messaging.TriggerSmsCampaigns).Id);
        Assert.Equal(SimulatorSeed.MessagingRuleTargetCampaignId, Assert.Single(messaging.TurnsOnCampaigns).Id);

        var missing = await Assert.ThrowsAsync<GenesysApiException>(() => api.GetSequenceAsync("5e000000-0000-4000-8000-000000000099", null, CancellationToken.None));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<GenesysApiException>(() => api.GetCampaignRuleAsync("7a000000-0000-4000-8000-000000000099", null, CancellationToken.None))).StatusCode);
    }

    [Fact]
    public async Task The_three_schedule_lists_are_read_with_their_next_start_from_the_given_now()
    {
        await using var org = await TestOrg.StartAsync();
        var api = org.Client();

        var campaign = Assert.Single(await api.ListSchedulesAsync(ScheduleKind.Campaign, null, CancellationToken.None, Now));
        Assert.Equal((SimulatorSeed.ScheduleId, SimulatorSeed.ScheduledCampaignId, "America/New_York"), (campaign.Id, campaign.TargetId, campaign.TimeZone));
        Assert.Null(campaign.NextStart);   // its intervals lie in 2024

        var sequence = Assert.Single(await api.ListSchedulesAsync(ScheduleKind.Sequence, null, CancellationToken.None, Now));
        Assert.Equal((ScheduleKind.Sequence, SimulatorSeed.WinterSequenceName, (DateTime?)SimulatorSeed.SequenceScheduleStart.UtcDateTime), (sequence.Kind, sequence.TargetName, sequence.NextStart));

        var messaging = Assert.Single(await api.ListSchedulesAsync(ScheduleKind.MessagingCampaign, null, CancellationToken.None, Now));
        Assert.Equal((ScheduleKind.MessagingCampaign, SimulatorSeed.ScheduledMessagingCampaignId), (messaging.Kind, messaging.TargetId));
        Assert.Equal(SimulatorSeed.MessagingScheduleIntervalStart.UtcDateTime, messaging.NextStart);

        // After the interval, the weekly recurrence: Monday 2030-01-14 09:00 in London (GMT in January).
        var later = await api.GetScheduleAsync(ScheduleKind.MessagingCampaign, SimulatorSeed.ScheduledMessagingCampaignId, null, CancellationToken.None, SimulatorSeed.MessagingScheduleIntervalEnd);
        Assert.Equal(new DateTime(2030, 1, 14, 9, 0, 0, DateTimeKind.Utc), later.NextStart);
        Assert.Contains(org.Simulator.Requests, r => r.Path == "/api/v2/outbound/schedules/messagingcampaigns/" + SimulatorSeed.ScheduledMessagingCampaignId);

        var none = await Assert.ThrowsAsync<GenesysApiException>(() => api.GetScheduleAsync(ScheduleKind.Sequence, SimulatorSeed.RenewalsSequenceId, null, CancellationToken.None));
        Assert.Equal(404, none.StatusCode);
    }

    [Fact]
    public async Task A_list_that_is_not_what_the_contract_describes_is_an_invalid_answer()
    {
        await using var org = await TestOrg.StartAsync();
        var api = org.ClientThrough(new RewritingHandler(r => r.RequestUri!.AbsolutePath.Contains("/schedules/", StringComparison.Ordinal) ? """{"unexpected":true}""" : null));

        var error = await Assert.ThrowsAsync<GenesysApiException>(() => api.ListSchedulesAsync(ScheduleKind.Campaign, null, CancellationToken.None));

        Assert.Equal(GenesysApiClient.InvalidAnswer, error.Code);
    }

    [Fact]
    public async Task A_schedule_listing_that_says_it_holds_more_than_it_brought_is_an_invalid_answer_not_a_short_list()
    {
        // The SDK gives the messaging, email and WhatsApp lists no paging parameters; a second page could not be read.
        await using var org = await TestOrg.StartAsync();
        var page = DependencyModelTests.FixtureText("schedule.emailcampaign.page.json").Replace("\"total\": 1", "\"total\": 26").Replace("\"pageCount\": 1", "\"pageCount\": 2");
        var api = org.ClientThrough(new RewritingHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/schedules/emailcampaigns", StringComparison.Ordinal) ? page : null));

        var error = await Assert.ThrowsAsync<GenesysApiException>(() => api.ListSchedulesAsync(ScheduleKind.EmailCampaign, null, CancellationToken.None));

        Assert.Equal(GenesysApiClient.InvalidAnswer, error.Code);
        Assert.Contains("holds 1 of 26 email campaign schedules (2 pages)", error.Message, StringComparison.Ordinal);
        var whole = DependencyModelTests.FixtureText("schedule.emailcampaign.page.json");
        var one = await org.ClientThrough(new RewritingHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/schedules/emailcampaigns", StringComparison.Ordinal) ? whole : null)).ListSchedulesAsync(ScheduleKind.EmailCampaign, null, CancellationToken.None);
        Assert.Equal(("801355eb-05d9-4d51-a25f-f36ce5fe4bfa", ScheduleKind.EmailCampaign), (Assert.Single(one).TargetId, one[0].Kind));
    }
}

using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 9, point 3: a view that is out of date (any 409, or a 400 saying the transition is
/// invalid) is read again and decided again, never turned into a rejection.
/// </summary>
public class StaleViewTests
{
    // Once wrong (a breaker, 2026-12-06): the stop is refused as from a stale view (someone set the campaign
    // stopping a moment before), and the read that follows fails after its retries. The record told of the
    // read's failure as if the POST had got no answer; it is the refusal, and the failed read a warning.
    [Fact]
    public async Task A_refusal_whose_read_again_fails_is_recorded_as_the_refusal_not_as_a_lost_answer()
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(30) });
        var id = SimulatorSeed.UnreferencedOnCampaignId;
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        var campaign = host.Run("param($id) Get-GenesysCampaign -Id $id", Args(("id", id)));
        sim.Faults.Add(new FaultRule { Kind = FaultKind.ConcurrentStatus, Method = "POST", PathContains = id, Status = "stopping" });
        sim.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "GET", PathContains = id, Count = 1000 });

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($c) $c | Suspend-GenesysCampaign -Confirm:$false", Args(("c", campaign)))).BaseObject;

        Assert.Single(sim.Requests, r => r.Method == "POST" && r.Path.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain("got no answer", record.Message);
        Assert.Contains("Cannot directly change the campaign status", record.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(record.Warnings, w => w.Contains("could not be read again", StringComparison.Ordinal));
    }

    private static readonly string Id = SimulatorSeed.UnreferencedOnCampaignId;

    // Issue 21, point 11: a piped campaign that is already stopping or complete, whose stop Genesys
    // refuses in words this module does not know, is decided again from a read, not Rejected.
    [Theory]
    [InlineData("complete")]
    [InlineData("stopping")]
    public async Task A_stop_refused_in_unknown_words_is_decided_again_from_a_read(string now)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromMinutes(5) });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        var campaign = host.Run("param($id) Get-GenesysCampaign -Id $id", Args(("id", Id)));
        sim.SetStatus(Id, now);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.BadRequest400, Method = "POST", PathContains = Id, Message = "The campaign is not in a state that allows this operation" });

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($c) $c | Suspend-GenesysCampaign -Confirm:$false -ErrorAction SilentlyContinue", Args(("c", campaign)))).BaseObject;

        Assert.Equal((StateChangeOutcome.Unchanged, now), (record.Outcome, record.FinalStatus));
        Assert.Single(sim.Requests, r => r.Method == "POST" && r.Path.Contains(Id, StringComparison.Ordinal));
    }

    // Once wrong (a breaker, 2026-12-06): a stop refused in words that speak of something "active" and a
    // "maximum" was taken for the org's active-campaign limit, which only turning a campaign on can meet.
    [Theory]
    [InlineData("off", StateChangeOutcome.Unchanged)]
    [InlineData("on", StateChangeOutcome.Rejected)]
    public async Task A_stop_refused_in_words_of_a_maximum_is_no_active_campaign_limit(string now, StateChangeOutcome outcome)
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        var campaign = host.Run("param($id) Get-GenesysCampaign -Id $id", Args(("id", Id)));
        if (now != "on")
        {
            sim.SetStatus(Id, now); // Moved since it was read (a status set is a new version).
        }

        sim.Faults.Add(new FaultRule { Kind = FaultKind.BadRequest400, Method = "POST", PathContains = Id, Message = "Campaign cannot be stopped while a contact list import is active; maximum import time not yet reached." });

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($c) $c | Suspend-GenesysCampaign -Confirm:$false -ErrorAction SilentlyContinue", Args(("c", campaign)))).BaseObject;

        Assert.Equal((outcome, now), (record.Outcome, record.FinalStatus));
        Assert.NotEqual(FailureKind.LimitsExceeded, record.Failure);
        Assert.DoesNotContain("limit of", record.Message, StringComparison.Ordinal);
    }

    // Once wrong (a breaker, 2026-12-06): after a force write refused in unknown words, a read that lagged (an
    // older version, still on) was taken for a move, and the change went on from that older view.
    [Fact]
    public async Task A_read_older_than_the_view_written_from_is_never_taken_for_a_move()
    {
        await using var org = await TestOrg.StartAsync(o => o.DialerDelay = TimeSpan.FromMinutes(5));
        var before = org.Simulator.GetCampaignJson(Id); // on, as first read: what a lagging read shows later
        org.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.BadRequest400, Method = "PUT", PathContains = Id, Message = "The campaign cannot be force-stopped right now" });
        var putSent = false;
        var lagged = 0;
        var api = org.ClientThrough(new RewritingHandler(request =>
        {
            if (request.Method == HttpMethod.Put)
            {
                putSent = true;
                return null;
            }

            // The first read after the refused force write lags: it shows the campaign as it was before the stop.
            return putSent && request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith(Id, StringComparison.Ordinal) && Interlocked.Increment(ref lagged) == 1 ? before : null;
        }));

        var record = Assert.Single(await org.RunAsync(api, new GenesysCloud.Outbound.Engine.StateChangeRequest(CampaignAction.Stop), Id));

        Assert.True(lagged >= 1, "no read came after the refused force write");
        Assert.Equal(StateChangeOutcome.Changed, record.Outcome);
        Assert.Contains("force stop was refused", record.Message, StringComparison.Ordinal);
        Assert.Single(org.Simulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/stop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_in_unknown_words_of_a_campaign_that_did_not_move_stands_after_one_read()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.BadRequest400, Method = "POST", PathContains = Id, Message = "The campaign is not in a state that allows this operation" });
        sim.ClearRequests();

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($id) Suspend-GenesysCampaign -Id $id -Confirm:$false -ErrorAction SilentlyContinue", Args(("id", Id)))).BaseObject;

        Assert.Equal(StateChangeOutcome.Rejected, record.Outcome);
        Assert.Contains("not in a state that allows this operation", record.Message, StringComparison.Ordinal);
        // The read before the write (by id), the one after the refusal; no more.
        Assert.Equal(2, sim.Requests.Count(r => r.Method == "GET" && r.Path.StartsWith("/api/v2/outbound/campaigns", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("general.conflict")]
    [InlineData("some.code.no.one.documented")]
    public async Task Every_409_is_a_stale_version_whatever_its_code(string? code)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { ConflictCode = code });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, SimulatorSeed.EditOnlyClientId);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.VersionBump, Method = "PUT", PathContains = Id });

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($id) Suspend-GenesysCampaign -Id $id", Args(("id", Id)))).BaseObject;

        Assert.Empty(host.Streams.Error);
        Assert.Equal((StateChangeOutcome.Changed, "PUT off"), (record.Outcome, record.WrittenWith));
        Assert.Equal(new[] { 409, 200 }, sim.Requests.Where(r => IsCampaignWrite(r) && r.Method == "PUT").Select(r => r.Status));
    }

    /// <summary>
    /// A campaign piped in as read (on) that someone else turned off meanwhile: the write from the old
    /// view is refused as an invalid transition (or, checking the version first, a 409). Through the
    /// endpoint and the PUT, either order of checks.
    /// </summary>
    [Theory]
    [InlineData("sim-client", false)]
    [InlineData("sim-edit", false)]
    [InlineData("sim-edit", true)]
    public async Task A_piped_campaign_now_stopping_is_Unchanged_and_Wait_waits_for_off(string clientId, bool checkVersionFirst)
    {
        await using var sim = await GenesysSimulator.StartAsync(new SimulatorOptions { DialerDelay = TimeSpan.FromSeconds(1), CheckVersionFirst = checkVersionFirst });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, clientId);
        var campaign = Assert.Single(host.Run("param($id) Get-GenesysCampaign -Id $id", Args(("id", Id))));
        sim.Faults.Add(new FaultRule { Kind = FaultKind.ConcurrentStatus, Status = "stopping", PathContains = Id, Method = clientId == "sim-client" ? "POST" : "PUT" });

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($c) $c | Suspend-GenesysCampaign -Wait -Timeout 10", Args(("c", campaign)))).BaseObject;

        Assert.Empty(host.Streams.Error);
        Assert.Equal((StateChangeOutcome.Unchanged, "on", "off", (string?)null), (record.Outcome, record.PreviousStatus, record.FinalStatus, record.WrittenWith));
        var refused = sim.Requests.Where(IsCampaignWrite).Last();
        Assert.Equal(checkVersionFirst ? 409 : 400, refused.Status);
    }

    [Fact]
    public async Task A_piped_campaign_now_complete_is_Unchanged()
    {
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        var campaign = Assert.Single(host.Run("param($id) Get-GenesysCampaign -Id $id", Args(("id", Id))));
        sim.Faults.Add(new FaultRule { Kind = FaultKind.ConcurrentStatus, Status = "complete", Method = "POST", PathContains = Id });

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($c) $c | Suspend-GenesysCampaign", Args(("c", campaign)))).BaseObject;

        Assert.Empty(host.Streams.Error);
        Assert.Equal((StateChangeOutcome.Unchanged, "complete"), (record.Outcome, record.FinalStatus));
        Assert.Equal(400, Assert.Single(sim.Requests, IsCampaignWrite).Status);
    }

    [Fact]
    public async Task An_invalid_transition_from_a_current_view_is_a_rejection_not_a_loop()
    {
        // Nothing moved: the 400 is Genesys's word on this campaign, read again and then reported.
        await using var sim = await GenesysSimulator.StartAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.Faults.Add(new FaultRule
        {
            Kind = FaultKind.BadRequest400,
            Method = "POST",
            PathContains = Id,
            Message = "An attempt was made to update a Campaign in an invalid way. Details: Invalid transition from <ON> to <OFF>",
        });

        var record = (GenesysCampaignStateChange)Assert.Single(host.Run("param($id) Suspend-GenesysCampaign -Id $id -ErrorAction SilentlyContinue", Args(("id", Id)))).BaseObject;

        Assert.Equal((StateChangeOutcome.Rejected, FailureKind.InvalidOperation), (record.Outcome, record.Failure));
        Assert.Contains("Invalid transition from <ON> to <OFF>", record.Message);
        Assert.Single(sim.Requests, IsCampaignWrite);
        // Read until it shows a move (reads can lag a change), eight reads at most: then the refusal stands.
        Assert.Equal(8, sim.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith(Id, StringComparison.Ordinal)));
    }
}

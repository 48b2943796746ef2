using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using GenesysCloud.Outbound.Simulator;
using Xunit;
using static GenesysCampaign.Tests.PowerShellHost;
using static GenesysCampaign.Tests.Requests;
using static GenesysCampaign.Tests.TestRecords;

namespace GenesysCampaign.Tests;

/// <summary>
/// Issue 9, point 1: Suspend and Resume use the start/stop endpoints (least privilege), fall back to
/// the full-body PUT when an endpoint is refused or missing, and learn that once per connection.
/// </summary>
public class StartStopEndpointTests
{
    private static readonly string[] Ids = Enumerable.Range(31, 5).Select(SimulatorSeed.CampaignId).ToArray();

    private static async Task<GenesysSimulator> StartWithOnCampaignsAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions();
        configure?.Invoke(options);
        var sim = await GenesysSimulator.StartAsync(options);
        foreach (var id in Ids)
        {
            sim.SetStatus(id, "on");
        }

        sim.ClearRequests();
        return sim;
    }

    [Fact]
    public async Task The_least_privilege_client_pauses_and_resumes_through_the_endpoints_alone()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, SimulatorSeed.LeastPrivilegeClientId);

        var paused = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Wait -Timeout 10", Args(("ids", Ids))));
        var resumed = Records(host.Run("param($ids) Resume-GenesysCampaign -Id $ids -Wait -Timeout 10", Args(("ids", Ids))));

        Assert.Empty(host.Streams.Error);
        Assert.All(paused, r => Assert.Equal((StateChangeOutcome.Changed, "off", "POST stop"), (r.Outcome, r.FinalStatus, r.WrittenWith)));
        Assert.All(resumed, r => Assert.Equal((StateChangeOutcome.Changed, "on", "POST start"), (r.Outcome, r.FinalStatus, r.WrittenWith)));
        var writes = sim.Requests.Where(IsCampaignWrite).ToList();
        Assert.Equal(10, writes.Count);
        Assert.All(writes, w => Assert.Equal(("POST", 202, (string?)null), (w.Method, w.Status, w.Body)));
    }

    [Fact]
    public async Task One_campaigns_403_from_the_endpoint_does_not_turn_the_connection_to_PUT()
    {
        // Permissions are granted per division: the endpoint refused for one campaign works for the rest.
        await using var sim = await StartWithOnCampaignsAsync();
        sim.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "POST", PathContains = Ids[2] + "/stop", Count = 1 });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, SimulatorSeed.LeastPrivilegeClientId);

        var first = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 1 -ErrorAction SilentlyContinue", Args(("ids", Ids))));

        var refused = Assert.Single(first, r => r.CampaignId == Ids[2]);
        Assert.Equal((StateChangeOutcome.Failed, FailureKind.PermissionDenied), (refused.Outcome, refused.Failure));
        Assert.Contains("in the campaign's division", refused.Message);
        Assert.All(first.Where(r => r.CampaignId != Ids[2]), r => Assert.Equal((StateChangeOutcome.Changed, "POST stop"), (r.Outcome, r.WrittenWith)));

        // Run again on the same connection: the refused campaign goes through the endpoint too.
        var again = Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id", Args(("id", Ids[2]))));
        Assert.Equal((StateChangeOutcome.Changed, "POST stop"), (again[0].Outcome, again[0].WrittenWith));
    }

    [Fact]
    public async Task A_first_campaigns_403_does_not_condemn_the_endpoint_for_the_others()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        sim.Faults.Add(new FaultRule { Kind = FaultKind.Forbidden403, Method = "POST", PathContains = Ids[0] + "/stop", Count = 1 });
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, SimulatorSeed.LeastPrivilegeClientId);

        var records = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 1 -ErrorAction SilentlyContinue", Args(("ids", Ids))));

        // The first campaign's refusal sends the second to the PUT (which least privilege lacks); that
        // 403 sends it back to the endpoint, which works, and every later campaign uses it.
        Assert.Equal(StateChangeOutcome.Failed, Assert.Single(records, r => r.CampaignId == Ids[0]).Outcome);
        Assert.All(records.Where(r => r.CampaignId != Ids[0]), r => Assert.Equal((StateChangeOutcome.Changed, "POST stop"), (r.Outcome, r.WrittenWith)));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task Any_success_status_without_a_body_is_a_change(int status)
    {
        await using var sim = await StartWithOnCampaignsAsync(o => o.StartStopStatus = status);
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);

        var records = Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id", Args(("id", Ids[0]))));

        Assert.Empty(host.Streams.Error);
        var record = Assert.Single(records);
        Assert.Equal((StateChangeOutcome.Changed, "POST stop"), (record.Outcome, record.WrittenWith));

        // Without -Wait the status is read once after the write (the endpoint answers without the campaign).
        Assert.Contains(record.FinalStatus, new[] { "stopping", "off" });
        Assert.Equal(status, Assert.Single(sim.Requests, IsCampaignWrite).Status);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(501)]
    public async Task A_missing_endpoint_falls_back_to_the_PUT_and_is_said_once(int status)
    {
        await using var sim = await StartWithOnCampaignsAsync(o => o.StartStopStatus = status);
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);

        var records = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -Verbose", Args(("ids", Ids))));

        // The first writes go out together (none waits for the first answer), so each of that wave may
        // meet the refusal; it is said once, and every campaign is changed by PUT.
        Assert.Empty(host.Streams.Error);
        Assert.All(records, r => Assert.Equal((StateChangeOutcome.Changed, "PUT off"), (r.Outcome, r.WrittenWith)));
        var writes = sim.Requests.Where(IsCampaignWrite).ToList();
        Assert.All(writes.Where(IsEndpointWrite), w => Assert.Equal(status, w.Status));
        Assert.InRange(writes.Count(IsEndpointWrite), 1, Ids.Length);
        Assert.Equal(Ids.Length, writes.Count(w => w.Method == "PUT" && w.Status == 200));
        Assert.Single(host.Streams.Verbose, v => v.Message.StartsWith("The stop endpoint cannot be used", StringComparison.Ordinal));
        Assert.All(Ids, id => Assert.Equal("stopping", sim.GetStatus(id)));
    }

    [Fact]
    public async Task A_refused_endpoint_is_tried_once_per_connection_and_action()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, SimulatorSeed.EditOnlyClientId);

        // Five writes at once: those sent before the first refusal came back meet it too; every later
        // write of the connection knows, whatever its action's run.
        var first = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 5 -Wait -Timeout 10", Args(("ids", Ids))));
        var stops = sim.Requests.Where(IsEndpointWrite).ToList();
        var resumed = Records(host.Run("param($ids) Resume-GenesysCampaign -Id $ids -ThrottleLimit 5", Args(("ids", Ids))));
        var starts = sim.Requests.Where(IsEndpointWrite).Skip(stops.Count).ToList();
        var again = Records(host.Run("param($ids) Suspend-GenesysCampaign -Id $ids -ThrottleLimit 5", Args(("ids", Ids))));

        Assert.Empty(host.Streams.Error);
        Assert.All(first.Concat(again), r => Assert.Equal((StateChangeOutcome.Changed, "PUT off"), (r.Outcome, r.WrittenWith)));
        Assert.All(resumed, r => Assert.Equal((StateChangeOutcome.Changed, "PUT on"), (r.Outcome, r.WrittenWith)));
        Assert.InRange(stops.Count, 1, Ids.Length);
        Assert.All(stops, r => Assert.Equal(("stop", 403), (r.Path.Split('/').Last(), r.Status)));
        Assert.InRange(starts.Count, 1, Ids.Length);
        Assert.All(starts, r => Assert.Equal(("start", 403), (r.Path.Split('/').Last(), r.Status)));
        Assert.Equal(stops.Count + starts.Count, sim.Requests.Count(IsEndpointWrite)); // The second Suspend tried none.
    }

    [Fact]
    public async Task A_client_with_neither_permission_fails_naming_both()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri, SimulatorSeed.ViewOnlyClientId);

        var record = Assert.Single(Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id", Args(("id", Ids[0])))));

        Assert.Equal((StateChangeOutcome.Failed, FailureKind.PermissionDenied, (string?)null), (record.Outcome, record.Failure, record.WrittenWith));
        Assert.Contains("outbound:campaign:stop", record.Message);
        Assert.Contains("outbound:campaign:edit", record.Message);
        var error = Assert.Single(host.Streams.Error);
        Assert.StartsWith("CampaignPermissionDenied,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Equal("on", sim.GetStatus(Ids[0]));
    }

    [Fact]
    public async Task A_404_for_a_campaign_that_is_gone_is_no_reason_to_give_up_the_endpoint()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);

        // The first campaign vanishes as it is written: its stop and the read that checks it both say 404.
        sim.Faults.Add(new FaultRule { Kind = FaultKind.NotFound404, PathContains = "/campaigns/" + Ids[0], Count = 2 });
        var gone = Assert.Single(Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id -ErrorAction SilentlyContinue", Args(("id", Ids[0])))));
        var next = Assert.Single(Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id", Args(("id", Ids[1])))));

        Assert.Equal((StateChangeOutcome.Failed, FailureKind.ObjectNotFound), (gone.Outcome, gone.Failure));
        Assert.Equal((StateChangeOutcome.Changed, "POST stop"), (next.Outcome, next.WrittenWith));
        Assert.DoesNotContain(sim.Requests, r => IsCampaignWrite(r) && r.Method == "PUT");
    }

    [Fact]
    public async Task A_change_whose_follow_up_read_fails_is_still_Changed_with_its_status_unknown()
    {
        await using var sim = await StartWithOnCampaignsAsync();
        using var host = new PowerShellHost();
        host.ConnectFast(sim.BaseUri);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable503, Method = "GET", PathContains = "/campaigns/" + Ids[0], Count = 100 });

        var record = Assert.Single(Records(host.Run("param($id) Suspend-GenesysCampaign -Id $id", Args(("id", Ids[0])))));

        Assert.Empty(host.Streams.Error);
        Assert.Equal((StateChangeOutcome.Changed, "POST stop", (string?)null), (record.Outcome, record.WrittenWith, record.FinalStatus));
        Assert.Contains(record.Warnings, w => w.Contains("Reading campaign", StringComparison.Ordinal));
        Assert.Contains(sim.GetStatus(Ids[0]), new[] { "stopping", "off" });
    }
}

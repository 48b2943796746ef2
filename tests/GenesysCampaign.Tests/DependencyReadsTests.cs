using GenesysCloud.Outbound.Api;
using GenesysCloud.Outbound.Engine;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// The reads a plan needs before the first write go out together (issue 23, point 1): the first stop of an
/// emergency pause waits on the slowest list, not on the sum of them. Held to it by counting the list
/// requests in flight at once, not by a clock (the bench times it).
/// </summary>
public class DependencyReadsTests
{
    [Fact]
    public async Task Sequences_rules_and_every_schedule_list_are_read_at_once()
    {
        await using var org = await TestOrg.StartAsync();
        var counting = new InFlight(path => path.Contains("/outbound/sequences", StringComparison.Ordinal)
            || path.Contains("/outbound/campaignrules", StringComparison.Ordinal)
            || path.Contains("/outbound/schedules/", StringComparison.Ordinal));

        var dependencies = await CampaignDependencies.LoadAsync(org.ClientThrough(counting), new RequestStats(), NullOperationLog.Instance, CancellationToken.None);

        Assert.NotNull(dependencies);
        var lists = 2 + GenesysCloud.Outbound.Dependencies.OutboundKinds.Schedules.Count;
        Assert.Equal(lists, counting.MostAtOnce);
    }

    // Issue 23, point 5: the messaging list was read after the last voice page.
    [Fact]
    public async Task The_messaging_list_is_read_beside_the_voice_pages()
    {
        await using var org = await TestOrg.StartAsync();
        var both = new InFlight(path => path is "/api/v2/outbound/campaigns" or "/api/v2/outbound/messagingcampaigns");
        var api = org.ClientThrough(both);

        var listed = new List<GenesysCloud.Outbound.Campaigns.GenesysCampaign>();
        await CampaignFinder.ForEachByNameAsync(api, Array.Empty<NamePattern>(), new HashSet<string>(), c =>
        {
            listed.Add(c);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Contains(listed, c => c.Kind == GenesysCloud.Outbound.Campaigns.CampaignKind.Messaging);
        Assert.Contains(listed, c => c.Kind == GenesysCloud.Outbound.Campaigns.CampaignKind.Voice);
        Assert.True(both.MostAtOnce >= 2, "the messaging list was read only after the voice pages");
        Assert.Equal(listed.Count, listed.Select(c => c.Id).Distinct().Count());
    }

    /// <summary>Holds each matching request 300 ms and keeps the most that were in flight at once.</summary>
    private sealed class InFlight(Func<string, bool> counts) : DelegatingHandler(new HttpClientHandler())
    {
        private int _now;

        public int MostAtOnce { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!counts(request.RequestUri!.AbsolutePath))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var now = Interlocked.Increment(ref _now);
            lock (this)
            {
                MostAtOnce = Math.Max(MostAtOnce, now);
            }

            try
            {
                await Task.Delay(300, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }
}

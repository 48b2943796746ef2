using GenesysCloud.Outbound.Engine;
using GenesysCloud.Outbound.Resilience;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>Issue 23, point 2: after a 429 that was not one resource's own, fewer writes go at once until answers flow again.</summary>
public class WriteThrottleTests
{
    private static async Task<int> FreePlacesAsync(WriteThrottle throttle)
    {
        // Takes places until none is free (a take still pending after 200 ms); the pending one is cancelled.
        var taken = 0;
        while (true)
        {
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                await throttle.TakeAsync(giveUp.Token);
                taken++;
            }
            catch (OperationCanceledException)
            {
                return taken;
            }
        }
    }

    [Fact]
    public void A_429_halves_the_places_once_per_the_wait_it_asked_and_never_below_one()
    {
        var now = new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);
        var throttle = new WriteThrottle(10, () => now);

        throttle.RateLimited(TimeSpan.FromSeconds(2));
        throttle.RateLimited(TimeSpan.FromSeconds(2)); // The same storm: the writes refused together count once.
        Assert.Equal(5, throttle.Limit);

        now += TimeSpan.FromSeconds(2);
        throttle.RateLimited(TimeSpan.FromSeconds(2));
        Assert.Equal(2, throttle.Limit);

        for (var i = 0; i < 3; i++)
        {
            now += TimeSpan.FromSeconds(2);
            throttle.RateLimited(TimeSpan.FromSeconds(2));
            Assert.Equal(1, throttle.Limit);
        }
    }

    [Fact]
    public void Each_write_accepted_gives_one_place_back_up_to_the_throttle_limit()
    {
        var now = new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);
        var throttle = new WriteThrottle(4, () => now);
        throttle.RateLimited(TimeSpan.FromSeconds(2));
        Assert.Equal(2, throttle.Limit);

        throttle.Answered();
        Assert.Equal(3, throttle.Limit);
        throttle.Answered();
        throttle.Answered();
        Assert.Equal(4, throttle.Limit);
    }

    [Fact]
    public async Task Places_in_use_when_the_throttle_shrinks_are_kept_as_they_come_back()
    {
        var now = new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);
        var throttle = new WriteThrottle(4, () => now);
        for (var i = 0; i < 4; i++)
        {
            await throttle.TakeAsync(CancellationToken.None);
        }

        throttle.RateLimited(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 4; i++)
        {
            throttle.Release();
        }

        // Two of the four places came back to be handed out; the other two are kept until writes are accepted.
        Assert.Equal(2, await FreePlacesAsync(throttle));
        throttle.Answered();
        Assert.Equal(1, await FreePlacesAsync(throttle));
    }

    [Fact]
    public async Task A_429_narrows_the_throttle_only_when_it_was_not_one_resources_own()
    {
        var throttle = new WriteThrottle(8);
        await throttle.TakeAsync(CancellationToken.None);
        var slot = new ThrottleSlot(throttle);

        slot.RateLimited(TimeSpan.FromSeconds(2), tokenWide: false); // One resource's own limit.
        Assert.Equal(8, throttle.Limit);

        slot.RateLimited(TimeSpan.FromSeconds(2), tokenWide: true);
        Assert.Equal(4, throttle.Limit);
    }

    [Theory]
    [InlineData(null, null, false)]     // Nothing said: the stricter reading, the token's.
    [InlineData("300", "120", true)]    // Room left: the 429 was one resource's own.
    [InlineData("300", "300", false)]   // Spent.
    public void Whether_a_429_is_one_resources_own_is_read_from_the_token_budget(string? allowed, string? count, bool room)
    {
        var budget = new RateBudget();
        budget.Observe(allowed, count, "30");

        Assert.Equal(room, budget.HasRoom);
    }
}

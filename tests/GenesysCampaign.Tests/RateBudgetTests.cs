using System.Diagnostics;
using GenesysCloud.Outbound.Resilience;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>The request budget read from Genesys's rate-limit headers. One test measures a wait, so they run alone (<see cref="TimingSensitive"/>).</summary>
[Collection(TimingSensitive.Name)]
public class RateBudgetTests
{
    [Fact]
    public async Task A_spent_window_makes_the_next_request_wait_for_the_reset()
    {
        var budget = new RateBudget();
        budget.Observe("10", "9", "0.3");

        var clock = Stopwatch.StartNew();
        await budget.WaitTurnAsync(CancellationToken.None);

        Assert.True(clock.ElapsedMilliseconds >= 250, $"waited {clock.ElapsedMilliseconds} ms");
        Assert.Equal(1, budget.Waits);
    }

    [Fact]
    public async Task Requests_within_the_window_leave_a_reserve_and_do_not_wait()
    {
        var budget = new RateBudget();
        budget.Observe("10", "2", "60");

        for (var i = 0; i < 10 - 2 - 2; i++)
        {
            await budget.WaitTurnAsync(CancellationToken.None);
        }

        Assert.Equal(0, budget.Waits);
        var blocked = budget.WaitTurnAsync(new CancellationTokenSource(200).Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
    }

    [Fact]
    public async Task A_reset_further_off_than_a_minute_is_read_as_a_minute()
    {
        var now = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
        var budget = new RateBudget(() => now);
        budget.Observe("10", "10", "1795000000");   // an epoch time, not seconds to wait

        now += TimeSpan.FromSeconds(61);
        await budget.WaitTurnAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);

        Assert.Equal(0, budget.Waits);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task A_tiny_allowance_still_lets_a_request_through_each_window(string allowed)
    {
        var now = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
        var budget = new RateBudget(() => now);
        budget.Observe(allowed, "0", "60");

        await budget.WaitTurnAsync(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
        budget.Observe(allowed, allowed, "60");
        now += TimeSpan.FromSeconds(61);
        await budget.WaitTurnAsync(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);

        Assert.Equal(0, budget.Waits);
    }

    [Theory]
    [InlineData(null, "1", "1")]
    [InlineData("x", "1", "1")]
    [InlineData("0", "1", "1")]
    public async Task Missing_or_odd_headers_pace_nothing(string? allowed, string count, string reset)
    {
        var budget = new RateBudget();
        budget.Observe(allowed, count, reset);
        for (var i = 0; i < 50; i++)
        {
            await budget.WaitTurnAsync(CancellationToken.None);
        }

        Assert.Equal(0, budget.Waits);
    }

    [Fact]
    public void A_rate_limit_reset_that_is_not_a_number_is_ignored()
    {
        var budget = new RateBudget();

        budget.Observe("120", "5", "NaN");

        Assert.Equal(RateBudget.DefaultAllowedPerMinute, budget.Allowed);
    }
}

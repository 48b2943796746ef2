using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Tests that measure time (the spread of retries after a 429, how long a wait or a bulk run takes):
/// run alone, one after another, after the parallel ones, for under a loaded thread pool timers that
/// were due apart fire together, and what is measured is the machine's, not the module's (seen once
/// in a full run, 2026-12-01). Members: RateLimitTests, RateBudgetTests, NotificationTests,
/// WaitConfirmationTests, BulkPacingTests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing";
}

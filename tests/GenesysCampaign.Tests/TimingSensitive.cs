using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Tests that measure when requests arrive (the spread of retries after a 429): run alone, after the
/// parallel ones, for under a loaded thread pool timers that were due apart fire together, and the
/// spread measured is the machine's, not the module's (seen once in a full run, 2026-12-01).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing";
}

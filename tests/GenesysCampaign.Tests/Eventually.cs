using System.Diagnostics;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Waits for what a test needs to have happened before it acts (the simulator to have seen a request,
/// before Ctrl+C), looking every 20 ms. It fails the test when that does not happen within the limit,
/// rather than let it act on nothing and pass.
/// </summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"Not within {limit.TotalSeconds:0.#} s: {what}.");
            await Task.Delay(20);
        }
    }
}

using System.Management.Automation;
using GenesysCloud.Outbound.Audit;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>What the tests read out of a cmdlet's output and error stream (<c>using static</c> in each test file).</summary>
internal static class TestRecords
{
    /// <summary>The output as change records; any other object in it fails the test.</summary>
    public static List<GenesysCampaignStateChange> Records(IEnumerable<PSObject> output) =>
        output.Select(o => Assert.IsType<GenesysCampaignStateChange>(o.BaseObject)).ToList();

    /// <summary>The errors as "Id: message" for an assertion's message.</summary>
    public static string Ids(IEnumerable<ErrorRecord> errors) =>
        string.Join(" | ", errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0] + ": " + e.Exception.Message));

    /// <summary>The records, one line each, for an assertion's message.</summary>
    public static string Describe(IEnumerable<GenesysCampaignStateChange> records) =>
        string.Join(" | ", records.Select(r => $"{r.ObjectKind} {r.ObjectId} {r.Action} {r.Outcome} {r.Message}"));

    /// <summary>The records counted by outcome and status change (3x Changed on->off), for an assertion's message.</summary>
    public static string Tally(IEnumerable<GenesysCampaignStateChange> records) =>
        string.Join(" | ", records.GroupBy(r => $"{r.Outcome} {r.PreviousStatus}->{r.FinalStatus}").Select(g => $"{g.Count()}x {g.Key}"));
}

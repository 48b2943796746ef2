using System.Collections;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>A change record from a copy of one that arrived as a PowerShell object (Core's <see cref="CopiedRecord"/>).</summary>
internal static class RecordCopies
{
    /// <summary>
    /// The record <paramref name="item"/> is, or copies (a deserialized record, an audit line read with
    /// ConvertFrom-Json, with -AsHashtable too, or Import-Csv: its properties or keys by name, in any case);
    /// null when it is neither, with <paramref name="why"/> saying what is wrong when it names a record's
    /// OperationId, Action or Outcome (<see cref="CopiedRecord.From(System.Func{string, object}, out string)"/>).
    /// </summary>
    public static GenesysCampaignStateChange? From(PSObject item, out string? why)
    {
        why = null;
        if (item.BaseObject is GenesysCampaignStateChange record)
        {
            return record;
        }

        if (item.BaseObject is IDictionary dictionary)
        {
            var keys = dictionary.Keys.Cast<object>().Where(k => k is string).Cast<string>().ToList();
            return CopiedRecord.From(name => keys.FirstOrDefault(k => string.Equals(k, name, System.StringComparison.OrdinalIgnoreCase)) is { } key ? Unwrapped(dictionary[key]) : null, out why);
        }

        return CopiedRecord.From(name => Unwrapped(item.Properties[name]?.Value), out why);
    }

    /// <summary>What the error NotAChangeRecord says of <paramref name="item"/>.</summary>
    public static string NotARecord(PSObject item, string? why, string pipeFrom) =>
        why is null
            ? $"InputObject '{item}' is not a change record: a record has an OperationId, an Action and an Outcome (pipe the output of {pipeFrom})."
            : $"InputObject '{item}' is not a change record it can read: {why}.";

    private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}

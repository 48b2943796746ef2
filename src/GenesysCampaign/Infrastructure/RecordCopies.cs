using System;
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

    /// <summary>
    /// The error NotAChangeRecord (InvalidArgument) for <paramref name="item"/>, given where a record is taken:
    /// what is wrong with it (<paramref name="why"/>), or, when it names no record field, what to pipe instead.
    /// </summary>
    public static ErrorRecord NotARecord(PSObject item, string? why, string pipeFrom) => NotARecord(
        why is null
            ? $"InputObject '{item}' is not a change record: a record has an OperationId, an Action and an Outcome (pipe the output of {pipeFrom})."
            : $"InputObject '{item}' is not a change record it can read: {why}.",
        item);

    /// <summary>The error NotAChangeRecord (InvalidArgument) for a copy of a record given for <paramref name="id"/> that cannot be read (<paramref name="why"/>).</summary>
    public static ErrorRecord Unreadable(string id, string why) =>
        NotARecord($"The change record given for '{id}' cannot be read: {why}. Nothing was sent for it.", id);

    private static ErrorRecord NotARecord(string message, object target) =>
        new(new ArgumentException(message), "NotAChangeRecord", ErrorCategory.InvalidArgument, target);

    private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}

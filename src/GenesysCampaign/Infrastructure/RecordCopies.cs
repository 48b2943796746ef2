using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>A change record from a copy of one that arrived as a PowerShell object (Core's <see cref="CopiedRecord"/>).</summary>
internal static class RecordCopies
{
    /// <summary>
    /// The record <paramref name="item"/> is, or copies (a deserialized record, an audit line read with
    /// ConvertFrom-Json or Import-Csv: its properties by name, in any case); null when it is neither.
    /// </summary>
    public static GenesysCampaignStateChange? From(PSObject item) =>
        item.BaseObject as GenesysCampaignStateChange
        ?? CopiedRecord.From(name => item.Properties[name]?.Value is { } value ? (value is PSObject wrapped ? wrapped.BaseObject : value) : null);
}

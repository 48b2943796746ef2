using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// A record's warnings: a read-only list whose text is the warnings joined with "; ", so a record
/// flattened by Export-Csv, or by ConvertTo-Json past its -Depth, shows the warnings, not the list's
/// type name. As a list (the audit line, $record.Warnings) it is the warnings one by one.
/// </summary>
public sealed class WarningList : ReadOnlyCollection<string>
{
    internal WarningList(IList<string> warnings)
        : base(warnings)
    {
    }

    /// <summary>The warnings, joined with "; " (empty when there are none).</summary>
    public override string ToString() => string.Join("; ", this);
}

using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>An audit log given by path, read as the cmdlets that read one do (Get-GenesysCampaignAuditLog, Measure-GenesysCampaignChange).</summary>
internal static class AuditLogInput
{
    /// <summary>
    /// The records of the log at <paramref name="path"/> (a PowerShell path), one by one: a log that does not
    /// exist is the error AuditLogNotFound (and no record), a line that is no record a warning with its number.
    /// </summary>
    public static IEnumerable<GenesysCampaignStateChange> Read(PSCmdlet cmdlet, string path)
    {
        var full = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
        if (!File.Exists(full))
        {
            cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"The audit log '{full}' does not exist."), "AuditLogNotFound", ErrorCategory.ObjectNotFound, full));
            yield break;
        }

        foreach (var line in AuditLogReader.Read(full))
        {
            if (line.Record is { } record)
            {
                yield return record;
            }
            else
            {
                cmdlet.WriteWarning($"Line {line.LineNumber} of '{full}' is not an audit record and was skipped: {line.Error}");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.PowerShell.Infrastructure;

/// <summary>An audit log given by path, read as the cmdlets that read one do (Get-GenesysCampaignAuditLog, Measure-GenesysCampaignChange).</summary>
internal static class AuditLogInput
{
    /// <summary>
    /// The records of the logs at <paramref name="path"/> (a PowerShell path), one by one: the file itself
    /// when it exists, else every file its wildcards match (./logs/*.jsonl), in name order. A path that names
    /// none is the error AuditLogNotFound (and no record); a line that is no record, a warning with its number.
    /// </summary>
    public static IEnumerable<GenesysCampaignStateChange> Read(PSCmdlet cmdlet, string path)
    {
        foreach (var full in Resolve(cmdlet, path))
        {
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

    /// <summary>
    /// The files <paramref name="path"/> names. The file itself comes first, so that a name with brackets
    /// (audit[1].jsonl, piped from Get-ChildItem) is never read as a wildcard.
    /// </summary>
    private static IReadOnlyList<string> Resolve(PSCmdlet cmdlet, string path)
    {
        var full = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
        if (File.Exists(full))
        {
            return new[] { full };
        }

        if (!WildcardPattern.ContainsWildcardCharacters(path))
        {
            cmdlet.WriteError(NotFound($"The audit log '{full}' does not exist.", full));
            return Array.Empty<string>();
        }

        IEnumerable<string> matched;
        try
        {
            matched = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _);
        }
        catch (SessionStateException) // No such item, drive or provider: nothing matches.
        {
            matched = Array.Empty<string>();
        }

        var files = matched.Where(File.Exists).OrderBy(file => file, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            // A wildcard that matches no log measures nothing: said, or a runbook's check would pass on nothing.
            cmdlet.WriteError(NotFound($"No audit log matches '{path}'.", path));
        }

        return files;
    }

    private static ErrorRecord NotFound(string message, string target) =>
        new(new ItemNotFoundException(message), "AuditLogNotFound", ErrorCategory.ObjectNotFound, target);
}

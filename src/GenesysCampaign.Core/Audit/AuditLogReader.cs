using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Outbound.Audit;

/// <summary>One line of an audit log: its record, or why it is not one.</summary>
internal sealed class AuditLogLine
{
    internal AuditLogLine(int lineNumber, GenesysCampaignStateChange? record, string? error)
    {
        LineNumber = lineNumber;
        Record = record;
        Error = error;
    }

    /// <summary>1-based line number.</summary>
    public int LineNumber { get; }

    /// <summary>The record, or null for a damaged line.</summary>
    public GenesysCampaignStateChange? Record { get; }

    /// <summary>Why the line is not a record.</summary>
    public string? Error { get; }
}

/// <summary>
/// Reads an audit log back. A damaged line (a torn write, an edit by hand) is reported with its
/// line number and reading goes on: one bad line never hides the others.
/// </summary>
internal static class AuditLogReader
{
    /// <summary>Streams every non-empty line of <paramref name="path"/>, while writers may still append.</summary>
    public static IEnumerable<AuditLogLine> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            GenesysCampaignStateChange? record = null;
            string? error = null;
            try
            {
                record = JsonLinesAuditSink.FromLine(line);
                if (string.IsNullOrEmpty(record.ObjectId) && !string.IsNullOrEmpty(record.CampaignId))
                {
                    // Written before 0.2, when every record was a campaign's: it named only the campaign.
                    record.ObjectKind = OutboundObjectKind.Campaign;
                    record.ObjectId = record.CampaignId!;
                    record.ObjectName = record.CampaignName;
                }

                if (string.IsNullOrEmpty(record.ObjectId))
                {
                    record = null;
                    error = "it has no objectId (or campaignId)";
                }
            }
            catch (JsonException ex)
            {
                error = ex.Message;
            }

            yield return new AuditLogLine(number, record, error);
        }
    }
}

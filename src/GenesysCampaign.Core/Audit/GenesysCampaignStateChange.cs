using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// The audit record of one campaign given to Suspend, Resume or Stop: one per campaign, on the
/// pipeline and (with an audit log path) as one JSON line.
/// </summary>
public sealed class GenesysCampaignStateChange
{
    /// <summary>When the record was made (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>Shared by every record of one cmdlet invocation.</summary>
    public string OperationId { get; set; } = string.Empty;

    /// <summary>The campaign id.</summary>
    public string CampaignId { get; set; } = string.Empty;

    /// <summary>The campaign name, when it was read.</summary>
    public string? CampaignName { get; set; }

    /// <summary>Voice, Sms, Email or WhatsApp, when the campaign was read (null for an id that matched none).</summary>
    public GenesysCloud.Outbound.Campaigns.CampaignMediaType? MediaType { get; set; }

    /// <summary>Suspend, Resume or Stop.</summary>
    public CampaignAction Action { get; set; }

    /// <summary>The -Reason the user gave.</summary>
    public string? Reason { get; set; }

    /// <summary>The status before the change.</summary>
    public string? PreviousStatus { get; set; }

    /// <summary>The status that was (or would have been) written.</summary>
    public string RequestedStatus { get; set; } = string.Empty;

    /// <summary>The last status seen.</summary>
    public string? FinalStatus { get; set; }

    /// <summary>Changed, Unchanged, Rejected, Failed or TimedOut.</summary>
    public StateChangeOutcome Outcome { get; set; }

    /// <summary>What happened, in a sentence.</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>Rules or schedules that may undo the change, and other cautions.</summary>
    public IReadOnlyList<string> Warnings { get; set; } = Array.Empty<string>();

    /// <summary>
    /// How the change was written: each accepted write in order, such as <c>POST stop</c>,
    /// <c>POST start</c>, <c>PUT off</c> (the full-body fallback) or <c>POST stop; PUT forced_off</c>;
    /// null when nothing was written.
    /// </summary>
    public string? WrittenWith { get; set; }

    /// <summary>HTTP requests this campaign took.</summary>
    public int Attempts { get; set; }

    /// <summary>Time from start to record.</summary>
    public long DurationMs { get; set; }

    /// <summary>The last Genesys correlation id (contextId) seen: what Genesys support asks for.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The API's error code (or the module's), for Rejected and Failed records.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The kind of failure, for mapping to an error category; not part of the audit line.</summary>
    [JsonIgnore]
    public FailureKind? Failure { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{CampaignName ?? CampaignId}: {Action} {PreviousStatus} -> {FinalStatus} ({Outcome})";
}

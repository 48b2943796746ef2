using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// The audit record of one object given to a cmdlet that changes it (a campaign to Suspend, Resume
/// or Stop; a sequence to Suspend- or Resume-GenesysCampaignSequence; a campaign rule to Disable- or
/// Enable-GenesysCampaignRule): one per object, on the pipeline and (with an audit log path) as one
/// JSON line. <see cref="ObjectKind"/>, <see cref="ObjectId"/> and <see cref="ObjectName"/> say what
/// was changed; <see cref="CampaignId"/> and <see cref="CampaignName"/> name the campaign, when the
/// object is one.
/// </summary>
public sealed class GenesysCampaignStateChange
{
    /// <summary>When the record was made (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>Shared by every record of one cmdlet invocation.</summary>
    public string OperationId { get; set; } = string.Empty;

    /// <summary>What was changed: a Campaign, Sequence or CampaignRule (Campaign in audit lines written before 0.2).</summary>
    public OutboundObjectKind ObjectKind { get; set; }

    /// <summary>The id of what was changed (as given, for an id that matched nothing).</summary>
    public string ObjectId { get; set; } = string.Empty;

    /// <summary>The name of what was changed, when it was read.</summary>
    public string? ObjectName { get; set; }

    /// <summary>The campaign id, when the object is a campaign (null for a sequence or rule).</summary>
    public string? CampaignId { get; set; }

    /// <summary>The campaign name, when the object is a campaign and was read.</summary>
    public string? CampaignName { get; set; }

    /// <summary>Voice, Sms, Email or WhatsApp, when the campaign was read (null for an id that matched none).</summary>
    public GenesysCloud.Outbound.Campaigns.CampaignMediaType? MediaType { get; set; }

    /// <summary>Suspend, Resume or Stop (campaigns and sequences); Disable or Enable (campaign rules).</summary>
    public CampaignAction Action { get; set; }

    /// <summary>The -Reason the user gave.</summary>
    public string? Reason { get; set; }

    /// <summary>The status before the change: a campaign's or sequence's <c>status</c>; a rule's <c>enabled</c> or <c>disabled</c>.</summary>
    public string? PreviousStatus { get; set; }

    /// <summary>The status that was (or would have been) written.</summary>
    public string RequestedStatus { get; set; } = string.Empty;

    /// <summary>The last status seen.</summary>
    public string? FinalStatus { get; set; }

    /// <summary>
    /// The version of the object as last seen, with <see cref="FinalStatus"/> (null when that is not
    /// known): what an undo compares to tell whether the object was changed since.
    /// </summary>
    public int? FinalVersion { get; set; }

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

    /// <summary>
    /// The whole body a full-body PUT replaced (the JSON exactly as read before the write), when the
    /// change was made by one; null when it was made by an endpoint or not made. What an undo puts back.
    /// </summary>
    public string? ReplacedBody { get; set; }

    /// <summary>HTTP requests this change took.</summary>
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
    public override string ToString() => $"{ObjectName ?? ObjectId}: {Action} {PreviousStatus} -> {FinalStatus} ({Outcome})";
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace GenesysCloud.Outbound.Audit;

/// <summary>
/// The audit record of one object given to a cmdlet that changes it (a campaign to Suspend, Resume
/// or Stop; a sequence to Suspend- or Resume-GenesysCampaignSequence; a campaign rule to Disable- or
/// Enable-GenesysCampaignRule): one per object, on the pipeline and (with an audit log path) as one
/// JSON line. <see cref="ObjectKind"/>, <see cref="ObjectId"/> and <see cref="ObjectName"/> say what
/// was changed; <see cref="CampaignId"/> and <see cref="CampaignName"/> name the campaign, when the
/// object is one. Read-only outside the module (the setters are internal): a record is what the module
/// saw and did, and a script cannot rewrite what claims to be an audit line. Each property is
/// [JsonInclude] so that audit lines, old ones included, still read back.
/// </summary>
public sealed class GenesysCampaignStateChange
{
    private IReadOnlyList<string> _warnings = new WarningList(Array.Empty<string>());

    /// <summary>When the record was made (UTC).</summary>
    [JsonInclude]
    public DateTime Timestamp { get; internal set; }

    /// <summary>Shared by every record of one cmdlet invocation.</summary>
    [JsonInclude]
    public string OperationId { get; internal set; } = string.Empty;

    /// <summary>What was changed: a Campaign, Sequence or CampaignRule (Campaign in audit lines written before 0.2).</summary>
    [JsonInclude]
    public OutboundObjectKind ObjectKind { get; internal set; }

    /// <summary>The id of what was changed (as given, for an id that matched nothing).</summary>
    [JsonInclude]
    public string ObjectId { get; internal set; } = string.Empty;

    /// <summary>The name of what was changed, when it was read.</summary>
    [JsonInclude]
    public string? ObjectName { get; internal set; }

    /// <summary>The campaign id, when the object is a campaign (null for a sequence or rule).</summary>
    [JsonInclude]
    public string? CampaignId { get; internal set; }

    /// <summary>The campaign name, when the object is a campaign and was read.</summary>
    [JsonInclude]
    public string? CampaignName { get; internal set; }

    /// <summary>Voice, Sms, Email or WhatsApp, when the campaign was read (null for an id that matched none).</summary>
    [JsonInclude]
    public CampaignMediaType? MediaType { get; internal set; }

    /// <summary>Suspend, Resume or Stop (campaigns and sequences); Disable or Enable (campaign rules).</summary>
    [JsonInclude]
    public CampaignAction Action { get; internal set; }

    /// <summary>The -Reason the user gave.</summary>
    [JsonInclude]
    public string? Reason { get; internal set; }

    /// <summary>The status before the change: a campaign's or sequence's <c>status</c>; a rule's <c>enabled</c> or <c>disabled</c>.</summary>
    [JsonInclude]
    public string? PreviousStatus { get; internal set; }

    /// <summary>The status that was (or would have been) written.</summary>
    [JsonInclude]
    public string RequestedStatus { get; internal set; } = string.Empty;

    /// <summary>The last status seen.</summary>
    [JsonInclude]
    public string? FinalStatus { get; internal set; }

    /// <summary>
    /// The version of the object as last seen, with <see cref="FinalStatus"/> (null when that is not
    /// known): what an undo compares to tell whether the object was changed since.
    /// </summary>
    [JsonInclude]
    public int? FinalVersion { get; internal set; }

    /// <summary>Changed, Unchanged, Rejected, Failed or TimedOut.</summary>
    [JsonInclude]
    public StateChangeOutcome Outcome { get; internal set; }

    /// <summary>What happened, in a sentence.</summary>
    [JsonInclude]
    public string Message { get; internal set; } = string.Empty;

    /// <summary>Rules or schedules that may undo the change, and other cautions.</summary>
    [JsonInclude]
    public IReadOnlyList<string> Warnings
    {
        get => _warnings;

        // A read-only copy: an array behind IReadOnlyList would still take $record.Warnings[0] = '...'.
        internal set => _warnings = new WarningList(value.ToArray());
    }

    /// <summary>
    /// How the change was written: each accepted write in order, such as <c>POST stop</c>,
    /// <c>POST start</c>, <c>PUT off</c> (the full-body fallback) or <c>POST stop; PUT forced_off</c>;
    /// null when nothing was written.
    /// </summary>
    [JsonInclude]
    public string? WrittenWith { get; internal set; }

    /// <summary>
    /// The whole body a full-body PUT replaced (the JSON exactly as read before the write), when the
    /// change was made by one; null when it was made by an endpoint or not made. What an undo puts back.
    /// </summary>
    [JsonInclude]
    public string? ReplacedBody { get; internal set; }

    /// <summary>HTTP requests this change took.</summary>
    [JsonInclude]
    public int Attempts { get; internal set; }

    /// <summary>Time from start to record.</summary>
    [JsonInclude]
    public long DurationMs { get; internal set; }

    /// <summary>
    /// When Genesys accepted the change's first write (UTC); null when nothing was written, and in audit
    /// lines written by 0.2.0 and earlier. What latency is measured from (Measure-GenesysCampaignChange).
    /// </summary>
    [JsonInclude]
    public DateTime? WrittenAt { get; internal set; }

    /// <summary>
    /// When the object was seen settled after the write (UTC): a Changed record whose final status is
    /// not transitional (off, on, forced_off; not stopping), at the read or event that showed it. Null when
    /// it was not seen settled (a pause without -Wait closes while stopping; a timeout; a failure), and in
    /// audit lines written by 0.2.0 and earlier. WrittenAt to SettledAt is the settle time.
    /// </summary>
    [JsonInclude]
    public DateTime? SettledAt { get; internal set; }

    /// <summary>
    /// The Genesys correlation id (contextId) of the change's last accepted write, else of its last request
    /// (a refusal's own): what Genesys support asks for.
    /// </summary>
    [JsonInclude]
    public string? CorrelationId { get; internal set; }

    /// <summary>The API's error code (or the module's), for Rejected and Failed records.</summary>
    [JsonInclude]
    public string? ErrorCode { get; internal set; }

    /// <summary>The kind of failure, for mapping to an error category; not part of the audit line.</summary>
    [JsonIgnore]
    public FailureKind? Failure { get; internal set; }

    /// <summary>The id of the Genesys Cloud org acted on (GET /api/v2/tokens/me at Connect-GenesysCloud); null when it could not be read, and in audit lines written by 0.2.0 and earlier.</summary>
    [JsonInclude]
    public string? OrganizationId { get; internal set; }

    /// <summary>The name of the org acted on; null as <see cref="OrganizationId"/>.</summary>
    [JsonInclude]
    public string? OrganizationName { get; internal set; }

    /// <summary>Where the org is: its region host (mypurecloud.ie) or the base URI given (a proxy, the simulator).</summary>
    [JsonInclude]
    public string? Environment { get; internal set; }

    /// <summary>The OAuth client that acted (the client id connected with, else the one the token belongs to).</summary>
    [JsonInclude]
    public string? OAuthClientId { get; internal set; }

    /// <summary>The operating-system user that ran the cmdlet (DOMAIN\user where there is a domain).</summary>
    [JsonInclude]
    public string? RunBy { get; internal set; }

    /// <summary>The machine that ran the cmdlet.</summary>
    [JsonInclude]
    public string? Machine { get; internal set; }

    /// <summary>
    /// The kind, short, as the table's Kind column shows it: <c>Campaign</c>, <c>Sequence</c>, <c>Rule</c>
    /// or <c>Schedule</c> (<see cref="ObjectKind"/> is the full one). Not in the audit line.
    /// </summary>
    [JsonIgnore]
    public string Kind => ObjectKind switch
    {
        OutboundObjectKind.CampaignRule => "Rule",
        OutboundObjectKind.Campaign or OutboundObjectKind.Sequence => ObjectKind.ToString(),
        _ => "Schedule",
    };

    /// <summary>
    /// The status the object was last seen in (<see cref="FinalStatus"/>), as the table's Status column heads it,
    /// so <c>Where-Object Status -eq off</c> finds what the table shows as off. Not in the audit line.
    /// </summary>
    [JsonIgnore]
    public string? Status => FinalStatus;

    /// <inheritdoc />
    public override string ToString() => $"{ObjectName ?? ObjectId}: {Action} {PreviousStatus} -> {FinalStatus} ({Outcome})";
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GenesysCloud.Outbound.Audit;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>What an outbound schedule schedules, and so which list it comes from.</summary>
public enum ScheduleKind
{
    /// <summary>A voice campaign: <c>/api/v2/outbound/schedules/campaigns</c>, SDK model <c>CampaignSchedule</c>, target in <c>campaign</c>.</summary>
    Campaign,

    /// <summary>A sequence: <c>/api/v2/outbound/schedules/sequences</c>, SDK model <c>SequenceSchedule</c>, target in <c>sequence</c>.</summary>
    Sequence,

    /// <summary>A messaging campaign: <c>/api/v2/outbound/schedules/messagingcampaigns</c>, SDK model <c>MessagingCampaignSchedule</c>, target in <c>messagingCampaign</c>.</summary>
    MessagingCampaign,

    /// <summary>An email campaign: <c>/api/v2/outbound/schedules/emailcampaigns</c>, SDK model <c>EmailCampaignSchedule</c>, target in <c>emailCampaign</c>.</summary>
    EmailCampaign,

    /// <summary>A WhatsApp campaign: <c>/api/v2/outbound/schedules/whatsappcampaigns</c>, SDK model <c>WhatsAppCampaignSchedule</c>, target in <c>whatsAppCampaign</c>.</summary>
    WhatsAppCampaign,
}

/// <summary>
/// An outbound schedule of a campaign, a sequence, a messaging, email or WhatsApp campaign (shape in
/// tests/fixtures/schedule.campaign.json; where each kind's list is: <see cref="OutboundKinds"/>):
/// one-off <see cref="Intervals"/> and <see cref="Recurrences"/> during which Genesys turns the
/// target on, and off at their end. The fields the module needs are typed, with
/// <see cref="NextStart"/> computed by <see cref="ScheduleCalendar"/>; the whole body is kept as
/// the exact JSON that was read, so a later full-body PUT can send every field back.
/// </summary>
public sealed class GenesysCampaignSchedule : IOutboundObject
{
    /// <summary>A schedule as records show it: there.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>A schedule as records show it: deleted (its body kept in the record that deleted it).</summary>
    public const string Removed = "removed";

    private GenesysCampaignSchedule(string json, string id, ScheduleKind kind)
    {
        Json = json;
        Id = id;
        Kind = kind;
    }

    /// <summary>The schedule id. Genesys addresses a schedule by its target's id, and the fixtures README assumes the two are equal.</summary>
    public string Id { get; }

    /// <summary>The schedule name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The optimistic-concurrency version a PUT must echo (0 when the answer has none).</summary>
    public int Version { get; private set; }

    /// <summary>Which list it is in, and so what it schedules (<see cref="OutboundKinds"/>).</summary>
    public ScheduleKind Kind { get; }

    /// <summary>The scheduled object (<c>campaign</c>, <c>sequence</c>, <c>messagingCampaign</c>, <c>emailCampaign</c> or <c>whatsAppCampaign</c>); null when the answer lacks it.</summary>
    public GenesysEntityRef? Target { get; private set; }

    /// <summary>The scheduled object's id (the schedule id when the answer names no target).</summary>
    public string TargetId => Target?.Id ?? Id;

    /// <summary>The scheduled object's name, when the reference carries one.</summary>
    public string? TargetName => Target?.Name;

    /// <summary>What messages call it: its name, else its target's name, else its target's id.</summary>
    internal string DisplayName => Name.Length > 0 ? Name : TargetName ?? TargetId;

    /// <summary>
    /// <c>timeZone</c>: the IANA zone of zone-less interval bounds and of recurrences without a zone
    /// of their own; "UTC" when absent or empty (the SDK's default).
    /// </summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary><c>intervals[]</c>: one-off spans, in the order given.</summary>
    public IReadOnlyList<ScheduleInterval> Intervals { get; private set; } = Array.Empty<ScheduleInterval>();

    /// <summary><c>recurrences[]</c>: repeating spans, in the order given.</summary>
    public IReadOnlyList<ScheduleRecurrence> Recurrences { get; private set; } = Array.Empty<ScheduleRecurrence>();

    /// <summary>
    /// The next time (UTC) at or after the 'now' it was read with that the schedule turns its target
    /// on (<see cref="ScheduleCalendar.NextStart"/>); null when none lies ahead, or when nothing
    /// could be computed (see <see cref="Warnings"/>).
    /// </summary>
    public DateTime? NextStart { get; private set; }

    /// <summary>What could not be read or computed: an unknown time zone, a pattern type this module does not know.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = Array.Empty<string>();

    /// <summary>When the schedule was last modified (UTC), when Genesys says.</summary>
    public DateTime? DateModified { get; private set; }

    /// <summary>The exact JSON text that was read.</summary>
    internal string Json { get; }

    /// <inheritdoc />
    OutboundObjectKind IOutboundObject.ObjectKind => OutboundKinds.Of(Kind).ObjectKind;

    /// <summary>A schedule is addressed by the id of what it schedules: so are its records.</summary>
    string IOutboundObject.Id => TargetId;

    /// <summary>The exact JSON text that was read (every field, unknown ones too).</summary>
    public string ToJson() => Json;

    /// <summary>The next start (UTC) at or after <paramref name="now"/>, computed afresh; null when none lies ahead.</summary>
    public DateTime? NextStartAfter(DateTimeOffset now)
    {
        var scheduleZone = ScheduleCalendar.FindZone(TimeZone);
        var recurrences = new List<(ScheduleRecurrence, TimeZoneInfo)>();
        foreach (var recurrence in Recurrences.Where(r => r.IsUnderstood))
        {
            var zone = string.IsNullOrWhiteSpace(recurrence.TimeZone) ? scheduleZone : ScheduleCalendar.FindZone(recurrence.TimeZone);
            if (zone is not null)
            {
                recurrences.Add((recurrence, zone));
            }
        }

        var intervals = Intervals.Where(i => i.Start is not null && i.End is not null)
            .Select(i => (new DateTimeOffset(i.Start!.Value, TimeSpan.Zero), new DateTimeOffset(i.End!.Value, TimeSpan.Zero)));
        return ScheduleCalendar.NextStart(intervals, recurrences, now)?.UtcDateTime;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// Reads one schedule of <paramref name="kind"/> (when null, the first kind of <see cref="OutboundKinds"/>
    /// whose target property the object has, else Campaign);
    /// <see cref="NextStart"/> is computed from <paramref name="now"/>. Its raw text is kept byte for byte.
    /// </summary>
    /// <exception cref="FormatException">The object has no id and names no target.</exception>
    public static GenesysCampaignSchedule Parse(JsonElement element, ScheduleKind? kind, DateTimeOffset now)
    {
        var row = kind is { } given ? OutboundKinds.Of(given) : OutboundKinds.Schedules
            .Where(k => DependencyJson.Property(element, k.TargetProperty).ValueKind is JsonValueKind.Object or JsonValueKind.String)
            .DefaultIfEmpty(OutboundKinds.Of(ScheduleKind.Campaign))
            .First();
        var target = DependencyJson.Reference(element, row.TargetProperty);
        var id = DependencyJson.Text(element, "id") is { Length: > 0 } own ? own : target?.Id
            ?? throw new FormatException($"A {row.Noun} has no 'id' and no '{row.TargetProperty}'.");
        var zoneName = DependencyJson.Text(element, "timeZone") is { } text && !string.IsNullOrWhiteSpace(text) ? text : "UTC";
        var zone = ScheduleCalendar.FindZone(zoneName);
        var warnings = new List<string>();
        if (zone is null)
        {
            warnings.Add($"Time zone '{zoneName}' is not known on this machine: times without a zone of their own were not computed.");
        }

        var schedule = new GenesysCampaignSchedule(element.GetRawText(), id, row.ScheduleKind!.Value)
        {
            Name = DependencyJson.Text(element, "name") ?? string.Empty,
            Version = DependencyJson.Int(element, "version") ?? 0,
            Target = target,
            TimeZone = zoneName,
            Intervals = DependencyJson.Array(element, "intervals").Select(i => new ScheduleInterval(i, zone)).ToList(),
            Recurrences = DependencyJson.Array(element, "recurrences").Where(r => r.ValueKind == JsonValueKind.Object).Select(ScheduleRecurrence.Parse).ToList(),
            DateModified = DependencyJson.Date(element, "dateModified"),
        };

        foreach (var interval in schedule.Intervals.Where(i => (i.StartText is not null && i.Start is null) || (i.EndText is not null && i.End is null)))
        {
            if (zone is not null || ScheduleCalendar.HasZone(interval.StartText ?? interval.EndText ?? string.Empty))
            {
                warnings.Add($"Interval '{interval.StartText}' to '{interval.EndText}' could not be read as times: it is left out of NextStart.");
            }
        }

        foreach (var recurrence in schedule.Recurrences)
        {
            if (!recurrence.IsUnderstood)
            {
                warnings.Add($"Recurrence {recurrence.Id ?? "(no id)"} ('{recurrence.PatternType}', start '{recurrence.Start}', end '{recurrence.End}') is not one this module can compute: it is left out of NextStart.");
            }
            else if (!string.IsNullOrWhiteSpace(recurrence.TimeZone) && ScheduleCalendar.FindZone(recurrence.TimeZone) is null)
            {
                warnings.Add($"Time zone '{recurrence.TimeZone}' of recurrence {recurrence.Id ?? "(no id)"} is not known on this machine: it is left out of NextStart.");
            }
        }

        try
        {
            schedule.NextStart = schedule.NextStartAfter(now);
        }
        catch (ArgumentException ex)
        {
            // Times at the calendar's edge (year 9999 in a zone west of UTC) overflow DateTime: that one
            // schedule's next start is unknown, and said so; the list it is in is read all the same.
            warnings.Add($"NextStart could not be computed: a time lies beyond what a date can hold ({ex.Message.Split('(')[0].Trim()}).");
        }

        schedule.Warnings = warnings;
        return schedule;
    }

    /// <summary>Reads one schedule from JSON text.</summary>
    public static GenesysCampaignSchedule Parse(string json, ScheduleKind? kind, DateTimeOffset now)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement, kind, now);
    }
}

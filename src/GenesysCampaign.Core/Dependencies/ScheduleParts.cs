using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// One of a schedule's <c>intervals[]</c> (SDK model <c>ScheduleInterval</c>): a one-off span during
/// which the target runs. Its bounds are read by <see cref="ScheduleCalendar.TryParseInstant"/>.
/// </summary>
public sealed class ScheduleInterval
{
    internal ScheduleInterval(JsonElement interval, TimeZoneInfo? zone)
    {
        StartText = DependencyJson.Text(interval, "start");
        EndText = DependencyJson.Text(interval, "end");
        Start = Read(StartText, zone);
        End = Read(EndText, zone);
    }

    /// <summary>Creates an interval from UTC instants (for tests and callers that build schedules).</summary>
    public ScheduleInterval(DateTime startUtc, DateTime endUtc)
    {
        Start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        End = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
    }

    /// <summary>When it starts (UTC); null when the text cannot be read or its time zone is unknown here.</summary>
    public DateTime? Start { get; }

    /// <summary>When it ends (UTC); null when the text cannot be read or its time zone is unknown here.</summary>
    public DateTime? End { get; }

    /// <summary><c>start</c> as Genesys wrote it.</summary>
    public string? StartText { get; }

    /// <summary><c>end</c> as Genesys wrote it.</summary>
    public string? EndText { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Start:yyyy-MM-dd HH:mm}Z - {End:yyyy-MM-dd HH:mm}Z";

    /// <summary>A bound with its own zone needs none; one without needs the schedule's (null when unknown here).</summary>
    private static DateTime? Read(string? text, TimeZoneInfo? zone) =>
        text is not null && (zone is not null || ScheduleCalendar.HasZone(text)) && ScheduleCalendar.TryParseInstant(text, zone ?? TimeZoneInfo.Utc, out var instant)
            ? instant.UtcDateTime
            : null;
}

/// <summary>
/// One of a recurrence's <c>alterations[]</c> (SDK model <c>Alteration</c>): <c>Exclusion</c> cuts
/// a span out of the recurrence, <c>Inclusion</c> adds one ("if both an exclusion and inclusion are
/// specified, the inclusion will take precedence"). Times are wall-clock, local to the recurrence's
/// time zone (fixtures README).
/// </summary>
public sealed class ScheduleAlteration
{
    /// <summary>Creates an alteration.</summary>
    public ScheduleAlteration(string type, DateTime? start, DateTime? end)
    {
        Type = type;
        Start = start;
        End = end;
    }

    /// <summary><c>type</c>: Exclusion or Inclusion (others are data and ignored).</summary>
    public string Type { get; }

    /// <summary>Wall-clock start (DateTimeKind.Unspecified).</summary>
    public DateTime? Start { get; }

    /// <summary>Wall-clock end (DateTimeKind.Unspecified).</summary>
    public DateTime? End { get; }

    /// <summary>Whether the alteration is an exclusion.</summary>
    public bool IsExclusion => string.Equals(Type, "Exclusion", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the alteration is an inclusion.</summary>
    public bool IsInclusion => string.Equals(Type, "Inclusion", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Start:yyyy-MM-dd HH:mm} - {End:yyyy-MM-dd HH:mm}";
}

/// <summary>
/// One of a schedule's <c>recurrences[]</c> (SDK model <c>Reoccurrence</c> with <c>Pattern</c>,
/// <c>Range</c>, <c>Alteration</c>; shape in tests/fixtures/schedule.campaign.json). Its times are
/// wall-clock (<c>YYYY-MM-DDThh:mm:ss</c>, no zone) in <see cref="TimeZone"/>, else the schedule's
/// time zone, else UTC (the SDK's text for <c>Reoccurrence.timeZone</c>).
/// </summary>
public sealed class ScheduleRecurrence
{
    /// <summary>Creates a recurrence (for tests and callers that build schedules; parsing uses the same fields).</summary>
    public ScheduleRecurrence(
        DateTime? start,
        DateTime? end,
        string? timeZone,
        string patternType,
        int interval,
        IReadOnlyList<DayOfWeek>? daysOfWeek = null,
        string? rangeType = null,
        DateTime? rangeEnd = null,
        int? numberOfOccurrences = null,
        IReadOnlyList<ScheduleAlteration>? alterations = null,
        string? id = null)
    {
        Id = id;
        Start = start;
        End = end;
        TimeZone = timeZone;
        PatternType = patternType;
        Interval = interval;
        DaysOfWeek = daysOfWeek ?? Array.Empty<DayOfWeek>();
        RangeType = rangeType ?? "NoEnd";
        RangeEnd = rangeEnd;
        NumberOfOccurrences = numberOfOccurrences;
        Alterations = alterations ?? Array.Empty<ScheduleAlteration>();
    }

    /// <summary>The recurrence id.</summary>
    public string? Id { get; }

    /// <summary><c>start</c>: wall-clock start of the first occurrence (DateTimeKind.Unspecified); null when unreadable.</summary>
    public DateTime? Start { get; }

    /// <summary><c>end</c>: wall-clock end of the first occurrence; every occurrence lasts <c>End - Start</c>.</summary>
    public DateTime? End { get; }

    /// <summary><c>timeZone</c>: the recurrence's own IANA zone; null or empty means the schedule's.</summary>
    public string? TimeZone { get; }

    /// <summary><c>pattern.type</c>: Daily or Weekly (the SDK's only values); others are data and give no occurrences.</summary>
    public string PatternType { get; }

    /// <summary><c>pattern.interval</c>: days between occurrences (Daily) or weeks (Weekly); below 1 reads as 1.</summary>
    public int Interval { get; }

    /// <summary><c>pattern.daysOfWeek</c> (Weekly): "Monday", "Wednesday", ...; names not understood are left out.</summary>
    public IReadOnlyList<DayOfWeek> DaysOfWeek { get; }

    /// <summary><c>range.type</c>: NoEnd, EndDate or Numbered (absent reads as NoEnd).</summary>
    public string RangeType { get; }

    /// <summary><c>range.end</c> (EndDate): wall-clock; an occurrence starting after it is out of range.</summary>
    public DateTime? RangeEnd { get; }

    /// <summary><c>range.numberOfOccurrences</c> (Numbered): how many occurrences there are, excluded ones counted.</summary>
    public int? NumberOfOccurrences { get; }

    /// <summary><c>alterations[]</c>: exclusions and inclusions.</summary>
    public IReadOnlyList<ScheduleAlteration> Alterations { get; }

    /// <summary>Whether <see cref="PatternType"/> is one this module computes occurrences for.</summary>
    public bool IsUnderstood =>
        Start is not null && End is not null && End > Start
        && (string.Equals(PatternType, "Daily", StringComparison.OrdinalIgnoreCase) || string.Equals(PatternType, "Weekly", StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => $"{PatternType} every {Interval} from {Start:yyyy-MM-dd HH:mm}";

    internal static ScheduleRecurrence Parse(JsonElement element)
    {
        var pattern = DependencyJson.Property(element, "pattern");
        var range = DependencyJson.Property(element, "range");
        var days = DependencyJson.Array(pattern, "daysOfWeek")
            .Select(d => d.ValueKind == JsonValueKind.String && Enum.TryParse<DayOfWeek>(d.GetString(), ignoreCase: true, out var day) && Enum.IsDefined(typeof(DayOfWeek), day) ? (DayOfWeek?)day : null)
            .Where(d => d is not null)
            .Select(d => d!.Value)
            .Distinct()
            .ToList();
        var rangeEndText = DependencyJson.Text(range, "end");
        DateTime? rangeEnd = ScheduleCalendar.TryParseLocal(rangeEndText, out var end)
            ? (rangeEndText!.Length <= 10 ? EndOfDay(end) : end) // a bare date keeps that whole day
            : null;
        var alterations = DependencyJson.Array(element, "alterations")
            .Select(a => new ScheduleAlteration(
                DependencyJson.Text(a, "type") ?? string.Empty,
                ScheduleCalendar.TryParseLocal(DependencyJson.Text(a, "start"), out var s) ? s : null,
                ScheduleCalendar.TryParseLocal(DependencyJson.Text(a, "end"), out var e) ? e : null))
            .ToList();
        return new ScheduleRecurrence(
            ScheduleCalendar.TryParseLocal(DependencyJson.Text(element, "start"), out var start) ? start : null,
            ScheduleCalendar.TryParseLocal(DependencyJson.Text(element, "end"), out var stop) ? stop : null,
            DependencyJson.Text(element, "timeZone"),
            DependencyJson.Text(pattern, "type") ?? string.Empty,
            DependencyJson.Int(pattern, "interval") ?? 1,
            days,
            DependencyJson.Text(range, "type"),
            rangeEnd,
            DependencyJson.Int(range, "numberOfOccurrences"),
            alterations,
            DependencyJson.Text(element, "id"));
    }

    /// <summary>The last tick of <paramref name="day"/>'s date (the last day of the calendar has no day after it to step back from).</summary>
    private static DateTime EndOfDay(DateTime day) =>
        day.Date == DateTime.MaxValue.Date ? DateTime.MaxValue : day.Date.AddDays(1).AddTicks(-1);
}

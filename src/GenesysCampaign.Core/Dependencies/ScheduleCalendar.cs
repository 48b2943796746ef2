using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace GenesysCloud.Outbound.Dependencies;

/// <summary>
/// The time arithmetic of outbound schedules, in one place: reading their times, the occurrences of
/// a recurrence, and the next time a schedule starts its campaign or sequence. Sources: the SDK
/// models <c>ScheduleInterval</c>, <c>Reoccurrence</c>, <c>Pattern</c>, <c>Range</c> and
/// <c>Alteration</c> (Python SDK 257; tests/fixtures/README.md) and the fixture
/// schedule.campaign.json. Where those are silent the choice is said here, and each is UNCONFIRMED:
/// <list type="bullet">
/// <item>An interval bound with <c>Z</c> or an offset is that instant; one without a zone is wall-clock
/// time in the schedule's <c>timeZone</c> (the fixtures README: "unclear whether they are UTC or local";
/// the simulator reads a zone-less bound as UTC, which only differs for zone-less bounds).</item>
/// <item>Recurrence, range and alteration times are wall-clock (<c>YYYY-MM-DDThh:mm:ss</c>, as the SDK
/// says); a zone suffix, should one appear, is ignored: the wall-clock time is what repeats.</item>
/// <item>A wall-clock time a clock change skips is moved later by the length of the gap (02:30 in a
/// one-hour spring-forward gap is 03:30); one that occurs twice takes the earlier instant (the
/// offset before the change). This is what java.time does with a local date-time, and Genesys's
/// services are Java.</item>
/// <item>Weekly: occurrences fall on <c>daysOfWeek</c> from the recurrence's first date on, every
/// <c>interval</c> weeks counted from the week of its start, weeks starting on Sunday (as the
/// simulator counts them); with no days given, the weekday of the start.</item>
/// <item>EndDate: an occurrence whose wall-clock start is after <c>range.end</c> is out of range.
/// Numbered: the first <c>numberOfOccurrences</c> occurrences, excluded ones counted.</item>
/// <item>An Exclusion removes the time it spans from the recurrence's occurrences (an exclusion of a
/// whole occurrence, as in the fixture, removes it; one in the middle splits it, so the target starts
/// again when it ends); an Inclusion adds its span, whatever the exclusions (the SDK: "the inclusion
/// will take precedence").</item>
/// <item>The next start is the first moment at or after 'now' at which the target goes from not
/// scheduled to scheduled: a span that begins while another (or an adjacent one) is still running
/// starts nothing.</item>
/// </list>
/// </summary>
internal static class ScheduleCalendar
{
    /// <summary>Past this many days from a recurrence's first date (about 110 years), occurrences are no longer looked for.</summary>
    public const int MaxDays = 40_000;

    private static readonly Regex ZoneSuffix = new(@"(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] LocalFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
    };

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// IANA ids and their Windows ids (CLDR windowsZones.xml), for .NET Framework (Windows PowerShell
    /// 5.1), whose <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> knows only Windows ids. .NET on
    /// Windows with ICU, Linux and macOS know IANA ids themselves.
    /// </summary>
    private static readonly Dictionary<string, string> WindowsIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/New_York"] = "Eastern Standard Time",
        ["America/Detroit"] = "Eastern Standard Time",
        ["America/Toronto"] = "Eastern Standard Time",
        ["America/Indiana/Indianapolis"] = "US Eastern Standard Time",
        ["America/Chicago"] = "Central Standard Time",
        ["America/Winnipeg"] = "Central Standard Time",
        ["America/Denver"] = "Mountain Standard Time",
        ["America/Edmonton"] = "Mountain Standard Time",
        ["America/Phoenix"] = "US Mountain Standard Time",
        ["America/Los_Angeles"] = "Pacific Standard Time",
        ["America/Vancouver"] = "Pacific Standard Time",
        ["America/Anchorage"] = "Alaskan Standard Time",
        ["Pacific/Honolulu"] = "Hawaiian Standard Time",
        ["America/Halifax"] = "Atlantic Standard Time",
        ["America/Mexico_City"] = "Central Standard Time (Mexico)",
        ["America/Bogota"] = "SA Pacific Standard Time",
        ["America/Sao_Paulo"] = "E. South America Standard Time",
        ["America/Argentina/Buenos_Aires"] = "Argentina Standard Time",
        ["Europe/London"] = "GMT Standard Time",
        ["Europe/Dublin"] = "GMT Standard Time",
        ["Europe/Lisbon"] = "GMT Standard Time",
        ["Europe/Paris"] = "Romance Standard Time",
        ["Europe/Brussels"] = "Romance Standard Time",
        ["Europe/Madrid"] = "Romance Standard Time",
        ["Europe/Copenhagen"] = "Romance Standard Time",
        ["Europe/Berlin"] = "W. Europe Standard Time",
        ["Europe/Amsterdam"] = "W. Europe Standard Time",
        ["Europe/Rome"] = "W. Europe Standard Time",
        ["Europe/Vienna"] = "W. Europe Standard Time",
        ["Europe/Zurich"] = "W. Europe Standard Time",
        ["Europe/Stockholm"] = "W. Europe Standard Time",
        ["Europe/Oslo"] = "W. Europe Standard Time",
        ["Europe/Warsaw"] = "Central European Standard Time",
        ["Europe/Prague"] = "Central Europe Standard Time",
        ["Europe/Budapest"] = "Central Europe Standard Time",
        ["Europe/Athens"] = "GTB Standard Time",
        ["Europe/Bucharest"] = "GTB Standard Time",
        ["Europe/Helsinki"] = "FLE Standard Time",
        ["Europe/Kiev"] = "FLE Standard Time",
        ["Europe/Istanbul"] = "Turkey Standard Time",
        ["Europe/Moscow"] = "Russian Standard Time",
        ["Africa/Johannesburg"] = "South Africa Standard Time",
        ["Africa/Cairo"] = "Egypt Standard Time",
        ["Asia/Jerusalem"] = "Israel Standard Time",
        ["Asia/Dubai"] = "Arabian Standard Time",
        ["Asia/Kolkata"] = "India Standard Time",
        ["Asia/Calcutta"] = "India Standard Time",
        ["Asia/Singapore"] = "Singapore Standard Time",
        ["Asia/Manila"] = "Singapore Standard Time",
        ["Asia/Shanghai"] = "China Standard Time",
        ["Asia/Hong_Kong"] = "China Standard Time",
        ["Asia/Tokyo"] = "Tokyo Standard Time",
        ["Asia/Seoul"] = "Korea Standard Time",
        ["Australia/Sydney"] = "AUS Eastern Standard Time",
        ["Australia/Melbourne"] = "AUS Eastern Standard Time",
        ["Australia/Brisbane"] = "E. Australia Standard Time",
        ["Australia/Adelaide"] = "Cen. Australia Standard Time",
        ["Australia/Perth"] = "W. Australia Standard Time",
        ["Pacific/Auckland"] = "New Zealand Standard Time",
    };

    /// <summary>
    /// A time zone by IANA id (<c>America/Indiana/Indianapolis</c>; Windows ids work too). Null, empty
    /// or blank means UTC (the SDK: "Defaults to UTC if empty or not provided"); an id this machine
    /// does not know gives null.
    /// </summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        return Zones.GetOrAdd(id!.Trim(), key =>
        {
            if (key is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT" or "Z")
            {
                return TimeZoneInfo.Utc;
            }

            foreach (var candidate in new[] { key, WindowsIds.TryGetValue(key, out var windows) ? windows : null })
            {
                if (candidate is null)
                {
                    continue;
                }

                try
                {
                    return TimeZoneInfo.FindSystemTimeZoneById(candidate);
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
                {
                }
            }

            return null;
        });
    }

    /// <summary>Whether a time text carries its own zone: a trailing <c>Z</c> or an offset such as <c>+01:00</c>.</summary>
    public static bool HasZone(string text) => ZoneSuffix.IsMatch(text.Trim()) && text.Trim().Length > 10;

    /// <summary>
    /// An interval bound: with <c>Z</c> or an offset, that instant; without, wall-clock time in
    /// <paramref name="zone"/> (the schedule's). Genesys writes <c>yyyy-MM-ddTHH:mm:ss.SSSZ</c>.
    /// </summary>
    public static bool TryParseInstant(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (HasZone(text!))
        {
            if (!DateTimeOffset.TryParse(text!.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return false;
            }

            instant = parsed.ToUniversalTime();
            return true;
        }

        if (!TryParseLocal(text, out var local))
        {
            return false;
        }

        try
        {
            instant = ToUtc(local, zone);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // A wall time at the calendar's edge whose instant lies beyond it (9999-12-31 west of UTC).
        }
    }

    /// <summary>A wall-clock time (<c>YYYY-MM-DDThh:mm:ss</c>, fractions, minutes only, or a bare date); a zone suffix is ignored.</summary>
    public static bool TryParseLocal(string? text, out DateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text!.Trim();
        if (HasZone(trimmed))
        {
            trimmed = ZoneSuffix.Replace(trimmed, string.Empty);
        }

        if (!DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        local = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>
    /// A wall-clock time in <paramref name="zone"/> as an instant (offset zero). A time skipped by a
    /// clock change is moved later by the gap; an ambiguous one takes the earlier instant.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(wall))
        {
            // The offset in force before the gap: the wall time read with it lands after the gap by as much as it was into it.
            offset = zone.GetUtcOffset(wall.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(wall))
        {
            offset = zone.GetAmbiguousTimeOffsets(wall).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(wall);
        }

        return new DateTimeOffset(wall.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// The spans a recurrence schedules, in order of start (UTC): its occurrences with the exclusions
    /// cut out, and its inclusions. Empty when its pattern is not understood (<see cref="ScheduleRecurrence.IsUnderstood"/>).
    /// </summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(ScheduleRecurrence recurrence, TimeZoneInfo zone)
    {
        if (!recurrence.IsUnderstood)
        {
            yield break;
        }

        var first = recurrence.Start!.Value;
        var duration = recurrence.End!.Value - first;
        var exclusions = recurrence.Alterations.Where(a => a.IsExclusion && a.Start is not null)
            .Select(a => (Start: ToUtc(a.Start!.Value, zone), End: ToUtc(a.End is { } end && end > a.Start!.Value ? end : a.Start!.Value + duration, zone)))
            .ToList();
        var inclusions = recurrence.Alterations.Where(a => a.IsInclusion && a.Start is not null)
            .Select(a => (Start: ToUtc(a.Start!.Value, zone), End: ToUtc(a.End is { } end && end > a.Start!.Value ? end : a.Start!.Value + duration, zone)))
            .OrderBy(s => s.Start)
            .ToList();

        // Spans come out in order of start: a piece is held until no later occurrence can start before it.
        var held = new List<(DateTimeOffset Start, DateTimeOffset End)>(inclusions);
        foreach (var occurrence in RegularOccurrences(recurrence, zone))
        {
            foreach (var piece in Subtract(occurrence, exclusions))
            {
                held.Add(piece);
            }

            held.Sort((a, b) => a.Start.CompareTo(b.Start));
            while (held.Count > 0 && held[0].Start <= occurrence.Start)
            {
                yield return held[0];
                held.RemoveAt(0);
            }
        }

        held.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (var span in held)
        {
            yield return span;
        }
    }

    /// <summary>
    /// The next moment at or after <paramref name="now"/> at which the schedule turns its target on:
    /// from its intervals (UTC) and its recurrences (each with its time zone); null when there is none
    /// ahead. A span that begins while another is running (or just as one ends) starts nothing.
    /// </summary>
    public static DateTimeOffset? NextStart(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals, IEnumerable<(ScheduleRecurrence Recurrence, TimeZoneInfo Zone)> recurrences, DateTimeOffset now)
    {
        var sources = new List<IEnumerator<(DateTimeOffset Start, DateTimeOffset End)>>
        {
            intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start).ToList().GetEnumerator(),
        };
        sources.AddRange(recurrences.Select(r => Occurrences(r.Recurrence, r.Zone).GetEnumerator()));
        try
        {
            var live = sources.Where(s => s.MoveNext()).ToList();
            var coveredUntil = DateTimeOffset.MinValue;
            while (live.Count > 0)
            {
                // The earliest span of any source (each source is in order of start).
                var next = live.OrderBy(s => s.Current.Start).First();
                var span = next.Current;
                if (!next.MoveNext())
                {
                    live.Remove(next);
                }

                if (span.Start >= now && span.Start > coveredUntil)
                {
                    return span.Start;
                }

                if (span.End > coveredUntil)
                {
                    coveredUntil = span.End;
                }
            }

            return null;
        }
        finally
        {
            sources.ForEach(s => s.Dispose());
        }
    }

    /// <summary>The recurrence's occurrences before alterations, in order, within its range.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> RegularOccurrences(ScheduleRecurrence recurrence, TimeZoneInfo zone)
    {
        var first = recurrence.Start!.Value;
        var duration = recurrence.End!.Value - first;
        var every = Math.Max(1, recurrence.Interval);
        var weekly = string.Equals(recurrence.PatternType, "Weekly", StringComparison.OrdinalIgnoreCase);
        var days = recurrence.DaysOfWeek.Count > 0 ? new HashSet<DayOfWeek>(recurrence.DaysOfWeek) : new HashSet<DayOfWeek> { first.DayOfWeek };
        var endDate = string.Equals(recurrence.RangeType, "EndDate", StringComparison.OrdinalIgnoreCase) ? recurrence.RangeEnd : null;
        var count = string.Equals(recurrence.RangeType, "Numbered", StringComparison.OrdinalIgnoreCase) ? recurrence.NumberOfOccurrences ?? 0 : int.MaxValue;
        var weekStart = first.Date.AddDays(-(int)first.DayOfWeek);
        var produced = 0;
        for (var day = 0; day < MaxDays && produced < count; day++)
        {
            var date = first.Date.AddDays(day);
            var matches = weekly
                ? days.Contains(date.DayOfWeek) && ((date - weekStart).Days / 7) % every == 0
                : day % every == 0;
            if (!matches)
            {
                continue;
            }

            var localStart = date + first.TimeOfDay;
            if (endDate is { } last && localStart > last)
            {
                yield break;
            }

            produced++;
            yield return (ToUtc(localStart, zone), ToUtc(localStart + duration, zone));
        }
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End)> Subtract((DateTimeOffset Start, DateTimeOffset End) span, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> cuts)
    {
        var pieces = new List<(DateTimeOffset Start, DateTimeOffset End)> { span };
        foreach (var cut in cuts.Where(c => c.End > span.Start && c.Start < span.End))
        {
            var next = new List<(DateTimeOffset Start, DateTimeOffset End)>();
            foreach (var piece in pieces)
            {
                if (cut.End <= piece.Start || cut.Start >= piece.End)
                {
                    next.Add(piece);
                    continue;
                }

                if (cut.Start > piece.Start)
                {
                    next.Add((piece.Start, cut.Start));
                }

                if (cut.End < piece.End)
                {
                    next.Add((cut.End, piece.End));
                }
            }

            pieces = next;
        }

        return pieces;
    }
}

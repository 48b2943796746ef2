using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// When a schedule turns its target on (an interval or occurrence starts) or off (it ends). Intervals
/// are UTC (UNCONFIRMED, see <see cref="ScheduleTime"/>); recurrences (Daily and Weekly, the two
/// pattern types the SDK knows) are wall-clock times in their own <c>timeZone</c>, else the schedule's,
/// else UTC, with <c>Exclusion</c> alterations skipping the occurrence they name.
/// </summary>
internal static class ScheduleEdges
{
    /// <summary>Past this many days from a recurrence's start, occurrences are no longer looked for.</summary>
    private const int MaxDays = 40_000;

    /// <summary>
    /// The last edge in (<paramref name="from"/>, <paramref name="to"/>]: true for a start, false for an
    /// end, null when none. At one instant a start wins over an end (back-to-back occurrences stay on).
    /// </summary>
    public static bool? LastEdge(JsonObject schedule, DateTimeOffset from, DateTimeOffset to)
    {
        (DateTimeOffset At, bool On)? last = null;
        void Consider(DateTimeOffset at, bool on)
        {
            if (at > from && at <= to && (last is null || at > last.Value.At || (at == last.Value.At && on)))
            {
                last = (at, on);
            }
        }

        foreach (var interval in schedule["intervals"] as JsonArray ?? [])
        {
            if (ScheduleTime.TryParseInstant(JsonBodies.Text(interval, "start"), out var start)
                && ScheduleTime.TryParseInstant(JsonBodies.Text(interval, "end"), out var end))
            {
                Consider(start, true);
                Consider(end, false);
            }
        }

        ScheduleTime.TryFindZone(JsonBodies.Text(schedule, "timeZone"), out var scheduleZone);
        foreach (var recurrence in (schedule["recurrences"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var (start, end) in Occurrences(recurrence, scheduleZone, to))
            {
                Consider(start, true);
                Consider(end, false);
            }
        }

        return last?.On;
    }

    /// <summary>The recurrence's occurrences, in order, up to the first that starts after <paramref name="until"/>.</summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(JsonObject recurrence, TimeZoneInfo fallbackZone, DateTimeOffset until)
    {
        if (!ScheduleTime.TryParseLocal(JsonBodies.Text(recurrence, "start"), out var first)
            || !ScheduleTime.TryParseLocal(JsonBodies.Text(recurrence, "end"), out var firstEnd)
            || firstEnd <= first)
        {
            yield break;
        }

        var zoneId = JsonBodies.Text(recurrence, "timeZone");
        var zone = string.IsNullOrEmpty(zoneId) || !ScheduleTime.TryFindZone(zoneId, out var own) ? fallbackZone : own;
        var duration = firstEnd - first;
        var pattern = recurrence["pattern"];
        var weekly = JsonBodies.Text(pattern, "type") == "Weekly";
        var interval = Math.Max(1, pattern?["interval"] is JsonValue n && n.TryGetValue<int>(out var every) ? every : 1);
        var days = (pattern?["daysOfWeek"] as JsonArray ?? [])
            .Select(d => Enum.TryParse<DayOfWeek>(d?.GetValue<string>(), ignoreCase: false, out var day) ? (DayOfWeek?)day : null)
            .OfType<DayOfWeek>()
            .ToHashSet();
        var range = recurrence["range"];
        var rangeType = JsonBodies.Text(range, "type");
        var hasEnd = rangeType == "EndDate" & ScheduleTime.TryParseLocal(JsonBodies.Text(range, "end"), out var rangeEnd);
        var maxCount = rangeType == "Numbered" && range?["numberOfOccurrences"] is JsonValue c && c.TryGetValue<int>(out var count) ? count : int.MaxValue;
        var excluded = (recurrence["alterations"] as JsonArray ?? [])
            .Where(a => JsonBodies.Text(a, "type") == "Exclusion")
            .Select(a => ScheduleTime.TryParseLocal(JsonBodies.Text(a, "start"), out var at) ? (DateTime?)at : null)
            .OfType<DateTime>()
            .ToHashSet();

        var weekStart = first.Date.AddDays(-(int)first.DayOfWeek);
        var produced = 0;
        for (var day = 0; day < MaxDays && produced < maxCount; day++)
        {
            var date = first.Date.AddDays(day);
            var matches = weekly
                ? days.Contains(date.DayOfWeek) && ((date - weekStart).Days / 7) % interval == 0
                : day % interval == 0;
            if (!matches)
            {
                continue;
            }

            var localStart = date + first.TimeOfDay;
            if (hasEnd && localStart > rangeEnd)
            {
                yield break;
            }

            var start = ScheduleTime.ToUtc(localStart, zone);
            if (start > until)
            {
                yield break;
            }

            // An excluded occurrence still counts toward a Numbered range: it was scheduled, then cancelled.
            produced++;
            if (!excluded.Contains(localStart))
            {
                yield return (start, ScheduleTime.ToUtc(localStart + duration, zone));
            }
        }
    }
}

using System.Text.Json.Nodes;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>What a schedule PUT must hold for the simulator to run it: readable times, known zones and patterns.</summary>
internal static class ScheduleValidation
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>The first problem found, or null.</summary>
    public static string? Check(JsonObject schedule)
    {
        if (!ScheduleTime.TryFindZone(JsonBodies.Text(schedule, "timeZone"), out _))
        {
            return $"Unknown timeZone [{JsonBodies.Text(schedule, "timeZone")}]";
        }

        if (schedule["intervals"] is not JsonArray intervals)
        {
            return "A schedule needs intervals (an array, possibly empty)";
        }

        foreach (var interval in intervals)
        {
            if (!ScheduleTime.TryParseInstant(JsonBodies.Text(interval, "start"), out var start)
                || !ScheduleTime.TryParseInstant(JsonBodies.Text(interval, "end"), out var end))
            {
                return "Every interval needs start and end as yyyy-MM-ddTHH:mm:ss.SSSZ";
            }

            if (end <= start)
            {
                return $"An interval ends ({JsonBodies.Text(interval, "end")}) before it starts ({JsonBodies.Text(interval, "start")})";
            }
        }

        return schedule["recurrences"] is JsonArray recurrences
            ? recurrences.Select(r => CheckRecurrence(r as JsonObject)).FirstOrDefault(e => e is not null)
            : null;
    }

    private static string? CheckRecurrence(JsonObject? recurrence)
    {
        if (recurrence is null
            || !ScheduleTime.TryParseLocal(JsonBodies.Text(recurrence, "start"), out var start)
            || !ScheduleTime.TryParseLocal(JsonBodies.Text(recurrence, "end"), out var end)
            || end <= start)
        {
            return "Every recurrence needs start and end (yyyy-MM-ddTHH:mm:ss, end after start)";
        }

        if (!ScheduleTime.TryFindZone(JsonBodies.Text(recurrence, "timeZone"), out _))
        {
            return $"Unknown recurrence timeZone [{JsonBodies.Text(recurrence, "timeZone")}]";
        }

        var pattern = recurrence["pattern"];
        var type = JsonBodies.Text(pattern, "type");
        if (type is not ("Daily" or "Weekly"))
        {
            return $"Recurrence pattern type [{type}] is not valid: use Daily or Weekly";
        }

        if (type == "Weekly" && (pattern?["daysOfWeek"] is not JsonArray days || days.Count == 0
            || days.Any(d => d is not JsonValue v || !v.TryGetValue<string>(out var day) || !Days.Contains(day))))
        {
            return "A Weekly pattern needs daysOfWeek, e.g. [\"Monday\", \"Wednesday\"]";
        }

        var range = recurrence["range"];
        return JsonBodies.Text(range, "type") switch
        {
            null or "NoEnd" => null,
            "EndDate" when ScheduleTime.TryParseLocal(JsonBodies.Text(range, "end"), out _) => null,
            "Numbered" when range?["numberOfOccurrences"] is JsonValue n && n.TryGetValue<int>(out var count) && count > 0 => null,
            var other => $"Recurrence range [{other}] is not valid: NoEnd, EndDate with end, or Numbered with numberOfOccurrences",
        };
    }
}

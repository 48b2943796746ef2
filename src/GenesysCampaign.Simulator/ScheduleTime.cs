using System.Globalization;

namespace GenesysCloud.Outbound.Simulator;

/// <summary>
/// The time formats of schedules: interval instants (<c>yyyy-MM-ddTHH:mm:ss.SSSZ</c>, UTC, as the SDK's
/// ScheduleInterval describes them; a bound without the <c>Z</c> is refused, the stricter reading) and recurrence times
/// (local to the recurrence's time zone, no offset), and IANA time zones.
/// </summary>
internal static class ScheduleTime
{
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];

    /// <summary>An interval bound, in UTC.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    /// <summary>A recurrence, range or alteration time: a wall-clock time with no zone.</summary>
    public static bool TryParseLocal(string? text, out DateTime local)
    {
        var ok = DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return ok;
    }

    /// <summary>An IANA zone (Windows ids work too); empty or absent means UTC, as the SDK models say.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrEmpty(id))
        {
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>
    /// A wall-clock time in <paramref name="zone"/> as UTC. A time skipped by a clock change is moved
    /// forward by the gap; an ambiguous one takes the first (daylight) reading.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}

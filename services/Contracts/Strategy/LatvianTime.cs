namespace StrategyPlatform.Contracts;

/// <summary>
/// The ministry counts days, months and years in Latvian time (Europe/Riga), whatever the server's
/// zone: the day a media event counts for, a survey's opening day, whether a year has ended. Set up
/// once here so every service and the portal draw the same line at midnight. (The MediaEvents
/// database derives an event's day with the same zone in SQL: see its first migration.)
/// </summary>
public static class LatvianTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    /// <summary>The wall-clock time in Riga at <paramref name="instant"/>.</summary>
    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The wall-clock time in Riga of a UTC <see cref="DateTime"/> (as Npgsql reads timestamptz).</summary>
    public static DateTime LocalFromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()));

    /// <summary>A wall-clock time in Riga as an instant (for times written without an offset).</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
    }
}

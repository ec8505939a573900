namespace StrategyPlatform.MediaEvents.Events;

/// <summary>The ministry counts days and months in Latvian time, whatever the server's time zone.</summary>
public static class LatvianTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The wall-clock time in Riga (for exports, which people read as local time).</summary>
    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>A wall-clock time in Riga as an instant (for imported times written without an offset).</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
}

namespace StrategyPlatform.Kpi.Status;

/// <summary>
/// Where "now" stands for judging a year: a year is complete once it has ended in Latvian time or
/// once it is locked after the monitoring group's review; before that its value is provisional.
/// </summary>
public sealed class YearClock(DateTimeOffset utcNow, IReadOnlySet<int> lockedYears)
{
    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    private readonly DateTime local = TimeZoneInfo.ConvertTime(utcNow, Riga).DateTime;

    public bool IsLocked(int year) => lockedYears.Contains(year);

    public bool IsComplete(int year) => year < local.Year || lockedYears.Contains(year);

    public bool HasStarted(int year) => year <= local.Year;

    /// <summary>Share of the year elapsed (0–1]: 1 for a complete year.</summary>
    public decimal ElapsedShare(int year) => IsComplete(year) || year < local.Year ? 1m
        : year > local.Year ? 0m
        : (decimal)local.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365);

    /// <summary>How many months of the year have ended.</summary>
    public int CompletedMonths(int year) => IsComplete(year) ? 12 : year == local.Year ? local.Month - 1 : 0;
}

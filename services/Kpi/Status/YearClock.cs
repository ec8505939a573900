using StrategyPlatform.Contracts;

namespace StrategyPlatform.Kpi.Status;

/// <summary>
/// Where "now" stands for judging a year, in Latvian time: a year is complete once it has ended;
/// before that its value is provisional and only the months that have ended are judged. A lock
/// (after the monitoring group's review) makes values final for corrections, and is only taken
/// once a year has ended (see <c>Years/YearLocks</c>), so it never cuts a year short.
/// </summary>
public sealed class YearClock(DateTimeOffset utcNow, IReadOnlySet<int> lockedYears)
{
    private readonly DateTime local = LatvianTime.Local(utcNow);

    public int CurrentYear => local.Year;

    public IReadOnlySet<int> LockedYears => lockedYears;

    public bool IsLocked(int year) => lockedYears.Contains(year);

    public bool IsComplete(int year) => year < local.Year;

    /// <summary>Share of the year elapsed (0–1]: 1 for a complete year, 0 for one not begun.</summary>
    public decimal ElapsedShare(int year) => IsComplete(year) ? 1m
        : year > local.Year ? 0m
        : (decimal)local.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365);

    /// <summary>How many months of the year have ended.</summary>
    public int CompletedMonths(int year) => IsComplete(year) ? 12 : year == local.Year ? local.Month - 1 : 0;
}

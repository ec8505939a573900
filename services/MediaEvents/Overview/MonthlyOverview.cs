using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;

namespace StrategyPlatform.MediaEvents.Overview;

/// <param name="BelowAchievementTarget">The month has begun and has fewer than 2 achievement news items (indicator 14).</param>
/// <param name="IsComplete">The month is over; a current month below target can still reach it.</param>
public sealed record MonthSummary(int Month, int ProactiveEvents, int AchievementNews, bool BelowAchievementTarget, bool IsComplete);

public sealed record PeriodCount(DateOnly From, DateOnly Through, int ProactiveEvents, int AchievementNews);

public sealed record YearOverview(
    int Year,
    IReadOnlyList<MonthSummary> Months,
    PeriodCount YearToDate,
    PeriodCount LastYearSamePeriod,
    int LastYearProactiveTotal,
    int ProactiveBaseline2023,
    int ProactiveChangeVsLastYear,
    int ProactiveChangeVsBaseline,
    int MonthlyAchievementNewsTarget);

/// <summary>
/// Indicators 13 and 14 month by month. Counted here from the events themselves (withdrawn ones
/// left out) with <see cref="ProactiveRule"/>, so the page agrees with what the messages tell the
/// KPI aggregator.
/// </summary>
public static class MonthlyOverview
{
    public static async Task<YearOverview> ForYearAsync(NpgsqlDataSource db, int year, DateOnly today, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var events = (await connection.QueryAsync<(DateTime Day, string Type, bool CommunicatesAchievement)>(new CommandDefinition("""
            SELECT starts_on, type, communicates_achievement FROM media_events
            WHERE withdrawn_at IS NULL AND starts_on >= @from AND starts_on < @until
            """, new { from = new DateTime(year - 1, 1, 1), until = new DateTime(year + 1, 1, 1) }, cancellationToken: ct)))
            .Select(e => (Day: DateOnly.FromDateTime(e.Day), Type: Enum.Parse<MediaEventType>(e.Type), e.CommunicatesAchievement))
            .Select(e => (e.Day, Proactive: ProactiveRule.CountsAsProactive(e.Type), Achievement: ProactiveRule.CountsAsAchievement(e.Type, e.CommunicatesAchievement)))
            .ToList();

        PeriodCount Count(DateOnly from, DateOnly through) => new(from, through,
            events.Count(e => e.Proactive && e.Day >= from && e.Day <= through),
            events.Count(e => e.Achievement && e.Day >= from && e.Day <= through));

        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var first = new DateOnly(year, month, 1);
            var counts = Count(first, first.AddMonths(1).AddDays(-1));
            var begun = first <= today;
            return new MonthSummary(month, counts.ProactiveEvents, counts.AchievementNews,
                begun && counts.AchievementNews < Indicators.MonthlyAchievementNewsTarget, counts.Through < today);
        }).ToList();

        // A past year is compared whole; the current year up to today, with the same days of last year.
        var through = year == today.Year ? today : new DateOnly(year, 12, 31);
        var yearToDate = Count(new DateOnly(year, 1, 1), through);
        var lastYear = Count(new DateOnly(year - 1, 1, 1), through.AddYears(-1));
        var lastYearTotal = Count(new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31)).ProactiveEvents;
        return new YearOverview(year, months, yearToDate, lastYear, lastYearTotal, Indicators.ProactiveBaseline2023,
            yearToDate.ProactiveEvents - lastYear.ProactiveEvents, yearToDate.ProactiveEvents - Indicators.ProactiveBaseline2023,
            Indicators.MonthlyAchievementNewsTarget);
    }
}

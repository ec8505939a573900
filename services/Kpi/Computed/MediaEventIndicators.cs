using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Indicators 13 and 14, counted from the newest version of each media event the aggregator holds.
/// Which event counts is the MediaEvents service's rule (its <c>Counting/CountingRule</c>), carried
/// in every message; here they are only counted: 13 per year (with the months shown beside it), 14
/// per month against the catalogue's "at least N a month".
/// </summary>
public static class MediaEventIndicators
{
    public static async Task<CountedItems> CountAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string number, int year, CancellationToken ct)
    {
        // Fixed per indicator, never from input.
        var counted = number == StrategyIndicators.ProactiveMediaEvents ? "counts_as_proactive" : "communicates_achievement";
        var window = new { from = new DateTime(year, 1, 1), until = new DateTime(year + 1, 1, 1) };
        var hasFacts = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM media_event_facts WHERE event_date >= @from AND event_date < @until)", window, tx, cancellationToken: ct));
        var events = await connection.QueryAsync<(Guid Id, DateTime Date, string Type)>(new CommandDefinition($"""
            SELECT media_event_id, event_date, type FROM media_event_facts
            WHERE event_date >= @from AND event_date < @until AND {counted} AND NOT withdrawn
            ORDER BY event_date, media_event_id
            """, window, tx, cancellationToken: ct));
        return new(number, year, hasFacts, [.. events.Select(e => new CountedMediaEvent(e.Id, DateOnly.FromDateTime(e.Date), e.Type))], []);
    }

    /// <summary>13: the events counted. 14: the months with at least <paramref name="perMonth"/> news items.</summary>
    public static ComputedValue? ValueOf(CountedItems items, int perMonth)
    {
        if (!items.HasFacts)
        {
            return null;
        }
        var monthly = new int[12];
        foreach (var e in items.Events)
        {
            monthly[e.Date.Month - 1]++;
        }
        return new ComputedValue
        {
            Value = items.Number == StrategyIndicators.AchievementNews ? monthly.Count(n => n >= perMonth) : items.Events.Count,
            Monthly = monthly,
        };
    }
}

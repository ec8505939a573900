using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Indicators 13–16, which the platform counts itself from the facts it stored (the newest version
/// of each media event, one row per survey response): 13 and 14 in <see cref="MediaEventIndicators"/>,
/// 15 and 16 in <see cref="SurveyIndicators"/>. The live consumers, a definition edit and the
/// replay all recount through here, and the drill-down lists the very items the value was made
/// from, so a rebuild equals the live value and the list equals the tile by construction.
/// </summary>
public static class ComputedIndicators
{
    public static IReadOnlyList<string> All => StrategyIndicators.Computed;

    public static bool IsComputed(string number) => All.Contains(number);

    /// <summary>Years for which an indicator has facts or a stored value.</summary>
    public static Task<IEnumerable<int>> YearsAsync(NpgsqlTransaction tx, string number, CancellationToken ct) =>
        tx.Connection!.QueryAsync<int>(new CommandDefinition(StrategyIndicators.IsFromMediaEvents(number)
            ? "SELECT DISTINCT extract(year FROM event_date)::int FROM media_event_facts WHERE event_date IS NOT NULL UNION SELECT year FROM computed_values WHERE indicator_number = @number"
            : $"SELECT year FROM {SurveyTotals.Current} c WHERE kind = @kind GROUP BY year HAVING sum(responses) > 0 UNION SELECT year FROM computed_values WHERE indicator_number = @number",
            new { number, kind = StrategyIndicators.SurveyKindFeeding(number)?.ToString() }, tx, cancellationToken: ct));

    /// <summary>What <paramref name="number"/> counts for <paramref name="year"/>, and the value it makes under <paramref name="definition"/>.</summary>
    public static async Task<(CountedItems Items, ComputedValue? Value)> CountAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, IndicatorDefinition definition, int year, CancellationToken ct)
    {
        if (StrategyIndicators.IsFromMediaEvents(definition.Number))
        {
            var events = await MediaEventIndicators.CountAsync(connection, tx, definition.Number, year, ct);
            return (events, MediaEventIndicators.ValueOf(events, definition.Target.PerMonth));
        }
        var surveys = await SurveyIndicators.CountAsync(connection, tx, definition.Number, year, ct);
        return (surveys, SurveyIndicators.ValueOf(surveys));
    }

    /// <summary>Recounts and stores the value; returns whether it changed.</summary>
    public static async Task<bool> RecomputeAsync(NpgsqlTransaction tx, string number, int year, CancellationToken ct)
    {
        var connection = tx.Connection!;
        // The current definition: an edited target (indicator 14's N) applies from the next count.
        var definition = KpiJson.Deserialize<IndicatorDefinition>(await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT definition::text FROM indicators WHERE number = @number", new { number }, tx, cancellationToken: ct))
            ?? throw new InvalidOperationException($"Indicator {number} is not in the catalogue."));
        var (_, next) = await CountAsync(connection, tx, definition, year, ct);
        var current = await connection.QuerySingleOrDefaultAsync<ComputedValue>(new CommandDefinition("""
            SELECT value, positive, counted, responses, ci_low AS CiLow, ci_high AS CiHigh, monthly
            FROM computed_values WHERE indicator_number = @number AND year = @year
            """, new { number, year }, tx, cancellationToken: ct));
        if (next is null && current is null || next is not null && current is not null && next.SameAs(current))
        {
            return false;
        }
        next ??= new ComputedValue();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO computed_values (indicator_number, year, value, positive, counted, responses, ci_low, ci_high, monthly, definition_version, updated_at)
            VALUES (@number, @year, @Value, @Positive, @Counted, @Responses, @CiLow, @CiHigh, @Monthly,
                    (SELECT version FROM indicators WHERE number = @number), now())
            ON CONFLICT (indicator_number, year) DO UPDATE SET value = EXCLUDED.value, positive = EXCLUDED.positive,
                counted = EXCLUDED.counted, responses = EXCLUDED.responses, ci_low = EXCLUDED.ci_low, ci_high = EXCLUDED.ci_high,
                monthly = EXCLUDED.monthly, definition_version = EXCLUDED.definition_version, updated_at = now()
            """, new { number, year, next.Value, next.Positive, next.Counted, next.Responses, next.CiLow, next.CiHigh, next.Monthly }, tx, cancellationToken: ct));
        return true;
    }
}

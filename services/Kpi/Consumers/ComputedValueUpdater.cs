using Dapper;
using Npgsql;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>Recomputes the given computed indicators for the given years and publishes what changed, on the consumer's transaction.</summary>
public sealed class ComputedValueUpdater(StatusPublisher statuses)
{
    public async Task<IReadOnlyList<(string Number, int Year)>> UpdateAsync(
        NpgsqlTransaction tx, IReadOnlyCollection<string> numbers, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        var changed = new List<(string, int)>();
        foreach (var number in numbers)
        {
            var perMonth = await PerMonthTargetAsync(tx, number, ct);
            foreach (var year in years.Distinct())
            {
                if (await ComputedIndicators.RecomputeAsync(tx, number, year, perMonth, ct))
                {
                    changed.Add((number, year));
                }
            }
        }
        await statuses.PublishAsync(tx, numbers, changed, ct);
        return changed;
    }

    /// <summary>Indicator 14's "at least N a month" comes from its current definition, so an edited N applies.</summary>
    public static async Task<int> PerMonthTargetAsync(NpgsqlTransaction tx, string number, CancellationToken ct)
    {
        if (number != ComputedIndicators.AchievementNews)
        {
            return 0;
        }
        var json = await tx.Connection!.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT definition::text FROM indicators WHERE number = @number", new { number }, tx, cancellationToken: ct));
        var target = json is null ? null : KpiJson.Deserialize<IndicatorDefinition>(json).Target.Value;
        return (int)Math.Ceiling(target ?? 2m);
    }
}

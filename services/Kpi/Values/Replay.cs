using Dapper;
using Npgsql;
using StrategyPlatform.Kpi.Consumers;
using StrategyPlatform.Kpi.Status;

namespace StrategyPlatform.Kpi.Values;

public sealed record ReplayedValue(string Number, int Year, decimal? Live, decimal? Rebuilt, int? LiveN, int? RebuiltN)
{
    public bool Equal => Live == Rebuilt && LiveN == RebuiltN;
}

public sealed record ReplayResult(IReadOnlyList<ReplayedValue> Values)
{
    public bool AllEqual => Values.All(v => v.Equal);
}

/// <summary>
/// Rebuilds indicators 13–16 from the facts the aggregator stored from every message it consumed
/// (responses and the newest version of each media event), discarding the stored values first,
/// and reports the live and the rebuilt value side by side. A full replay from the source
/// services additionally needs them to re-send their facts; see the service README.
/// </summary>
public sealed class Replay(NpgsqlDataSource db, StatusPublisher statuses)
{
    public async Task<ReplayResult> RunAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await StatusPublisher.LockAsync(tx, ComputedIndicators.All, ct);
        var live = (await connection.QueryAsync<(string Number, int Year, decimal? Value, int? Counted)>(new CommandDefinition(
            "SELECT indicator_number, year, value, counted FROM computed_values", transaction: tx, cancellationToken: ct)))
            .ToDictionary(r => (r.Number, r.Year), r => (r.Value, r.Counted));
        var years = new Dictionary<string, int[]>();
        foreach (var number in ComputedIndicators.All)
        {
            years[number] = [.. await ComputedIndicators.YearsAsync(tx, number, ct)];
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM computed_values", transaction: tx, cancellationToken: ct));
        var changed = new List<(string, int)>();
        foreach (var number in ComputedIndicators.All)
        {
            var perMonth = await ComputedValueUpdater.PerMonthTargetAsync(tx, number, ct);
            foreach (var year in years[number])
            {
                await ComputedIndicators.RecomputeAsync(tx, number, year, perMonth, ct);
            }
        }
        var rebuilt = (await connection.QueryAsync<(string Number, int Year, decimal? Value, int? Counted)>(new CommandDefinition(
            "SELECT indicator_number, year, value, counted FROM computed_values", transaction: tx, cancellationToken: ct)))
            .ToDictionary(r => (r.Number, r.Year), r => (r.Value, r.Counted));
        var values = live.Keys.Union(rebuilt.Keys).Order().Select(k =>
        {
            var (lv, ln) = live.GetValueOrDefault(k);
            var (rv, rn) = rebuilt.GetValueOrDefault(k);
            if (lv != rv || ln != rn)
            {
                changed.Add(k);
            }
            return new ReplayedValue(k.Item1, k.Item2, lv, rv, ln, rn);
        }).ToList();
        // Should the rebuild differ (a fact consumed before a bug fix, say), dashboards learn of it as of any other change.
        await statuses.PublishAsync(tx, ComputedIndicators.All.ToList(), changed, ct);
        await tx.CommitAsync(ct);
        return new ReplayResult(values);
    }
}

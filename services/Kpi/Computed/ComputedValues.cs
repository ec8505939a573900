using Npgsql;
using StrategyPlatform.Kpi.Status;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Recounts computed indicators for the given years and publishes what changed, on the caller's
/// transaction (a consumer's, a definition edit's, the replay's). The caller holds the indicators'
/// write lock.
/// </summary>
public sealed class ComputedValues(StatusPublisher statuses)
{
    public async Task<IReadOnlyList<(string Number, int Year)>> UpdateAsync(
        NpgsqlTransaction tx, IReadOnlyCollection<string> numbers, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        var changed = new List<(string, int)>();
        foreach (var number in numbers)
        {
            foreach (var year in years.Distinct())
            {
                if (await ComputedIndicators.RecomputeAsync(tx, number, year, ct))
                {
                    changed.Add((number, year));
                }
            }
        }
        await statuses.PublishAsync(tx, numbers, changed, ct);
        return changed;
    }
}

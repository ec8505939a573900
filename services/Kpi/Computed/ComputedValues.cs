using Npgsql;
using StrategyPlatform.Kpi.Status;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Recounts computed indicators for the given years and publishes what changed, on the caller's
/// transaction (a consumer's, the recounter's, a definition edit's, the replay's). The caller holds
/// the indicators' write lock.
/// </summary>
public sealed class ComputedValues(StatusPublisher statuses)
{
    /// <summary>Every year of <paramref name="years"/> for every indicator of <paramref name="numbers"/>.</summary>
    public Task<IReadOnlyList<(string Number, int Year)>> UpdateAsync(
        NpgsqlTransaction tx, IReadOnlyCollection<string> numbers, IReadOnlyCollection<int> years, CancellationToken ct) =>
        UpdateAsync(tx, [.. numbers.SelectMany(n => years.Distinct().Select(y => (n, y)))], ct);

    public async Task<IReadOnlyList<(string Number, int Year)>> UpdateAsync(
        NpgsqlTransaction tx, IReadOnlyCollection<(string Number, int Year)> recount, CancellationToken ct)
    {
        var changed = new List<(string, int)>();
        foreach (var (number, year) in recount.Distinct())
        {
            if (await ComputedIndicators.RecomputeAsync(tx, number, year, ct))
            {
                changed.Add((number, year));
            }
        }
        // Judged once for all: the statuses read the whole snapshot.
        await statuses.PublishAsync(tx, changed, ct);
        return changed;
    }
}

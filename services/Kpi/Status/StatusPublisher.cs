using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Status;

/// <summary>
/// After a change, judges the changed values and publishes an <see cref="IndicatorValueChanged"/> (value and status)
/// for each through the outbox, in the change's own transaction; the portal's live dashboard listens for it.
/// (A <c>KpiStatusChanged</c> was published too, kept current in a table of the last published statuses, for no
/// consumer at all; issue 13 found it and it went.)
/// </summary>
public sealed class StatusPublisher(IOutbox outbox, TimeProvider clock)
{
    public async Task PublishAsync(NpgsqlTransaction tx, IReadOnlyCollection<(string Number, int Year)> valuesChanged, CancellationToken ct)
    {
        if (valuesChanged.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        // Only the indicators changed: a media event or a recount judges one or two of the 21, not the catalogue.
        var snapshot = await KpiSnapshot.LoadAsync(tx.Connection!, tx, now, ct, [.. valuesChanged.Select(c => c.Number).Distinct()]);
        // Per indicator (its partition) in year order, as the dashboards would read them.
        foreach (var (number, year) in valuesChanged.Distinct().OrderBy(c => c.Number, StringComparer.Ordinal).ThenBy(c => c.Year))
        {
            var value = snapshot.ValuesOf(number).TryGetValue(year, out var v) ? v.Value : (decimal?)null;
            await outbox.AddAsync(tx, new IndicatorValueChanged(number, year, value, snapshot.StatusOf(number, year), now), number, ct);
        }
    }
}

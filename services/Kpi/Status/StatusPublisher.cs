using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Status;

/// <summary>
/// After a change, re-judges the affected indicators and publishes through the outbox, in the
/// change's own transaction: <see cref="IndicatorValueChanged"/> for each changed value (the live
/// dashboard listens for it) and <see cref="KpiStatusChanged"/> only where the status really moved.
/// </summary>
public sealed class StatusPublisher(NpgsqlDataSource db, IOutbox outbox, TimeProvider clock)
{
    public async Task PublishAsync(NpgsqlTransaction tx, IReadOnlyCollection<string> numbers, IReadOnlyCollection<(string Number, int Year)> valuesChanged, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var snapshot = await KpiSnapshot.LoadAsync(tx.Connection!, tx, now, ct);
        var published = (await tx.Connection!.QueryAsync<(string Number, int Year, string Status)>(new CommandDefinition(
            "SELECT indicator_number, year, status FROM published_statuses WHERE indicator_number = ANY(@numbers) FOR UPDATE",
            new { numbers = numbers.ToArray() }, tx, cancellationToken: ct)))
            .ToDictionary(r => (r.Number, r.Year), r => Enum.Parse<KpiStatus>(r.Status));

        foreach (var number in numbers)
        {
            var values = snapshot.ValuesOf(number);
            foreach (var year in StrategyYears.All.Union(valuesChanged.Where(c => c.Number == number).Select(c => c.Year)).Order())
            {
                var status = snapshot.StatusOf(number, year);
                var value = values.TryGetValue(year, out var v) ? v.Value : (decimal?)null;
                if (valuesChanged.Contains((number, year)))
                {
                    await outbox.AddAsync(tx, new IndicatorValueChanged(number, year, value, status, now), number, ct);
                }
                if (!StrategyYears.Contains(year))
                {
                    continue;
                }
                var previous = published.TryGetValue((number, year), out var p) ? p : (KpiStatus?)null;
                if (previous == status)
                {
                    continue;
                }
                await tx.Connection!.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO published_statuses (indicator_number, year, status, value) VALUES (@number, @year, @s, @value)
                    ON CONFLICT (indicator_number, year) DO UPDATE SET status = EXCLUDED.status, value = EXCLUDED.value
                    """, new { number, year, s = status.ToString(), value }, tx, cancellationToken: ct));
                await outbox.AddAsync(tx, new KpiStatusChanged(number, year, previous, status, value, now), number, ct);
            }
        }
    }

    /// <summary>Re-judges every indicator on the caller's transaction (a lock, an unlock): takes every indicator's write lock.</summary>
    public async Task RefreshAllAsync(NpgsqlTransaction tx, CancellationToken ct)
    {
        await IndicatorWriteLock.TakeAllAsync(tx, ct);
        var numbers = (await tx.Connection!.QueryAsync<string>(new CommandDefinition("SELECT number FROM indicators", transaction: tx, cancellationToken: ct))).ToList();
        await PublishAsync(tx, numbers, [], ct);
    }

    /// <summary>Re-judges every indicator in a transaction of its own (at start-up: a year may have ended while the service was down).</summary>
    public async Task RefreshAllAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RefreshAllAsync(tx, ct);
        await tx.CommitAsync(ct);
    }
}

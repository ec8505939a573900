using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;

namespace StrategyPlatform.MediaEvents.Replay;

/// <summary>
/// Every media event's countable state, withdrawn ones included, so the KPI aggregator can rebuild
/// indicators 13 and 14 from the source. Keyset paging by id: a page is stable while others write,
/// and an event written during a replay also reaches the aggregator as a message, whose version
/// decides which of the two it keeps.
/// </summary>
internal static class FactsFeed
{
    public const int MaxTake = 1000;

    public static async Task<MediaEventFactsPage> PageAsync(NpgsqlDataSource db, Guid? afterId, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<MediaEventRow>(new CommandDefinition(
            $"{MediaEventRow.Select} WHERE @afterId::uuid IS NULL OR e.id > @afterId ORDER BY e.id LIMIT @take",
            new { afterId, take }, cancellationToken: ct))).ToList();
        var items = rows.Select(r => new MediaEventFactsEntry(r.Id, r.Version, r.WithdrawnAt is not null, r.Facts)).ToList();
        return new MediaEventFactsPage(items, items.Count == take ? items[^1].MediaEventId : null);
    }
}

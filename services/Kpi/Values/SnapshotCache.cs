using Dapper;
using Npgsql;

namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// The last snapshot the API read, with the <c>kpi_snapshot_version</c> it was read at (migration 0012: bumped at
/// the commit of anything the snapshot is made from). A request reads the version, one indexed row, and reloads only
/// when it moved; fifty dashboards asking at once after a change wait for one load instead of making fifty.
/// The version is read before the snapshot, so a snapshot is never older than the version it is kept under: a
/// change committed in between makes the next request load again, never hides. Each replica keeps its own.
/// Transactions that judge their own uncommitted changes (the status publisher) load their snapshot themselves.
/// </summary>
public sealed class SnapshotCache(NpgsqlDataSource db, TimeProvider clock)
{
    private sealed record Held(long Version, KpiSnapshot Snapshot);

    private const string VersionQuery = "SELECT version FROM kpi_snapshot_version";

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Held? held;

    public async Task<KpiSnapshot> GetAsync(CancellationToken ct)
    {
        long version;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(VersionQuery, cancellationToken: ct));
        }
        var current = held;
        if (current is null || current.Version != version)
        {
            current = await LoadAsync(version, ct);
        }
        // Statuses depend on today's date, not only on the data: the clock is the request's own.
        return current.Snapshot.At(clock.GetUtcNow());
    }

    private async Task<Held> LoadAsync(long seen, CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            // Another request may have loaded it while this one waited. Equal, not "at least": a database restored
            // from a backup starts its numbers lower, and must not keep serving what came before.
            if (held is { } loaded && loaded.Version == seen)
            {
                return loaded;
            }
            await using var connection = await db.OpenConnectionAsync(ct);
            // Read again under the gate: the snapshot read next is at least as new as this number.
            var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(VersionQuery, cancellationToken: ct));
            var snapshot = await KpiSnapshot.LoadAsync(connection, null, clock.GetUtcNow(), ct);
            return held = new Held(version, snapshot);
        }
        finally
        {
            loading.Release();
        }
    }
}

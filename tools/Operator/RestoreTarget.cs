using Dapper;
using Npgsql;

namespace StrategyPlatform.Operator;

/// <summary>
/// What a restore needs of the database it replaces, checked before anything changes so that a wrong connection
/// string or a running service gets a sentence saying what to do rather than a pg_restore error halfway.
/// </summary>
internal static class RestoreTarget
{
    /// <summary>
    /// A session open this long is a service's (a pool keeps its connections); a health probe's lasts milliseconds
    /// and must not make the restore refuse.
    /// </summary>
    private static readonly TimeSpan ServiceSession = TimeSpan.FromSeconds(5);

    public static async Task CheckAsync(string connectionString, IReadOnlySet<string> owners, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (NpgsqlException e)
        {
            throw new OperatorException($"Cannot reach the database: {e.Message}");
        }
        var roles = (await connection.QueryAsync<(string Owner, bool Exists, bool Mine)>(new CommandDefinition("""
            SELECT o.name, r.oid IS NOT NULL, r.oid IS NOT NULL AND pg_has_role(current_user, r.oid, 'MEMBER')
            FROM unnest(@owners) AS o(name) LEFT JOIN pg_roles r ON r.rolname = o.name
            """, new { owners = owners.ToArray() }, cancellationToken: ct))).ToList();
        if (roles.Where(r => !r.Exists).Select(r => r.Owner).ToList() is { Count: > 0 } missing)
        {
            throw new OperatorException($"The backup's objects belong to {string.Join(", ", missing)}, which this server does not have. "
                + "Start the platform once on this server (it creates each database's roles), or create them, then restore.");
        }
        if (roles.Where(r => !r.Mine).Select(r => r.Owner).ToList() is { Count: > 0 } notMine)
        {
            throw new OperatorException($"{connection.UserName} may not restore objects owned by {string.Join(", ", notMine)}. {DatabaseBackup.NeedsAdministrator}");
        }
        var sessions = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT DISTINCT usename FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_start < now() - @open
            """, new { open = ServiceSession }, cancellationToken: ct));
        if (sessions.ToList() is { Count: > 0 } users)
        {
            throw new OperatorException($"{connection.Database} is in use (connections of {string.Join(", ", users)}): stop the service that uses it, then restore.");
        }
    }
}

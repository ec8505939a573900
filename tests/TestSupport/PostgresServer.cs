using Npgsql;
using StrategyPlatform.LocalServers;

namespace StrategyPlatform.TestSupport;

/// <summary>A running PostgreSQL server of the tests: its connection strings and its databases.</summary>
public sealed class PostgresServer(string adminConnectionString)
{
    /// <summary>A connection string for <paramref name="database"/> as the server's superuser.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    public Task EnsureDatabaseAsync(string database, CancellationToken ct = default) => PostgresDatabases.EnsureAsync(adminConnectionString, database, ct);

    /// <summary>Drops the database, also while clients are still connected to it.</summary>
    public Task DropDatabaseAsync(string database, CancellationToken ct = default) => PostgresDatabases.DropAsync(adminConnectionString, database, ct);
}

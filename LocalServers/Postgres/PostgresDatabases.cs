using Npgsql;

namespace StrategyPlatform.LocalServers;

/// <summary>Creating and dropping databases through a superuser (or CREATEDB) connection.</summary>
public static class PostgresDatabases
{
    private const string DuplicateDatabase = "42P04";

    /// <summary>Creates the database unless it exists.</summary>
    public static Task EnsureAsync(string adminConnectionString, string database, CancellationToken ct = default) =>
        EnsureAsync(adminConnectionString, database, owner: null, ct);

    /// <summary>
    /// Creates the database unless it exists; with an owner, creates that role (or sets its password) and hands the
    /// database to it, and makes its audit trail for a role of its own (<see cref="AuditTrailKeeper"/>).
    /// </summary>
    public static async Task EnsureAsync(string adminConnectionString, string database, DatabaseRole? owner, CancellationToken ct = default)
    {
        await using (var connection = new NpgsqlConnection(Unpooled(adminConnectionString)))
        {
            await connection.OpenAsync(ct);
            if (owner is not null)
            {
                await DatabaseOwnership.EnsureRoleAsync(connection, owner, ct);
            }
            await CreateAsync(connection, database, ct);
            if (owner is not null)
            {
                await DatabaseOwnership.HandOverDatabaseAsync(connection, database, owner.Name, ct);
            }
        }
        if (owner is not null)
        {
            // Tables an earlier run created as the superuser become the owner's too, all but the audit trail,
            // which the owner may only add to and read.
            await using var inDatabase = new NpgsqlConnection(Unpooled(adminConnectionString, database));
            await inDatabase.OpenAsync(ct);
            var keeper = AuditTrailKeeper.KeeperOf(database);
            await DatabaseOwnership.HandOverObjectsAsync(inDatabase, owner.Name, keeper, ct);
            await AuditTrailKeeper.EnsureAsync(inDatabase, keeper, owner.Name, ct);
        }
    }

    private static async Task CreateAsync(NpgsqlConnection connection, string database, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if ((bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            return;
        }
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(database)}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == DuplicateDatabase)
        {
            // Created meanwhile by someone else: what we wanted.
        }
    }

    /// <summary>Drops the database, also while clients are still connected to it.</summary>
    public static async Task DropAsync(string adminConnectionString, string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(Unpooled(adminConnectionString));
        await connection.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The server's own maintenance database, unpooled: a pool would outlive a server that is stopped.</summary>
    public static string Unpooled(string connectionString, string? database = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
        builder.Database = database ?? builder.Database ?? "postgres";
        return builder.ConnectionString;
    }

    /// <summary>Database names cannot be bound as parameters; they are quoted as identifiers instead.</summary>
    internal static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}

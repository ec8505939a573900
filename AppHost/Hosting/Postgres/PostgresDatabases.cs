using Npgsql;

namespace StrategyPlatform.AppHost.Hosting;

/// <summary>Creating and dropping databases through a superuser (or CREATEDB) connection.</summary>
internal static class PostgresDatabases
{
    private const string DuplicateDatabase = "42P04";

    public static async Task EnsureAsync(string adminConnectionString, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if ((bool)(await exists.ExecuteScalarAsync(ct))!) return;
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

    public static async Task DropAsync(string adminConnectionString, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Database names cannot be bound as parameters; they are quoted as identifiers instead.</summary>
    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}

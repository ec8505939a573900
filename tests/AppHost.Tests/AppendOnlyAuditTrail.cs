using Npgsql;
using Xunit;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>What a service's own database role may do to its audit trail on the local servers: add to it and read it, nothing else.</summary>
internal static class AppendOnlyAuditTrail
{
    /// <summary>Each way an owner could rewrite or lose the trail: every one must be refused by privileges, not only by the trigger.</summary>
    private static readonly string[] Forbidden =
    [
        "UPDATE audit_trail SET action = 'nothing happened'",
        "DELETE FROM audit_trail",
        "TRUNCATE audit_trail",
        "ALTER TABLE audit_trail DISABLE TRIGGER audit_trail_append_only",
        "ALTER TABLE audit_trail DISABLE TRIGGER ALL",
        "ALTER TABLE audit_trail ADD COLUMN erased boolean",
        "DROP TABLE audit_trail",
        "DROP FUNCTION audit_trail_is_append_only() CASCADE",
        "DROP SCHEMA public CASCADE",
    ];

    /// <summary>As the service's role (<paramref name="connectionString"/>): an entry is added and read back, and every change is refused and changes nothing.</summary>
    public static async Task AssertAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "INSERT INTO audit_trail (actor_id, actor_roles, action) VALUES ('test', '{}', 'test.appended')");
        var before = await CountAsync(connection);
        Assert.True(before > 0);
        foreach (var statement in Forbidden)
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, statement));
            Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{statement}: {refused.SqlState} {refused.MessageText}");
        }
        Assert.Equal(before, await CountAsync(connection));
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM audit_trail", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using System.Text;
using Npgsql;

namespace StrategyPlatform.Benchmarks;

/// <summary>pg_stat_statements around the saturation runs: which statements the two systems spent the server's time on.</summary>
internal static class PgStatements
{
    public static async Task ResetAsync(string adminDb)
    {
        await using var connection = new NpgsqlConnection(adminDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string> TopAsync(string adminDb, int limit = 25)
    {
        await using var connection = new NpgsqlConnection(adminDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT d.datname, s.calls, round(s.total_exec_time::numeric, 0), round(s.mean_exec_time::numeric, 3), s.rows,
                   regexp_replace(left(s.query, 160), '\s+', ' ', 'g')
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            ORDER BY s.total_exec_time DESC LIMIT $1
            """, connection) { Parameters = { new() { Value = limit } } };
        var text = new StringBuilder("| database | calls | total ms | mean ms | rows | statement |\n| --- | --- | --- | --- | --- | --- |\n");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.Append($"| {reader.GetString(0)} | {reader.GetInt64(1)} | {reader.GetDecimal(2)} | {reader.GetDecimal(3)} | {reader.GetInt64(4)} | `{reader.GetString(5).Replace("|", "\\|")}` |\n");
        }
        return text.ToString();
    }
}

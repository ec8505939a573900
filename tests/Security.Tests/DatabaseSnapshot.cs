using Dapper;

namespace StrategyPlatform.Security.Tests;

/// <summary>Every table of every database: its row count and a checksum of all its rows, to prove nothing changed.</summary>
public static class DatabaseSnapshot
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(SecuredPlatform platform)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in platform.Databases.Keys)
        {
            await using var connection = await platform.OpenAsync(database);
            var tables = await connection.QueryAsync<string>(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
            foreach (var table in tables)
            {
                var (rows, checksum) = await connection.QuerySingleAsync<(long, string)>(
                    $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t");
                snapshot[$"{database}.{table}"] = $"{rows} rows, md5 {checksum}";
            }
        }
        return snapshot;
    }

    /// <summary>One row of a table as JSON (bytea without its <c>\\x</c>, times in UTC) and the transaction that wrote it.</summary>
    public sealed record Row(string Table, string Json, string Xmin);

    /// <summary>Every row of every table of every database, for tests that look for what must not be stored.</summary>
    public static async Task<IReadOnlyList<Row>> EveryRowAsync(SecuredPlatform platform)
    {
        var rows = new List<Row>();
        foreach (var database in platform.Databases.Keys)
        {
            await using var connection = await platform.OpenAsync(database);
            await connection.ExecuteAsync("SET TIME ZONE 'UTC'");
            foreach (var table in await connection.QueryAsync<string>(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            {
                rows.AddRange((await connection.QueryAsync<(string Json, string Xmin)>($"SELECT row_to_json(t)::text, t.xmin::text FROM \"{table}\" t"))
                    .Select(r => new Row($"{database}.{table}", r.Json.Replace("\\\\x", ""), r.Xmin)));
            }
        }
        return rows;
    }

    /// <summary>The tables whose rows differ, with both states.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k) ?? "(none)"} -> {after.GetValueOrDefault(k) ?? "(none)"}")];
}

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

    /// <summary>The tables whose rows differ, with both states.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k) ?? "(none)"} -> {after.GetValueOrDefault(k) ?? "(none)"}")];
}

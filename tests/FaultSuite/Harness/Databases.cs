using Dapper;
using Npgsql;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>Reads the services' databases directly: the outcomes are counted where they are kept, not in logs.</summary>
public sealed class Databases(FaultPlatform platform)
{
    public const string Surveys = "surveysdb";
    public const string Media = "mediadb";
    public const string Kpi = "kpidb";

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string database, string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync(database);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, commandTimeout: 120))];
    }

    public async Task<T> ScalarAsync<T>(string database, string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync(database);
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, commandTimeout: 120)))!;
    }

    public async Task ExecuteAsync(string database, string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync(database);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, commandTimeout: 120));
    }

    /// <summary>Outbox rows not yet sent (nor parked as failed) in a service's database.</summary>
    public Task<long> PendingOutboxAsync(string database) =>
        ScalarAsync<long>(database, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL");

    /// <summary>How many of the answers marked with <paramref name="markers"/> (their comment) the Surveys database keeps.</summary>
    public async Task<int> AnswersKeptAsync(IEnumerable<Guid> surveys, IEnumerable<string> markers)
    {
        var (ids, wanted) = (surveys.ToArray(), markers.ToArray());
        return wanted.Length == 0 ? 0 : (int)await ScalarAsync<long>(Surveys,
            "SELECT count(*) FROM responses WHERE survey_id = ANY(@ids) AND answers->'comment'->>'text' = ANY(@wanted)", new { ids, wanted });
    }

    /// <summary>Unpooled: a pool would hold connections to a server a scenario is about to kill.</summary>
    private async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(await platform.ConnectionStringAsync(database)) { Pooling = false, Timeout = 10 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

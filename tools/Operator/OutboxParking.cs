using Dapper;
using Npgsql;

namespace StrategyPlatform.Operator;

/// <summary>A message a service's outbox parked after failing to publish it <c>Messaging:Outbox:MaxAttempts</c> times.</summary>
public sealed record ParkedMessage(Guid Id, string MessageType, string PartitionKey, int Attempts, DateTime FailedAt, string? LastError);

/// <summary>The parked outbox messages of one service's database: listed, and handed back to its dispatcher.</summary>
public static class OutboxParking
{
    public static async Task<IReadOnlyList<ParkedMessage>> ListAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(connectionString, ct);
        return [.. await connection.QueryAsync<ParkedMessage>(new CommandDefinition("""
            SELECT id, message_type AS MessageType, partition_key AS PartitionKey, attempts, failed_at AS FailedAt, last_error AS LastError
            FROM outbox_messages WHERE failed_at IS NOT NULL AND dispatched_at IS NULL ORDER BY sequence
            """, cancellationToken: ct))];
    }

    /// <summary>Makes the parked messages (or one) due again with a fresh count of attempts, and wakes the dispatcher.</summary>
    /// <returns>How many were handed back.</returns>
    public static async Task<int> RetryAsync(string connectionString, Guid? id, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(connectionString, ct);
        var retried = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE outbox_messages SET failed_at = NULL, attempts = 0, refusals = 0,
                next_attempt_at = CASE WHEN anonymous THEN next_attempt_at ELSE now() END
            WHERE failed_at IS NOT NULL AND dispatched_at IS NULL AND (@id IS NULL OR id = @id)
            """, new { id }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify('outbox_pending', '')", cancellationToken: ct));
        return retried;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            throw new OperatorException($"Cannot reach the database: {e.Message}");
        }
    }
}

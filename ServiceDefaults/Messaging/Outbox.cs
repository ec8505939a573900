using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The transactional outbox: a service adds the messages it publishes inside the same transaction
/// as its change, so either both happen or neither; <see cref="OutboxDispatcher"/> publishes them
/// after commit.
/// </summary>
public interface IOutbox
{
    /// <param name="partitionKey">Messages with the same key (usually the aggregate's id) are published in the order they were added.</param>
    Task AddAsync<T>(NpgsqlTransaction transaction, T message, string partitionKey, CancellationToken cancellationToken = default) where T : class;

    /// <summary>
    /// Adds a message about a respondent rather than a staff action (a survey response), so that
    /// nothing stored or sent ties it to the request or the moment it came from: a random id (not
    /// time-ordered), no trace context, the day only, a random place in the dispatch order, a
    /// day-only sent time on the broker, and the row is deleted as soon as the broker confirms it.
    /// Such a message stands alone (no partition order); its consumers must de-duplicate by its content.
    /// </summary>
    /// <param name="alongside">
    /// The change the message is about (statements on <paramref name="transaction"/>), sent before the message's row in the
    /// same round trip; each command's <see cref="NpgsqlBatchCommand.RecordsAffected"/> is set once this returns. A caller
    /// whose change turns out not to apply rolls the transaction back, and the message goes with it.
    /// </param>
    Task AddAnonymousAsync<T>(NpgsqlTransaction transaction, T message, IReadOnlyList<NpgsqlBatchCommand>? alongside = null, CancellationToken cancellationToken = default) where T : class;
}

internal sealed class PostgresOutbox : IOutbox
{
    internal const string Channel = "outbox_pending";

    public async Task AddAsync<T>(NpgsqlTransaction transaction, T message, string partitionKey, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(transaction.Connection);
        // The trace context of the writing request travels with the row, so the dispatcher
        // publishes under it and the trace continues to the consumer.
        var activity = Activity.Current;
        // pg_notify inside the transaction is delivered only on commit: the dispatcher wakes exactly when the row is visible.
        await transaction.Connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO outbox_messages (id, partition_key, message_type, payload, trace_parent, trace_state)
            VALUES (@Id, @PartitionKey, @MessageType, @Payload::jsonb, @TraceParent, @TraceState);
            SELECT pg_notify('{Channel}', '');
            """,
            new
            {
                Id = Guid.CreateVersion7(),
                PartitionKey = partitionKey,
                MessageType = MessageSerializer.TypeName(typeof(T)),
                Payload = JsonSerializer.Serialize(message, MessageSerializer.Options),
                TraceParent = activity?.Id,
                TraceState = activity?.TraceStateString,
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    public async Task AddAnonymousAsync<T>(NpgsqlTransaction transaction, T message, IReadOnlyList<NpgsqlBatchCommand>? alongside = null, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(transaction.Connection);
        var id = Guid.NewGuid();
        // A random negative sequence: such rows are due at once and are independent, and the order of
        // their sequence numbers says nothing about the order they were written in.
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var sequence = -1 - (BitConverter.ToInt64(random) & long.MaxValue);
        // One batch, one round trip: the caller's change, the row and the notification (delivered only on commit).
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var command in alongside ?? [])
        {
            batch.BatchCommands.Add(command);
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO outbox_messages (id, sequence, partition_key, message_type, payload, created_at, next_attempt_at, anonymous)
            OVERRIDING SYSTEM VALUE
            VALUES ($1, $2, $3, $4, $5::jsonb, date_trunc('day', now()), date_trunc('day', now()), true)
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = id },
                new NpgsqlParameter<long> { TypedValue = sequence },
                new NpgsqlParameter<string> { TypedValue = id.ToString() },
                new NpgsqlParameter<string> { TypedValue = MessageSerializer.TypeName(typeof(T)) },
                new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(message, MessageSerializer.Options) },
            },
        });
        // The notification names the row, so the dispatcher reads it by id rather than walking the table's index.
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_notify('{Channel}', $1)")
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = id.ToString() } },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}

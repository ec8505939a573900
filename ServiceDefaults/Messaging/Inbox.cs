using Dapper;
using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Data;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Idempotent consumption: the message id is recorded per consumer in the same transaction as the
/// consumer's effect, so a redelivered or re-published message changes nothing. When the effect
/// throws, the transaction (and the inbox row) rolls back and the exception reaches MassTransit,
/// which retries and then moves the message to the <c>_error</c> queue: never acked and lost.
/// </summary>
public interface IInbox
{
    /// <param name="handle">The effect, given the open transaction; messages it publishes go through <see cref="IOutbox"/> on the same transaction.</param>
    Task ProcessOnceAsync<T>(ConsumeContext<T> context, IConsumer<T> consumer, Func<NpgsqlTransaction, CancellationToken, Task> handle) where T : class;

}

internal sealed class PostgresInbox(NpgsqlDataSource dataSource, IDatabaseReadiness readiness, ILogger<PostgresInbox> logger) : IInbox
{
    public async Task ProcessOnceAsync<T>(ConsumeContext<T> context, IConsumer<T> consumer, Func<NpgsqlTransaction, CancellationToken, Task> handle) where T : class
    {
        var ct = context.CancellationToken;
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a MessageId and cannot be de-duplicated.");
        var consumerName = consumer.GetType().FullName!;

        await readiness.WaitAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // A concurrent duplicate blocks on this row until the first commits, then sees the conflict.
        var first = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO inbox_messages (message_id, consumer) VALUES (@messageId, @consumerName) ON CONFLICT DO NOTHING",
            new { messageId, consumerName }, transaction, cancellationToken: ct)) == 1;
        if (!first)
        {
            OutboxDiagnostics.Duplicates.Add(1);
            logger.LogInformation("{Consumer} already processed message {MessageId}; skipping the duplicate", consumerName, messageId);
            return;
        }
        await handle(transaction, ct);
        await transaction.CommitAsync(ct);
    }
}

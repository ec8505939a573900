using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace StrategyPlatform.Operator;

/// <summary>
/// Moves messages from an <c>_error</c> queue back to the queue they failed in. Each is published to its queue
/// (publisher confirm, mandatory, so a missing queue is an error, not a silent drop) before it is acknowledged
/// in the error queue: a crash in between leaves a copy in both, which the consumer's de-duplication makes
/// harmless; no message is ever only in flight. Only the messages present when it starts are moved, so one
/// that fails again at once is not moved round and round.
/// </summary>
public static class ErrorQueueMove
{
    private const string ErrorSuffix = "_error";

    /// <summary>The queue an error queue belongs to: <c>kpi-survey-response-recorder_error</c> → <c>kpi-survey-response-recorder</c>.</summary>
    public static string SourceOf(string errorQueue) =>
        errorQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal)
            ? errorQueue[..^ErrorSuffix.Length]
            : throw new OperatorException($"'{errorQueue}' is not an error queue (its name ends in {ErrorSuffix}); give --to.");

    public static async Task<int> MoveAsync(string amqpUri, string errorQueue, string targetQueue, CancellationToken ct = default)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "operator-requeue" }.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        uint present;
        try
        {
            present = (await channel.QueueDeclarePassiveAsync(errorQueue, ct)).MessageCount;
            await channel.QueueDeclarePassiveAsync(targetQueue, ct);
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            throw new OperatorException($"No such queue: {e.ShutdownReason.ReplyText}");
        }
        var moved = 0;
        while (moved < present && await channel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties);
            if (properties.Headers is { } headers)
            {
                // The fault's description stays in the service's log; the consumer should see the message as it was first sent.
                foreach (var key in headers.Keys.Where(k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k == "MT-Reason").ToList())
                {
                    headers.Remove(key);
                }
            }
            try
            {
                await channel.BasicPublishAsync("", targetQueue, mandatory: true, properties, message.Body, ct);
            }
            catch (PublishException e)
            {
                await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, ct);
                throw new OperatorException($"The broker did not take a message for {targetQueue} ({(e.IsReturn ? "returned" : "not confirmed")}); it stays in {errorQueue}. {moved} moved.");
            }
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }
}

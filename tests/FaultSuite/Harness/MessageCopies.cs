using RabbitMQ.Client;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>
/// Copies of real messages, as they travelled: a queue of the suite's own bound to the exchange MassTransit
/// publishes a message type to records every message (body and AMQP properties, the message id included),
/// and can publish each again, byte for byte, as a broker redelivery or a publisher's retry would.
/// </summary>
public sealed class MessageCopies : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string exchange;
    private readonly string queue;

    private MessageCopies(IConnection connection, IChannel channel, string exchange, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.exchange = exchange;
        this.queue = queue;
    }

    /// <param name="messageType">MassTransit's exchange for a type is "namespace:name".</param>
    public static async Task<MessageCopies> TapAsync(string amqpUri, Type messageType)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "fault-suite-tap" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var exchange = $"{messageType.Namespace}:{messageType.Name}";
        // The arguments MassTransit declares it with, so whichever comes first, both agree.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var declared = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(declared.QueueName, exchange, "");
        return new MessageCopies(connection, channel, exchange, declared.QueueName);
    }

    /// <summary>Everything recorded so far, taken off the suite's queue.</summary>
    public async Task<IReadOnlyList<(ReadOnlyMemory<byte> Body, BasicProperties Properties)>> DrainAsync()
    {
        var messages = new List<(ReadOnlyMemory<byte>, BasicProperties)>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } got)
        {
            messages.Add((got.Body.ToArray(), new BasicProperties(got.BasicProperties)));
        }
        return messages;
    }

    /// <summary>Publishes the messages again to their exchange, each <paramref name="times"/> times, with publisher confirms.</summary>
    public async Task PublishAgainAsync(IEnumerable<(ReadOnlyMemory<byte> Body, BasicProperties Properties)> messages, int times)
    {
        foreach (var (body, properties) in messages)
        {
            for (var i = 0; i < times; i++)
            {
                await channel.BasicPublishAsync(exchange, "", mandatory: false, properties, body);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}

using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace StrategyPlatform.TestSupport;

/// <summary>A message as it travelled on the broker: MassTransit's JSON envelope and the AMQP properties and headers.</summary>
public sealed record TappedMessage(JsonElement Envelope, string RawBody, IReadOnlyDictionary<string, string> Properties)
{
    public JsonElement Message => Envelope.GetProperty("message");
}

/// <summary>
/// A queue of the test's own, bound to the exchange MassTransit publishes a message type to, so a test
/// reads exactly what went over the wire. Deleted when disposed (and by the broker when its connection closes).
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue;

    private BrokerTap(IConnection connection, IChannel channel, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    /// <param name="messageType">e.g. <c>typeof(SurveyResponseSubmitted)</c>: MassTransit's exchange is "namespace:name".</param>
    public static async Task<BrokerTap> StartAsync(string amqpUri, Type messageType)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = $"{messageType.Namespace}:{messageType.Name}";
        // The same arguments MassTransit declares it with, so whichever comes first, both agree.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var declared = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(declared.QueueName, exchange, "");
        return new BrokerTap(connection, channel, declared.QueueName);
    }

    /// <summary>The messages that have arrived so far, taken off the tap's queue.</summary>
    public async Task<IReadOnlyList<TappedMessage>> DrainAsync()
    {
        var messages = new List<TappedMessage>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } got)
        {
            var body = Encoding.UTF8.GetString(got.Body.Span);
            var properties = new Dictionary<string, string>();
            if (got.BasicProperties.MessageId is { } id)
            {
                properties["message-id"] = id;
            }
            if (got.BasicProperties.IsTimestampPresent())
            {
                properties["timestamp"] = got.BasicProperties.Timestamp.UnixTime.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            foreach (var (key, value) in got.BasicProperties.Headers ?? new Dictionary<string, object?>())
            {
                properties[key] = value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    null => "",
                    _ => value.ToString() ?? "",
                };
            }
            messages.Add(new TappedMessage(JsonDocument.Parse(body).RootElement.Clone(), body, properties));
        }
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}

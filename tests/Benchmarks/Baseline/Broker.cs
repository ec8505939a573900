using System.Collections.Concurrent;
using RabbitMQ.Client;

namespace StrategyPlatform.Benchmarks.Baseline;

/// <summary>One connection, a durable queue, and channels with publisher confirms, one per publisher at a time.</summary>
internal sealed class Broker(Uri uri)
{
    public const string Queue = "baseline-responses";
    private readonly ConcurrentBag<IChannel> idle = [];
    private readonly SemaphoreSlim connecting = new(1, 1);
    private IConnection? connection;

    public async Task<IConnection> ConnectionAsync()
    {
        if (connection is { } open)
        {
            return open;
        }
        await connecting.WaitAsync();
        try
        {
            connection ??= await new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
            return connection;
        }
        finally
        {
            connecting.Release();
        }
    }

    /// <summary>Publishes persistently and returns once the broker has confirmed it.</summary>
    public async Task PublishAsync(ReadOnlyMemory<byte> body)
    {
        if (!idle.TryTake(out var channel))
        {
            channel = await (await ConnectionAsync()).CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        }
        await channel.BasicPublishAsync("", Queue, mandatory: false, new BasicProperties { Persistent = true, ContentType = "application/json" }, body);
        idle.Add(channel);
    }
}

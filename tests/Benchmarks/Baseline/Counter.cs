using System.Text.Json;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Benchmarks.Baseline;

/// <summary>Consumes each message, upserts its survey's count (one statement, committed), then acknowledges it.</summary>
internal static class Counter
{
    public static async Task StartAsync(Broker broker, NpgsqlDataSource db, CancellationToken stopping)
    {
        var channel = await (await broker.ConnectionAsync()).CreateChannelAsync(cancellationToken: stopping);
        await channel.BasicQosAsync(0, 100, false, stopping);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var message = JsonSerializer.Deserialize<SurveyResponseSubmitted>(delivery.Body.Span)!;
            await using var upsert = db.CreateCommand("""
                INSERT INTO response_counts (survey_id, responses) VALUES ($1, 1)
                ON CONFLICT (survey_id) DO UPDATE SET responses = response_counts.responses + 1
                """);
            upsert.Parameters.Add(new() { Value = message.SurveyId });
            await upsert.ExecuteNonQueryAsync(stopping);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stopping);
        };
        await channel.BasicConsumeAsync(Broker.Queue, autoAck: false, consumer, stopping);
    }
}

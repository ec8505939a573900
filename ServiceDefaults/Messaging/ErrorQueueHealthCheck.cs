using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Degraded while a message of this service waits in an <c>_error</c> queue (it failed every retry): names each
/// queue, how many it holds and the command that moves them back once the cause is fixed. The service keeps
/// working meanwhile (readiness does not depend on this check); the messages behind it keep flowing.
/// </summary>
internal sealed class ErrorQueueHealthCheck(ReceiveEndpoints endpoints, IConfiguration configuration) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1);
    private IConnection? connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queues = endpoints.Names.Select(ReceiveEndpoints.ErrorQueueOf).ToList();
        if (queues.Count == 0)
        {
            return HealthCheckResult.Healthy("No queues to watch.");
        }
        Dictionary<string, uint> waiting;
        try
        {
            waiting = await CountAsync(queues, cancellationToken);
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException or AlreadyClosedException)
        {
            // The bus's own check says the broker is down; this one has nothing to add.
            return HealthCheckResult.Healthy($"Error queues not read: {e.Message}");
        }
        var failed = waiting.Where(q => q.Value > 0).ToList();
        if (failed.Count == 0)
        {
            return HealthCheckResult.Healthy($"No failed messages in {string.Join(", ", queues)}.");
        }
        var description = string.Join("; ", failed.Select(q => $"{q.Key} holds {q.Value} failed message(s)"))
            + ". Fix the cause (the service's log says why they failed), then move them back: "
            + string.Join("; ", failed.Select(q => $"scripts/operate.sh requeue --broker <amqp-uri> --queue {q.Key}"));
        return HealthCheckResult.Degraded(description, data: failed.ToDictionary(q => q.Key, q => (object)q.Value));
    }

    private async Task<Dictionary<string, uint>> CountAsync(IReadOnlyList<string> queues, CancellationToken ct)
    {
        var counts = new Dictionary<string, uint>();
        await gate.WaitAsync(ct);
        try
        {
            if (connection is not { IsOpen: true })
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
                connection = await new ConnectionFactory
                {
                    Uri = new Uri(configuration.GetConnectionString(MessagingExtensions.ConnectionName)!),
                    ClientProvidedName = "error-queue-health",
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                }.CreateConnectionAsync(ct);
            }
            foreach (var queue in queues)
            {
                // A passive declare fails (and closes the channel) when the queue does not exist yet: then it holds nothing.
                await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
                try
                {
                    counts[queue] = (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
                {
                    counts[queue] = 0;
                }
            }
        }
        finally
        {
            gate.Release();
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}

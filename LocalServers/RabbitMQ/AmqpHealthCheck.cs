using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace StrategyPlatform.LocalServers;

/// <summary>Healthy once the broker accepts an AMQP connection with the application's credentials.</summary>
internal sealed class AmqpHealthCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var uri = await connectionString(cancellationToken) ?? throw new InvalidOperationException("The connection string is not known yet.");
            var factory = new ConnectionFactory
            {
                Uri = new Uri(uri),
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                ClientProvidedName = "apphost-health-check",
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The connection closed at once.");
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or InvalidOperationException or TimeoutException)
        {
            // A broker still starting is not a fault: the message, no stack trace.
            return HealthCheckResult.Unhealthy(e.InnerException?.Message ?? e.Message);
        }
    }
}

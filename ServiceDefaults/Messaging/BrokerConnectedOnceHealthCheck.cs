using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Readiness: not ready until the bus has connected once, so this service's queues and exchanges exist before
/// anyone relies on it. Afterwards ready for good: a broker outage later is reported by the bus's own check,
/// which is operational (Degraded), because the service still accepts work and its outbox keeps the messages.
/// </summary>
internal sealed class BrokerConnectedOnceHealthCheck(IBusControl bus) : IHealthCheck
{
    private volatile bool connected;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        connected |= bus.CheckHealth().Status == BusHealthStatus.Healthy;
        return Task.FromResult(connected
            ? HealthCheckResult.Healthy("Connected to the broker since start-up.")
            // Degraded while starting, as the other start-up checks: not ready, and not logged as a failure.
            : HealthCheckResult.Degraded("Connecting to the broker (queues not declared yet)."));
    }
}

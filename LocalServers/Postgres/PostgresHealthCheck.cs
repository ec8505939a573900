using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace StrategyPlatform.LocalServers;

/// <summary>Healthy once the server answers a query on the database (the server's own when none is named).</summary>
internal sealed class PostgresHealthCheck(Func<CancellationToken, ValueTask<string?>> connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var value = await connectionString(cancellationToken) ?? throw new InvalidOperationException("The connection string is not known yet.");
            await using var connection = new NpgsqlConnection(PostgresDatabases.Unpooled(value));
            await connection.OpenAsync(cancellationToken);
            await using var query = new NpgsqlCommand("SELECT 1", connection);
            await query.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The message is enough (a server still starting is not a fault): no stack trace in the report.
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

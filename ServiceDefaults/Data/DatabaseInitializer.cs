using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace StrategyPlatform.ServiceDefaults.Data;

/// <summary>Lets consumers and the outbox dispatcher wait until the schema exists.</summary>
public interface IDatabaseReadiness
{
    Task WaitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Applies versioned plain-SQL migrations at start-up. We chose plain SQL over EF Core migrations:
/// the services use Npgsql directly, the scripts are what a DBA reviews, and no design-time tool
/// is needed on a build machine. An advisory lock makes concurrent replicas apply each script once.
/// Runs in the background so <c>/alive</c> answers while the database is still coming up; readiness
/// stays unhealthy until it is done.
/// </summary>
internal sealed class DatabaseInitializer(
    NpgsqlDataSource dataSource,
    IEnumerable<MigrationSource> sources,
    ILogger<DatabaseInitializer> logger) : BackgroundService, IDatabaseReadiness
{
    private const long MigrationLockKey = AdvisoryLocks.Migrations;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Degraded while starting (readiness answers 503 for it too, see UseServiceDefaults), so a probe
    /// that comes early is not logged as a failure; Unhealthy only when a migration has failed.
    /// </summary>
    public HealthCheckResult Status { get; private set; } = HealthCheckResult.Degraded("Migrations have not run yet.");

    public Task WaitAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Status = HealthCheckResult.Degraded("Applying migrations.");
                var applied = await MigrateAsync(stoppingToken);
                Status = HealthCheckResult.Healthy($"{applied} migration(s) applied at start-up.");
                ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (IsStartingUp(ex) && !stoppingToken.IsCancellationRequested)
            {
                // The database may still be starting: keep trying, readiness says why meanwhile.
                Status = HealthCheckResult.Degraded($"Database not reachable yet: {ex.Message}");
                logger.LogWarning("Migrations waiting for the database: {Message}", ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Status = HealthCheckResult.Unhealthy("A migration failed.", ex);
                logger.LogCritical(ex, "A database migration failed; the service stays unready.");
                return;
            }
        }
    }

    /// <summary>Connection failures, a server still starting (57P03) or a database not created yet (3D000) pass; a failing script does not.</summary>
    private static bool IsStartingUp(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.InvalidCatalogName,
        NpgsqlException or TimeoutException => true,
        _ => false,
    };

    private async Task<int> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@MigrationLockKey)", new { MigrationLockKey });
        try
        {
            await connection.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var done = (await connection.QueryAsync<string>("SELECT id FROM schema_migrations")).ToHashSet();
            var applied = 0;
            foreach (var source in sources)
            {
                foreach (var (id, sql) in source.LoadScripts().Where(s => !done.Contains(s.Id)))
                {
                    await using var tx = await connection.BeginTransactionAsync(ct);
                    await connection.ExecuteAsync(sql, transaction: tx);
                    await connection.ExecuteAsync("INSERT INTO schema_migrations (id) VALUES (@id)", new { id }, tx);
                    await tx.CommitAsync(ct);
                    logger.LogInformation("Applied migration {Migration}", id);
                    applied++;
                }
            }
            return applied;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@MigrationLockKey)", new { MigrationLockKey });
        }
    }
}

internal sealed class DatabaseInitializerHealthCheck(DatabaseInitializer initializer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(initializer.Status);
}

using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The outbox as an operator needs to see it: how many messages wait to be sent and how long the oldest has
/// waited (Degraded past <see cref="OutboxOptions.DegradedBacklog"/> or <see cref="OutboxOptions.DegradedAge"/>:
/// the broker is unreachable, or the dispatcher cannot keep up), and the parked messages that failed every
/// attempt (Degraded until an operator retries them). It does not decide readiness: a service with a
/// backlog still accepts work, which the outbox keeps.
/// </summary>
internal sealed class OutboxHealthCheck(NpgsqlDataSource dataSource, IOptions<OutboxOptions> options) : IHealthCheck
{
    private sealed record Backlog(long Waiting, double? OldestSeconds, long Parked);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // An anonymous message is stored with the day only, so it says nothing about how long it has waited.
        Backlog backlog;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            backlog = await connection.QuerySingleAsync<Backlog>(new CommandDefinition("""
                SELECT count(*) FILTER (WHERE failed_at IS NULL) AS Waiting,
                       extract(epoch FROM now() - min(created_at) FILTER (WHERE failed_at IS NULL AND NOT anonymous))::float8 AS OldestSeconds,
                       count(*) FILTER (WHERE failed_at IS NOT NULL) AS Parked
                FROM outbox_messages WHERE dispatched_at IS NULL
                """, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The database's own check reports it unreachable; nothing to add here.
            return HealthCheckResult.Healthy($"Outbox not read: {e.Message}");
        }
        var settings = options.Value;
        var oldest = TimeSpan.FromSeconds(Math.Max(0, backlog.OldestSeconds ?? 0));
        var data = new Dictionary<string, object>
        {
            ["waiting"] = backlog.Waiting,
            ["oldestWaitingSeconds"] = Math.Round(oldest.TotalSeconds, 1),
            ["parked"] = backlog.Parked,
        };
        var summary = backlog.Waiting == 0 ? "Nothing waiting to be sent." : $"{backlog.Waiting} message(s) waiting to be sent, the oldest for {oldest.TotalSeconds:0} s.";
        var problems = new List<string>();
        if (backlog.Waiting >= settings.DegradedBacklog || (backlog.Waiting > 0 && oldest >= settings.DegradedAge))
        {
            problems.Add($"over the threshold ({settings.DegradedBacklog} messages or {settings.DegradedAge.TotalSeconds:0} s): is the broker reachable?");
        }
        if (backlog.Parked > 0)
        {
            problems.Add($"{backlog.Parked} message(s) parked after {settings.MaxAttempts} failed attempts; once the cause is fixed: scripts/operate.sh outbox-retry --db <connection-string>");
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy(summary, data)
            : HealthCheckResult.Degraded($"{summary} {string.Join(" ", problems)}", data: data);
    }
}

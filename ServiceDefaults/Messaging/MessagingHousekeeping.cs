using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Data;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>Deletes dispatched outbox rows and old inbox rows once they can no longer matter.</summary>
internal sealed class MessagingHousekeeping(
    NpgsqlDataSource dataSource,
    IDatabaseReadiness readiness,
    IOptions<OutboxOptions> options,
    ILogger<MessagingHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                var outbox = await connection.ExecuteAsync(
                    "DELETE FROM outbox_messages WHERE dispatched_at < now() - @retention",
                    new { retention = options.Value.DispatchedRetention });
                var inbox = await connection.ExecuteAsync(
                    "DELETE FROM inbox_messages WHERE processed_at < now() - @retention",
                    new { retention = options.Value.InboxRetention });
                if (outbox + inbox > 0)
                {
                    logger.LogInformation("Housekeeping removed {Outbox} dispatched outbox rows and {Inbox} inbox rows", outbox, inbox);
                }
            }
            catch (NpgsqlException ex)
            {
                logger.LogWarning("Messaging housekeeping skipped: {Message}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

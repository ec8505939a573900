using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Data;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Deletes dispatched outbox rows and inbox rows once they can no longer matter
/// (<see cref="OutboxOptions.DispatchedRetention"/>, <see cref="OutboxOptions.InboxRetention"/>), every
/// <see cref="OutboxOptions.HousekeepingInterval"/>, in slices of <see cref="OutboxOptions.HousekeepingBatch"/> rows so
/// that a large backlog of old rows never becomes one long transaction that holds up the dispatcher or a consumer.
/// </summary>
internal sealed class MessagingHousekeeping(
    NpgsqlDataSource dataSource,
    IDatabaseReadiness readiness,
    IOptions<OutboxOptions> options,
    ILogger<MessagingHousekeeping> logger) : BackgroundService
{
    private readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(settings.HousekeepingInterval);
        do
        {
            try
            {
                var outbox = await DeleteInSlicesAsync(
                    "outbox_messages", "dispatched_at < now() - @retention", settings.DispatchedRetention, stoppingToken);
                var inbox = await DeleteInSlicesAsync(
                    "inbox_messages", "processed_at < now() - @retention", settings.InboxRetention, stoppingToken);
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

    private async Task<int> DeleteInSlicesAsync(string table, string old, TimeSpan retention, CancellationToken ct)
    {
        var total = 0;
        int deleted;
        do
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            deleted = await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM {table} WHERE {old} LIMIT @slice))",
                new { retention, slice = settings.HousekeepingBatch }, cancellationToken: ct));
            total += deleted;
        }
        while (deleted == settings.HousekeepingBatch);
        return total;
    }
}

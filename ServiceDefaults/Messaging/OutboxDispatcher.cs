using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Data;

namespace StrategyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows with publisher confirms and marks them dispatched. A row that
/// fails (broker down, no confirm in time) is retried with backoff until it goes: after a crash, an
/// outage or a restart nothing is dropped. Rows of one partition go out strictly in order: a
/// failed or waiting row holds back the later rows of its partition. Only one replica dispatches
/// at a time (an advisory lock), which keeps that order across replicas. A row published but not
/// yet marked when the process dies is published again; consumers de-duplicate by message id.
/// </summary>
internal sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
    IDatabaseReadiness readiness,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const long DispatcherLockKey = 7_305_163_022;
    private readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await using var listener = new OutboxListener(dataSource, PostgresOutbox.Channel, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            await listener.EnsureListeningAsync(stoppingToken);
            var wait = settings.PollInterval;
            try
            {
                var result = await DispatchBatchAsync(stoppingToken);
                if (result.MoreDue)
                {
                    continue;
                }
                if (result.NextDue is { } due && due < wait)
                {
                    wait = due;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; retrying in {Delay}", wait);
            }
            await listener.WaitAsync(wait, stoppingToken);
        }
    }

    private sealed record Batch(bool MoreDue, TimeSpan? NextDue);

    private async Task<Batch> DispatchBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@DispatcherLockKey)", new { DispatcherLockKey }))
        {
            return new Batch(false, null); // another replica is dispatching
        }
        try
        {
            var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition("""
                SELECT id, partition_key AS PartitionKey, message_type AS MessageType, payload::text AS Payload,
                       trace_parent AS TraceParent, trace_state AS TraceState, attempts,
                       GREATEST(next_attempt_at - now(), interval '0') AS DueIn
                FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY sequence LIMIT @BatchSize
                """, new { settings.BatchSize }, cancellationToken: ct))).ToList();

            // Partitions are independent, so they are published concurrently; within one, strictly in sequence.
            var published = new ConcurrentBag<Guid>();
            var failed = new ConcurrentBag<(OutboxRow Row, Exception Error)>();
            var waiting = new ConcurrentBag<TimeSpan>();
            await Parallel.ForEachAsync(
                rows.GroupBy(r => r.PartitionKey),
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentPublishes, CancellationToken = ct },
                async (partition, token) =>
                {
                    foreach (var row in partition)
                    {
                        if (row.DueIn > TimeSpan.Zero)
                        {
                            waiting.Add(row.DueIn); // backing off: it and the rows after it wait
                            return;
                        }
                        try
                        {
                            await PublishAsync(row, token);
                            published.Add(row.Id);
                        }
                        catch (Exception ex) when (!token.IsCancellationRequested)
                        {
                            failed.Add((row, ex));
                            return;
                        }
                    }
                });

            await connection.ExecuteAsync(
                "UPDATE outbox_messages SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(@ids)",
                new { ids = published.ToArray() });
            OutboxDiagnostics.Published.Add(published.Count);
            foreach (var (row, error) in failed)
            {
                var backoff = settings.Backoff(row.Attempts + 1);
                await connection.ExecuteAsync("""
                    UPDATE outbox_messages
                    SET attempts = attempts + 1, next_attempt_at = now() + @backoff, last_error = @error
                    WHERE id = @Id
                    """, new { row.Id, backoff, error = error.Message });
                OutboxDiagnostics.Failed.Add(1);
                logger.LogWarning("Outbox message {MessageId} ({Type}) not published, attempt {Attempt}; retrying in {Backoff}: {Error}",
                    row.Id, row.MessageType, row.Attempts + 1, backoff, error.Message);
                waiting.Add(backoff);
            }
            TimeSpan? nextDue = waiting.IsEmpty ? null : waiting.Min();
            return new Batch(rows.Count == settings.BatchSize && failed.IsEmpty, nextDue);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@DispatcherLockKey)", new { DispatcherLockKey });
        }
    }

    private async Task PublishAsync(OutboxRow row, CancellationToken ct)
    {
        var type = MessageSerializer.ResolveType(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Payload, type, MessageSerializer.Options)
            ?? throw new InvalidOperationException($"Outbox message {row.Id} has an empty payload.");

        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = OutboxDiagnostics.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.PublishTimeout);
        // MessageId = the row's id: a re-publish after a crash carries the same id, which the inbox recognises.
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.Id), timeout.Token);
    }

    private sealed record OutboxRow(Guid Id, string PartitionKey, string MessageType, string Payload, string? TraceParent, string? TraceState, int Attempts, TimeSpan DueIn);
}

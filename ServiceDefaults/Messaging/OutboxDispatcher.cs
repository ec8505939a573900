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
    // An anonymous row's backoff is kept here, not in its row: a stored retry time would date the response.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> anonymousBackoff = new();

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
                       GREATEST(next_attempt_at - now(), interval '0') AS DueIn, anonymous
                FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY sequence LIMIT @BatchSize
                """, new { settings.BatchSize }, cancellationToken: ct)))
                .Select(r => r.Anonymous && anonymousBackoff.TryGetValue(r.Id, out var due) ? r with { DueIn = Max(due - DateTimeOffset.UtcNow, TimeSpan.Zero) } : r)
                .ToList();

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

            // An anonymous row goes once the broker has it; a kept "dispatched at" would date the response.
            await connection.ExecuteAsync("""
                UPDATE outbox_messages SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(@ids) AND NOT anonymous;
                DELETE FROM outbox_messages WHERE id = ANY(@ids) AND anonymous;
                """, new { ids = published.ToArray() });
            foreach (var id in published)
            {
                anonymousBackoff.TryRemove(id, out _);
            }
            OutboxDiagnostics.Published.Add(published.Count);
            foreach (var (row, error) in failed)
            {
                var backoff = settings.Backoff(row.Attempts + 1);
                if (row.Anonymous)
                {
                    anonymousBackoff[row.Id] = DateTimeOffset.UtcNow + backoff;
                }
                await connection.ExecuteAsync("""
                    UPDATE outbox_messages
                    SET attempts = attempts + 1, next_attempt_at = CASE WHEN anonymous THEN next_attempt_at ELSE now() + @backoff END, last_error = @error
                    WHERE id = @Id
                    """, new { row.Id, backoff, error = error.Message });
                OutboxDiagnostics.Failed.Add(1);
                // An anonymous message's id is not logged: the log line's time would date it.
                logger.LogWarning("Outbox message {MessageId} ({Type}) not published, attempt {Attempt}; retrying in {Backoff}: {Error}",
                    row.Anonymous ? "(anonymous)" : row.Id, row.MessageType, row.Attempts + 1, backoff, error.Message);
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
        // An anonymous row has no trace context: its publication starts a trace of its own.
        using var activity = OutboxDiagnostics.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.PublishTimeout);
        // MessageId = the row's id: a re-publish after a crash carries the same id, which the inbox recognises.
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.Id;
            if (row.Anonymous)
            {
                // Otherwise MassTransit would add a time-ordered conversation id and a sent time to the millisecond.
                context.ConversationId = row.Id;
                context.Serializer = DayOnlyEnvelopeSerializer.Instance;
            }
        }), timeout.Token);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record OutboxRow(Guid Id, string PartitionKey, string MessageType, string Payload, string? TraceParent, string? TraceState, int Attempts, TimeSpan DueIn, bool Anonymous);
}

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
/// outage or a restart nothing is dropped. Rows of one partition go out strictly in order: a row
/// backing off holds back the later rows of its partition, and only its partition. A row the broker
/// keeps refusing (or that cannot be built) is parked after <see cref="OutboxOptions.MaxAttempts"/>
/// refusals: /health reports it and an operator retries it. Only one replica dispatches at a time (an
/// advisory lock), which keeps that order across replicas. A row published but not yet marked when the
/// process dies is published again; consumers de-duplicate by message id.
/// </summary>
internal sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
    IDatabaseReadiness readiness,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions settings = options.Value;
    // An anonymous row's backoff is kept here, not in its row: a stored retry time would date the response.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> anonymousBackoff = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await using var listener = new OutboxListener(dataSource, PostgresOutbox.Channel, logger);
        // The table is read on the first round, after a quiet interval or a backoff's due time, when a notification
        // asks for it or more rows were named than a batch takes, and at least once a poll interval under any load: a
        // row whose notification was missed (the listener reconnecting) waits no longer than that. Only when nothing
        // but anonymous rows was heard are those read, by id.
        var readTable = true;
        var tableReadAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            await listener.EnsureListeningAsync(stoppingToken);
            var heard = listener.Take();
            readTable |= heard.TableWanted || heard.Named.Count == 0 || heard.Named.Count > settings.BatchSize || DateTimeOffset.UtcNow - tableReadAt >= settings.PollInterval;
            var wait = settings.PollInterval;
            try
            {
                // Not cancelled by a shutdown: the batch in hand is published and marked (each publish has its own
                // timeout), so a stopping service leaves no row half-handled; the loop then ends.
                Batch result;
                if (readTable)
                {
                    tableReadAt = DateTimeOffset.UtcNow;
                    result = await DispatchBatchAsync(named: null, CancellationToken.None);
                    readTable = result.MoreDue;
                }
                else
                {
                    result = await DispatchBatchAsync(heard.Named, CancellationToken.None);
                }
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
                readTable = true; // the named rows in hand are found there
                logger.LogWarning(ex, "Outbox dispatch failed; retrying in {Delay}", wait);
            }
            if (!await listener.WaitAsync(wait, stoppingToken))
            {
                readTable = true;
            }
        }
    }

    /// <param name="MoreDue">A full batch went out: read the next at once. Otherwise wait for a notification or <paramref name="NextDue"/>.</param>
    private sealed record Batch(bool MoreDue, TimeSpan? NextDue);

    /// <param name="named">
    /// Anonymous rows known to be committed, read by their id: such a row is due at once and stands alone (its
    /// partition is itself), and reading it so skips the index's dead entries of the rows sent before it, which every
    /// ordered read walks until vacuum removes them (issue 13: ~1 ms a read at a campaign's rate). Null: read the table.
    /// </param>
    private async Task<Batch> DispatchBatchAsync(IReadOnlyList<Guid>? named, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@key)", new { key = AdvisoryLocks.OutboxDispatcher }))
        {
            return new Batch(false, null); // another replica is dispatching
        }
        try
        {
            var now = DateTimeOffset.UtcNow;
            var heldAnonymous = anonymousBackoff.Where(b => b.Value > now).Select(b => b.Key).ToArray();
            // Only due rows, in order, and none behind a row of its partition that is backing off (those are
            // few, and indexed); an anonymous row's backoff is known only here. So a partition that waits
            // neither fills the batch nor holds back the others.
            var rows = named is null
                ? (await connection.QueryAsync<OutboxRow>(new CommandDefinition($"""
                    {SelectRow}
                    WHERE m.dispatched_at IS NULL AND m.failed_at IS NULL AND m.id <> ALL(@heldAnonymous)
                      AND NOT EXISTS (
                          SELECT 1 FROM outbox_messages b
                          WHERE b.partition_key = m.partition_key AND b.sequence <= m.sequence
                            AND b.dispatched_at IS NULL AND b.failed_at IS NULL AND b.attempts > 0 AND b.next_attempt_at > now())
                    ORDER BY m.sequence LIMIT @BatchSize
                    """, new { settings.BatchSize, heldAnonymous }, cancellationToken: ct))).ToList()
                : (await connection.QueryAsync<OutboxRow>(new CommandDefinition($"""
                    {SelectRow}
                    WHERE m.id = ANY(@named) AND m.anonymous AND m.dispatched_at IS NULL AND m.failed_at IS NULL AND m.id <> ALL(@heldAnonymous)
                    """, new { named = named.ToArray(), heldAnonymous }, cancellationToken: ct))).ToList();
            if (named is null && rows.Count < settings.BatchSize)
            {
                // Every due row was read: a lapsed backoff whose row was not among them is of a row no longer waiting.
                var read = rows.Select(r => r.Id).ToHashSet();
                foreach (var lapsed in anonymousBackoff.Where(b => b.Value <= now && !read.Contains(b.Key)).Select(b => b.Key).ToList())
                {
                    anonymousBackoff.TryRemove(lapsed, out _);
                }
            }

            // Partitions are independent, so they are published concurrently; within one, strictly in sequence.
            var published = new ConcurrentBag<Guid>();
            var failed = new ConcurrentBag<(OutboxRow Row, Exception Error)>();
            await Parallel.ForEachAsync(
                rows.GroupBy(r => r.PartitionKey),
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentPublishes, CancellationToken = ct },
                async (partition, token) =>
                {
                    foreach (var row in partition)
                    {
                        try
                        {
                            await PublishAsync(row, token);
                            published.Add(row.Id);
                        }
                        catch (Exception ex) when (!token.IsCancellationRequested)
                        {
                            failed.Add((row, ex));
                            return; // the rest of the partition waits for it
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

            var waiting = new List<TimeSpan>();
            foreach (var (row, error) in failed)
            {
                waiting.Add(await RecordFailureAsync(connection, row, error));
            }
            // The earliest backoff still running (this batch's, or an anonymous row's from before) wakes the loop.
            waiting.AddRange(anonymousBackoff.Values.Select(due => Max(due - DateTimeOffset.UtcNow, TimeSpan.Zero)));
            TimeSpan? nextDue = waiting.Count == 0 ? null : waiting.Min();
            return new Batch(named is null && rows.Count == settings.BatchSize && !published.IsEmpty, nextDue);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLocks.OutboxDispatcher });
        }
    }

    /// <summary>
    /// Backs a row off, or parks it once the broker has refused it <see cref="OutboxOptions.MaxAttempts"/> times.
    /// Only a refusal counts: a publish that timed out or found the broker unreachable says nothing about the
    /// message, so an outage of any length parks nothing.
    /// </summary>
    /// <returns>How long until the row is due again (<see cref="TimeSpan.MaxValue"/> once parked).</returns>
    private async Task<TimeSpan> RecordFailureAsync(NpgsqlConnection connection, OutboxRow row, Exception error)
    {
        var refused = error is not OperationCanceledException && BrokerReachable();
        var refusals = row.Refusals + (refused ? 1 : 0);
        var park = refusals >= settings.MaxAttempts;
        var backoff = settings.Backoff(row.Attempts + 1);
        if (row.Anonymous && !park)
        {
            anonymousBackoff[row.Id] = DateTimeOffset.UtcNow + backoff;
        }
        else
        {
            anonymousBackoff.TryRemove(row.Id, out _);
        }
        await connection.ExecuteAsync("""
            UPDATE outbox_messages
            SET attempts = attempts + 1, refusals = @refusals, last_error = @error,
                next_attempt_at = CASE WHEN anonymous THEN next_attempt_at ELSE now() + @backoff END,
                failed_at = CASE WHEN NOT @park THEN NULL WHEN anonymous THEN date_trunc('day', now()) ELSE now() END
            WHERE id = @Id
            """, new { row.Id, refusals, park, backoff, error = error.Message });
        OutboxDiagnostics.Failed.Add(1);
        // An anonymous message's id is not logged: the log line's time would date it.
        var id = row.Anonymous ? "(anonymous)" : row.Id.ToString();
        if (park)
        {
            OutboxDiagnostics.Parked.Add(1);
            logger.LogError("Outbox message {MessageId} ({Type}) parked after {Refusals} refusals; it waits for an operator (scripts/operate.sh outbox-retry): {Error}",
                id, row.MessageType, refusals, error.Message);
            return TimeSpan.MaxValue;
        }
        logger.LogWarning("Outbox message {MessageId} ({Type}) not published, attempt {Attempt}; retrying in {Backoff}: {Error}",
            id, row.MessageType, row.Attempts + 1, backoff, error.Message);
        return backoff;
    }

    /// <summary>The bus has a connection (a service with no receive endpoints reports healthy throughout).</summary>
    private bool BrokerReachable() => bus is not IBusControl control || control.CheckHealth().Status != BusHealthStatus.Unhealthy;

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

    private const string SelectRow = """
        SELECT m.id, m.partition_key AS PartitionKey, m.message_type AS MessageType, m.payload::text AS Payload,
               m.trace_parent AS TraceParent, m.trace_state AS TraceState, m.attempts, m.refusals, m.anonymous
        FROM outbox_messages m
        """;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record OutboxRow(Guid Id, string PartitionKey, string MessageType, string Payload, string? TraceParent, string? TraceState, int Attempts, int Refusals, bool Anonymous);
}

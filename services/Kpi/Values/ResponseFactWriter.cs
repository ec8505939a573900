using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// Writes the consumers' survey-response facts in shared transactions (group commit, issue 13): while one
/// transaction commits, the answers that arrive meanwhile wait, and the next transaction takes all of them in one
/// statement. Under a campaign's load one commit (one WAL flush) then serves dozens of answers; an answer alone
/// goes at once, since nothing waits on a timer.
/// Each consumer still awaits its own answer's commit before its message is acknowledged, so a crash loses
/// nothing: an answer not committed is redelivered. If a shared transaction fails, each of its answers is tried
/// again alone, so one bad answer (a constraint it breaks) fails only its own message, which MassTransit retries
/// and parks in the error queue as before, and the others are counted.
/// </summary>
public sealed class ResponseFactWriter(NpgsqlDataSource db, ILogger<ResponseFactWriter> logger) : IAsyncDisposable
{
    /// <summary>Enough to pay one commit for many answers; small enough that a statement stays a few milliseconds.</summary>
    private const int MostPerTransaction = 128;

    private sealed record Waiting(SurveyResponseSubmitted Response, TaskCompletionSource Committed);

    private readonly Channel<Waiting> waiting = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock starting = new();
    private Task? writing;

    /// <summary>Completes once the answer's fact is committed (or was already held: a response counts once).</summary>
    public Task RecordAsync(SurveyResponseSubmitted response, CancellationToken ct)
    {
        StartOnce();
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!waiting.Writer.TryWrite(new Waiting(response, committed)))
        {
            throw new ObjectDisposedException(nameof(ResponseFactWriter), "The service is stopping; the message will be delivered again.");
        }
        return committed.Task.WaitAsync(ct);
    }

    private void StartOnce()
    {
        lock (starting)
        {
            writing ??= Task.Run(() => WriteAllAsync(stopping.Token));
        }
    }

    private async Task WriteAllAsync(CancellationToken ct)
    {
        var batch = new List<Waiting>(MostPerTransaction);
        try
        {
            while (await waiting.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < MostPerTransaction && waiting.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                await WriteAsync(batch, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        // Whoever still waits is told; their messages are not acknowledged and come again.
        while (waiting.Reader.TryRead(out var left))
        {
            left.Committed.TrySetCanceled();
        }
    }

    /// <summary>Settles every waiter of the batch, whatever happens: the loop must outlive any one failure.</summary>
    private async Task WriteAsync(List<Waiting> batch, CancellationToken ct)
    {
        try
        {
            await InsertAsync([.. batch.Select(w => w.Response)], ct);
            batch.ForEach(w => w.Committed.TrySetResult());
            return;
        }
        catch (Exception e) when (batch.Count == 1 || ct.IsCancellationRequested)
        {
            batch.ForEach(w => w.Committed.TrySetException(e));
            return;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Writing {Count} answers' facts together failed; writing each alone", batch.Count);
        }
        foreach (var one in batch)
        {
            try
            {
                await InsertAsync([one.Response], ct);
                one.Committed.TrySetResult();
            }
            catch (Exception e)
            {
                one.Committed.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// The consumer's rule of <see cref="Facts.RecordResponseAsync"/> (a response already held is left as it is),
    /// for many answers in one statement. Each row's trigger notes its change for the recounter, as for one.
    /// </summary>
    private async Task InsertAsync(IReadOnlyList<SurveyResponseSubmitted> responses, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ratings = responses.Select(Facts.Ratings).ToList();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO survey_response_facts (response_id, survey_id, kind, year, campaign_id, positive, counted, submitted_at)
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (response_id) DO NOTHING
            """, connection, tx)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid[]> { TypedValue = [.. responses.Select(r => r.ResponseId)] },
                new NpgsqlParameter<Guid[]> { TypedValue = [.. responses.Select(r => r.SurveyId)] },
                new NpgsqlParameter<string[]> { TypedValue = [.. responses.Select(r => r.SurveyKind.ToString())] },
                new NpgsqlParameter<int[]> { TypedValue = [.. responses.Select(r => r.Year)] },
                new NpgsqlParameter<Guid?[]> { TypedValue = [.. responses.Select(r => r.CampaignId)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new NpgsqlParameter<int[]> { TypedValue = [.. ratings.Select(r => r.Positive)] },
                new NpgsqlParameter<int[]> { TypedValue = [.. ratings.Select(r => r.Counted)] },
                new NpgsqlParameter<DateTime[]> { TypedValue = [.. responses.Select(r => r.SubmittedAt.UtcDateTime.Date)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            },
        };
        await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        waiting.Writer.TryComplete();
        await stopping.CancelAsync();
        if (writing is not null)
        {
            await writing;
        }
        stopping.Dispose();
    }
}

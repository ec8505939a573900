using System.Threading.Channels;
using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Data;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Recounts indicators 15 and 16 after their answers are recorded, for all answers recorded meanwhile at once.
/// Recording an answer's fact leaves its change in <c>survey_response_changes</c> (a trigger, in the answer's own
/// transaction; a population change notes the indicator and year in <c>pending_recounts</c>), and the consumer
/// signals; this service takes the indicator's write lock once, adds the changes to the per-survey totals
/// (<see cref="SurveyTotals"/>), recounts each year they or the notes name and publishes what changed. Before, every answer took the lock and recounted the whole year in its own
/// transaction, so the aggregator's consumers queued behind one another on one row (issue 13: 244 ms of lock
/// wait per answer under load) and the work grew with every answer of the year. A value is never counted twice
/// or missed: it is always recounted from the totals and the changes not yet added (together, the facts), and a
/// change or note is committed with its fact and deleted with the recount that read it. Changes and notes left by
/// a crash, a replay's corrections or another replica's consumers are found by the poll.
/// </summary>
public sealed class PendingRecounts(
    NpgsqlDataSource db, IDatabaseReadiness readiness, CatalogueSeeder catalogue, ComputedValues computed, ILogger<PendingRecounts> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(2);
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Notes, on the caller's transaction, that <paramref name="number"/> must be recounted for <paramref name="year"/>.</summary>
    public static Task NoteAsync(NpgsqlTransaction tx, string number, int year, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pending_recounts (indicator_number, year) VALUES (@number, @year)", new { number, year }, tx, cancellationToken: ct));

    /// <summary>Something was noted and committed: recount soon. Signals arriving during a recount make one more.</summary>
    public void Signal() => signals.Writer.TryWrite(true);

    /// <summary>
    /// Recounts everything noted, on the caller's transaction (this service's own, or a rebuild's that then reads
    /// the values as live), and deletes the notes it read. Returns how many notes it took.
    /// </summary>
    public async Task<int> RecountNotedAsync(NpgsqlTransaction tx, CancellationToken ct)
    {
        var connection = tx.Connection!;
        // What to recount: the notes (a population changed) and the survey kinds whose answers' facts changed.
        var numbers = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT indicator_number FROM pending_recounts", transaction: tx, cancellationToken: ct)))
            .Union((await SurveyTotals.KindsChangedAsync(tx, ct)).Select(FedBy).OfType<string>())
            .ToList();
        if (numbers.Count == 0)
        {
            return 0;
        }
        await IndicatorWriteLock.TakeAsync(tx, numbers, ct);
        // Read after the lock: what a recounter that held it before us took is gone, what came since is ours.
        var noted = (await connection.QueryAsync<(string Number, int Year)>(new CommandDefinition(
            "DELETE FROM pending_recounts WHERE indicator_number = ANY(@numbers) RETURNING indicator_number, year",
            new { numbers = numbers.ToArray() }, tx, cancellationToken: ct))).ToList();
        var kinds = numbers.Select(StrategyIndicators.SurveyKindFeeding).OfType<SurveyKind>().Select(k => k.ToString()).ToList();
        noted.AddRange((await SurveyTotals.AddChangesAsync(tx, kinds, ct))
            .Select(moved => (FedBy(moved.Kind)!, moved.Year)));
        if (noted.Count > 0)
        {
            await computed.UpdateAsync(tx, [.. noted.Distinct()], ct);
        }
        return noted.Count;
    }

    /// <summary>The indicator a stored kind feeds; null for a kind no message carries (a row written by hand), which must not stop every recount.</summary>
    private static string? FedBy(string kind) => Enum.TryParse<SurveyKind>(kind, out var known) && Enum.IsDefined(known) ? StrategyIndicators.FedBy(known) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await catalogue.Seeded.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Poll;
            try
            {
                // A recount begun is finished on shutdown (it takes milliseconds); the next one is not begun.
                while (!stoppingToken.IsCancellationRequested && await RecountAsync(CancellationToken.None) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The notes stay; the next round recounts them.
                logger.LogWarning(ex, "Recounting indicators failed; retrying in {Delay}", AfterFailure);
                wait = AfterFailure;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(wait);
            try
            {
                await signals.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task<int> RecountAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var taken = await RecountNotedAsync(tx, ct);
        await tx.CommitAsync(ct);
        return taken;
    }
}

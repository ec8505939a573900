using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Sources;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.ServiceDefaults.Audit;

namespace StrategyPlatform.Kpi.Values;

public enum ReplaySource
{
    /// <summary>The source services' feeds: the facts are corrected to what the sources hold, then everything is recounted.</summary>
    Sources,

    /// <summary>Only the facts already stored from consumed messages are recounted.</summary>
    Facts,
}

/// <param name="LiveInterval">Survey values' 95 % interval (low, high) before the rebuild; it moves with a survey's population even when the value does not.</param>
public sealed record ReplayedValue(string Number, int Year, decimal? Live, decimal? Rebuilt, int? LiveN, int? RebuiltN,
    decimal[]? LiveInterval = null, decimal[]? RebuiltInterval = null)
{
    public bool Equal => Live == Rebuilt && LiveN == RebuiltN && (LiveInterval ?? []).SequenceEqual(RebuiltInterval ?? []);
}

/// <summary>What a replay from the sources read and what it had to correct in the stored facts.</summary>
/// <param name="SurveyPopulationsRead">Invitation surveys whose population the Surveys service told (counted in <paramref name="FactsCorrected"/> and <paramref name="FactsRemoved"/> too).</param>
public sealed record SourceFacts(int SurveyResponsesRead, int MediaEventsRead, int FactsCorrected, int FactsRemoved, int SurveyPopulationsRead = 0);

public sealed record ReplayResult(ReplaySource From, IReadOnlyList<ReplayedValue> Values, SourceFacts? Sources)
{
    public bool AllEqual => Values.All(v => v.Equal);
}

/// <summary>
/// Rebuilds indicators 13–16, discarding the stored values first, and reports the live and the
/// rebuilt value side by side. From the sources, it first reads every accepted survey response, every
/// invitation survey's population and every media event's newest version from their services and
/// corrects the stored facts to them
/// (adding what a lost message never brought, removing what the sources do not hold), with the same
/// rules the consumers apply; from the facts, it only recounts what the consumers stored.
/// </summary>
public sealed class Replay(NpgsqlDataSource db, StatusPublisher statuses, PendingRecounts pending, SourceFeeds feeds, IAuditTrail audit)
{
    public async Task<ReplayResult> RunAsync(ReplaySource from, string? authorization, AuditActor by, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        (ReplayStart Started, SourcesRead Sources)? read = null;
        if (from == ReplaySource.Sources)
        {
            // Read before the transaction: the consumers keep working meanwhile, and what they write after this moment is kept.
            // Response facts carry a generation instead of a time (they must not be dated); taking the next one marks the moment.
            var started = await connection.QuerySingleAsync<ReplayStart>(new CommandDefinition(
                "SELECT now() AS At, nextval('fact_generation') AS Generation", cancellationToken: ct));
            var responses = feeds.SurveyResponsesAsync(authorization ?? "", ct);
            var populations = feeds.SurveyPopulationsAsync(authorization ?? "", ct);
            var events = feeds.MediaEventsAsync(authorization ?? "", ct);
            read = (started, new SourcesRead(await responses, await populations, await events));
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        await IndicatorWriteLock.TakeAsync(tx, ComputedIndicators.All, ct);
        // "Live" is what the dashboards show once the recounts noted so far are done, not a moment's lag behind it.
        await pending.RecountNotedAsync(tx, ct);
        var live = await ValuesAsync(tx, ct);
        SourceFacts? sources = null;
        if (read is var (startedAt, sourcesRead))
        {
            sources = await CorrectFactsAsync(tx, startedAt, sourcesRead, ct);
        }

        var years = new Dictionary<string, int[]>();
        foreach (var number in ComputedIndicators.All)
        {
            years[number] = [.. await ComputedIndicators.YearsAsync(tx, number, ct)];
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM computed_values", transaction: tx, cancellationToken: ct));
        foreach (var number in ComputedIndicators.All)
        {
            foreach (var year in years[number])
            {
                await ComputedIndicators.RecomputeAsync(tx, number, year, ct);
            }
        }
        var rebuilt = await ValuesAsync(tx, ct);

        var changed = new List<(string, int)>();
        var values = live.Keys.Union(rebuilt.Keys).Order().Select(k =>
        {
            var before = live.GetValueOrDefault(k);
            var after = rebuilt.GetValueOrDefault(k);
            var value = new ReplayedValue(k.Item1, k.Item2, before.Value, after.Value, before.Counted, after.Counted, before.Interval, after.Interval);
            if (!value.Equal)
            {
                changed.Add(k);
            }
            return value;
        }).ToList();
        // Should the rebuild differ (a lost message, a fact consumed before a bug fix), dashboards learn of it as of any other change.
        await statuses.PublishAsync(tx, changed, ct);
        await audit.RecordAsync(tx, by, "indicators.rebuilt", string.Join(",", ComputedIndicators.All),
            new { from, changed = changed.Count, sources?.FactsCorrected, sources?.FactsRemoved }, ct);
        await tx.CommitAsync(ct);
        return new ReplayResult(from, values, sources);
    }

    private sealed record SourcesRead(
        IReadOnlyList<SurveyResponseSubmitted> Responses, IReadOnlyList<SurveyPopulationChanged> Populations, IReadOnlyList<MediaEventFactsEntry> Events);

    private static async Task<Dictionary<(string, int), (decimal? Value, int? Counted, decimal[]? Interval)>> ValuesAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<(string Number, int Year, decimal? Value, int? Counted, decimal? CiLow, decimal? CiHigh)>(new CommandDefinition(
            "SELECT indicator_number, year, value, counted, ci_low, ci_high FROM computed_values", transaction: tx, cancellationToken: ct)))
            .ToDictionary(r => (r.Number, r.Year), r => (r.Value, r.Counted, r.CiLow is { } low && r.CiHigh is { } high ? new[] { low, high } : null));

    private sealed record ReplayStart(DateTime At, long Generation);

    private static async Task<SourceFacts> CorrectFactsAsync(NpgsqlTransaction tx, ReplayStart started, SourcesRead read, CancellationToken ct)
    {
        var (responses, populations, events) = (read.Responses, read.Populations, read.Events);
        var corrected = 0;
        foreach (var response in responses)
        {
            corrected += await Facts.RecordResponseAsync(tx, response, started.Generation, ct) ? 1 : 0;
        }
        foreach (var population in populations)
        {
            corrected += await Facts.RecordPopulationAsync(tx, population, started.At, ct) ? 1 : 0;
        }
        foreach (var e in events)
        {
            var years = await Facts.RecordMediaEventAsync(tx, e.MediaEventId, e.Version, e.Withdrawn, e.Facts, started.At, ct);
            corrected += years.Length > 0 ? 1 : 0;
        }
        // What the sources do not hold (and no consumer wrote since the reading began) no longer counts.
        var removed = await tx.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM survey_response_facts WHERE recorded_in < @generation AND NOT (response_id = ANY(@ids))",
            new { generation = started.Generation, ids = responses.Select(r => r.ResponseId).ToArray() }, tx, cancellationToken: ct));
        removed += await tx.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM survey_populations WHERE recorded_at < @started AND NOT (survey_id = ANY(@ids))",
            new { started = started.At, ids = populations.Select(p => p.SurveyId).ToArray() }, tx, cancellationToken: ct));
        removed += await tx.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM media_event_facts WHERE updated_at < @started AND NOT (media_event_id = ANY(@ids))",
            new { started = started.At, ids = events.Select(e => e.MediaEventId).ToArray() }, tx, cancellationToken: ct));
        return new SourceFacts(responses.Count, events.Count, corrected, removed, populations.Count);
    }
}

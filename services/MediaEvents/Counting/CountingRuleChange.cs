using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Data;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.MediaEvents.Counting;

/// <summary>
/// Applies a new <see cref="CountingRule"/> once, at start-up, in one transaction: every event
/// (not withdrawn) whose count for indicator 13 the new rule changes gets a new version, a
/// <c>Recounted</c> history entry and a <see cref="MediaEventRevised"/> message, so the KPI aggregator
/// recounts exactly those; the version is recorded with the moment it took effect. Readiness waits
/// for it, so no event is shown or published under the old rule afterwards.
/// </summary>
internal sealed class CountingRuleChange(
    NpgsqlDataSource db, IDatabaseReadiness readiness, IOutbox outbox, TimeProvider clock, ILogger<CountingRuleChange> logger)
    : BackgroundService, IHealthCheck
{
    /// <summary>Who the history names for a recount: the rule, not a person.</summary>
    public static readonly Actor Rule = new("counting-rule", $"Counting rule v{CountingRule.Version}");

    private volatile bool done;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(done ? HealthCheckResult.Healthy($"Counting rule v{CountingRule.Version} in force.") : HealthCheckResult.Unhealthy("Applying the counting rule."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        var recounted = await ApplyAsync(stoppingToken);
        done = true;
        if (recounted is { } count)
        {
            logger.LogInformation("Counting rule v{Version} took effect: {Count} event(s) recounted for indicator 13", CountingRule.Version, count);
        }
    }

    /// <returns>How many events were recounted, or null when the rule was already in force.</returns>
    private async Task<int?> ApplyAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Serialises replicas starting together.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLocks.CountingRuleChange }, tx, cancellationToken: ct));
        var applied = await connection.QuerySingleOrDefaultAsync<(int Version, string[] CountedTypes)?>(new CommandDefinition(
            "SELECT version, counted_types FROM counting_rule_versions ORDER BY version DESC LIMIT 1", transaction: tx, cancellationToken: ct));
        if (applied?.Version >= CountingRule.Version)
        {
            return null;
        }
        var before = applied?.CountedTypes.ToHashSet() ?? [.. CountingRule.CountedTypeNames];
        var moved = Enum.GetNames<MediaEventType>().Where(t => before.Contains(t) != CountingRule.CountedTypeNames.Contains(t)).ToArray();
        var events = (await connection.QueryAsync<MediaEventRow>(new CommandDefinition(
            $"{MediaEventRow.Select} WHERE e.withdrawn_at IS NULL AND e.type = ANY(@moved) ORDER BY e.id FOR UPDATE OF e",
            new { moved }, tx, cancellationToken: ct))).ToList();
        var now = clock.GetUtcNow();
        foreach (var e in events)
        {
            var version = e.Version + 1;
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE media_events SET version = @version WHERE id = @Id", new { version, e.Id }, tx, cancellationToken: ct));
            await MediaEventStore.AddHistoryAsync(tx, e.Id, version, "Recounted", Rule, now,
            [
                new HistoryChange("countingRule", applied?.Version.ToString(), CountingRule.Version.ToString()),
                new HistoryChange("countsAsProactive", Flag(before.Contains(e.Type.ToString())), Flag(CountingRule.CountsForIndicator13(e.Type))),
            ], ct);
            await outbox.AddAsync(tx, new MediaEventRevised(e.Id, version, e.Facts, now), e.Id.ToString(), ct);
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO counting_rule_versions (version, counted_types, summary_lv, summary_en, applied_at, events_recounted)
            VALUES (@Version, @types, @lv, @en, @now, @count)
            """, new { CountingRule.Version, types = CountingRule.CountedTypeNames.ToArray(), lv = CountingRule.Summary.Lv, en = CountingRule.Summary.En, now, count = events.Count },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return events.Count;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}

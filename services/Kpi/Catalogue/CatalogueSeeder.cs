using System.Reflection;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Activities;
using StrategyPlatform.ServiceDefaults.Data;

namespace StrategyPlatform.Kpi.Catalogue;

/// <summary>
/// Creates the catalogue on first start from the embedded seed files (the strategy's table and the
/// project's activity targets). Idempotent: rows that exist are left alone, so an administrator's
/// edits survive restarts. Statuses are judged when they are read, so nothing is re-judged here.
/// </summary>
public sealed class CatalogueSeeder(
    NpgsqlDataSource db, IDatabaseReadiness readiness, TimeProvider clock, ILogger<CatalogueSeeder> logger)
    : BackgroundService, IHealthCheck
{
    private readonly TaskCompletionSource seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool done;

    /// <summary>Completes once the catalogue exists: what counts indicators waits for it.</summary>
    public Task Seeded => seeded.Task;

    // Degraded, not Unhealthy, while seeding: readiness answers 503 either way, but starting is not a failure to log.
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(done ? HealthCheckResult.Healthy("Catalogue seeded.") : HealthCheckResult.Degraded("Seeding the indicator catalogue."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        var indicators = Read<List<IndicatorDefinition>>("indicators.json");
        var activities = Read<List<ProjectActivity>>("activities.json");
        await using var connection = await db.OpenConnectionAsync(stoppingToken);
        await using var tx = await connection.BeginTransactionAsync(stoppingToken);
        // Serialises replicas starting together.
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLocks.CatalogueSeeding }, tx);
        var now = clock.GetUtcNow();
        for (var i = 0; i < indicators.Count; i++)
        {
            var json = KpiJson.Serialize(indicators[i]);
            var added = await connection.ExecuteAsync("""
                INSERT INTO indicators (number, sort_order, version, definition, changed_at, changed_by)
                VALUES (@Number, @Order, 1, @json::jsonb, @now, 'seed') ON CONFLICT DO NOTHING
                """, new { indicators[i].Number, Order = i + 1, json, now }, tx);
            if (added == 0)
            {
                continue;
            }
            await connection.ExecuteAsync("""
                INSERT INTO indicator_versions (number, version, definition, changed_at, changed_by, reason)
                VALUES (@Number, 1, @json::jsonb, @now, 'seed', 'Operational Strategy 2024–2027, table “Rādītāju ieviešana”');
                """, new { indicators[i].Number, json, now }, tx);
        }
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var added = await connection.ExecuteAsync(
                "INSERT INTO activities (code, sort_order, definition) VALUES (@Code, @Order, @json::jsonb) ON CONFLICT DO NOTHING",
                new { activity.Code, Order = i + 1, json = KpiJson.Serialize(activity with { FirstProgress = null }) }, tx);
            if (added == 1 && activity.FirstProgress is { } p)
            {
                await connection.ExecuteAsync("""
                    INSERT INTO activity_progress (id, activity_code, as_of, participants, organisations, sessions, note, note_en, entered_by, entered_at)
                    VALUES (@id, @Code, @AsOf, @Participants, @Organisations, @Sessions, @Note, @NoteEn, 'seed', @now)
                    """, new { id = Guid.CreateVersion7(), activity.Code, AsOf = p.AsOf.ToDateTime(TimeOnly.MinValue), p.Participants, p.Organisations, p.Sessions, p.Note, p.NoteEn, now }, tx);
            }
        }
        await tx.CommitAsync(stoppingToken);
        done = true;
        seeded.TrySetResult();
        logger.LogInformation("Indicator catalogue ready: {Indicators} indicators, {Activities} activities", indicators.Count, activities.Count);
    }

    private static T Read<T>(string file)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Data.Seed." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return KpiJson.Deserialize<T>(reader.ReadToEnd());
    }
}

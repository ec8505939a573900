using System.Diagnostics;
using Npgsql;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// The KPI overview (every indicator with its status, as the dashboard asks for it) once the aggregator holds
/// a large history, against the plain SQL aggregate over the same raw rows. The history is written straight
/// into the aggregator's facts and then recounted by the platform's own rebuild (<c>POST api/kpi/replay?from=facts</c>),
/// so the values are the platform's and no million HTTP answers are needed to get there.
/// </summary>
internal static class Overview
{
    /// <summary>What the overview shows from the raw rows: n and positives per survey kind and year, events per month.</summary>
    public const string RawAggregate = """
        SELECT kind, year, count(*), sum(counted), sum(positive) FROM survey_response_facts GROUP BY kind, year;
        SELECT extract(year FROM event_date)::int, extract(month FROM event_date)::int,
               count(*) FILTER (WHERE counts_as_proactive AND NOT withdrawn), count(*) FILTER (WHERE communicates_achievement AND NOT withdrawn)
        FROM media_event_facts WHERE event_date IS NOT NULL GROUP BY 1, 2;
        """;

    public static async Task SeedAsync(string kpiDb, int responses, int mediaEvents)
    {
        await using var connection = new NpgsqlConnection(kpiDb);
        await connection.OpenAsync();
        // Numbers, not input: inlined, since a batch of statements takes no positional parameters.
        await using var seed = new NpgsqlCommand($"""
            CREATE TEMP TABLE seed_surveys AS
                SELECT i, gen_random_uuid() AS id, CASE WHEN i % 4 = 0 THEN 'PartnerSatisfaction' ELSE 'CampaignEvaluation' END AS kind, 2024 + (i / 4) % 4 AS year
                FROM generate_series(0, 399) i;
            INSERT INTO survey_response_facts (response_id, survey_id, kind, year, campaign_id, positive, counted, submitted_at)
                SELECT gen_random_uuid(), s.id, s.kind, s.year, NULL, g % 3, 2 + g % 2, make_date(s.year, 1 + g % 12, 1)
                FROM generate_series(1, {responses}) g JOIN seed_surveys s ON s.i = g % 400;
            INSERT INTO media_event_facts (media_event_id, version, withdrawn, event_date, type, counts_as_proactive, communicates_achievement, updated_at)
                SELECT gen_random_uuid(), 1, g % 50 = 0, make_date(2024 + g % 4, 1 + g % 12, 1 + g % 28),
                       (ARRAY['PressConference', 'Interview', 'PressRelease', 'AchievementNews'])[1 + g % 4], g % 4 IN (0, 1), g % 4 = 3, now()
                FROM generate_series(1, {mediaEvents}) g;
            ANALYZE survey_response_facts;
            ANALYZE media_event_facts;
            """, connection) { CommandTimeout = 600 };
        await seed.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// After the rebuild: the million facts came in one statement, which the live system never sees, and their
    /// million changes were folded into the totals by the rebuild, leaving as many dead rows behind. A DBA vacuums
    /// after a bulk load; so does the harness, rather than timing the overview against autovacuum catching up.
    /// </summary>
    public static async Task SettleAsync(string kpiDb)
    {
        await using var connection = new NpgsqlConnection(kpiDb);
        await connection.OpenAsync();
        await using var vacuum = new NpgsqlCommand(
            "VACUUM (ANALYZE) survey_response_changes, survey_response_totals, survey_response_facts, media_event_facts, computed_values", connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }

    public static async Task<double[]> TimeApiAsync(HttpClient leadership, int samples)
    {
        for (var i = 0; i < 20; i++)
        {
            (await leadership.GetAsync("/api/kpi/indicators")).EnsureSuccessStatusCode();
        }
        var ms = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await leadership.GetAsync("/api/kpi/indicators");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return ms;
    }

    public static async Task<double[]> TimeRawAsync(string kpiDb, int samples)
    {
        await using var connection = new NpgsqlConnection(kpiDb);
        await connection.OpenAsync();
        var ms = new double[samples];
        for (var i = -2; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var command = new NpgsqlCommand(RawAggregate, connection) { CommandTimeout = 300 };
            await using (var reader = await command.ExecuteReaderAsync())
            {
                do
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }
                while (await reader.NextResultAsync());
            }
            if (i >= 0)
            {
                ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        return ms;
    }
}

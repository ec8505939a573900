namespace StrategyPlatform.Benchmarks;

/// <summary>
/// What the aggregator has counted per survey: each survey's totals plus the changes its recounter has not yet
/// added to them (Kpi migration 0011), which together equal its facts, one per response it recorded (keyed by the
/// response id, so a second delivery adds nothing). Reading the totals costs the same at any count; a count of the
/// facts read every 2 ms grew with the round and took a quarter of the CPU charged to the platform.
/// </summary>
internal static class PlatformCounts
{
    public const string Query = """
        SELECT survey_id, sum(responses)::bigint FROM (
            SELECT survey_id, responses FROM survey_response_totals WHERE survey_id = ANY($1)
            UNION ALL SELECT survey_id, responses FROM survey_response_changes WHERE survey_id = ANY($1)) c
        GROUP BY survey_id
        """;
}

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// What the aggregator has counted per survey: one fact per response it recorded (<c>survey_response_facts</c>,
/// keyed by the response id so a second delivery adds nothing; migration 0008 dropped the separate per-survey
/// counter), read through its index on the survey.
/// </summary>
internal static class PlatformCounts
{
    public const string Query = "SELECT survey_id, count(*) FROM survey_response_facts WHERE survey_id = ANY($1) GROUP BY survey_id";
}

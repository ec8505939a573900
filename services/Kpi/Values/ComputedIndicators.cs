using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// Derives indicators 13–16 from the facts the aggregator stored (one row per survey response,
/// the newest version of each media event). The live consumers and the replay both call this, so
/// a rebuild equals the live value by construction; it returns whether the stored value changed.
/// </summary>
public static class ComputedIndicators
{
    public const string ProactiveMediaEvents = "13";
    public const string AchievementNews = "14";
    public const string CampaignEvaluation = "15";
    public const string PartnerSatisfaction = "16";

    public static readonly IReadOnlyList<string> All = [ProactiveMediaEvents, AchievementNews, CampaignEvaluation, PartnerSatisfaction];

    public static string ForSurvey(SurveyKind kind) => kind == SurveyKind.PartnerSatisfaction ? PartnerSatisfaction : CampaignEvaluation;

    /// <summary>Years for which an indicator has facts or a stored value.</summary>
    public static Task<IEnumerable<int>> YearsAsync(NpgsqlTransaction tx, string number, CancellationToken ct) =>
        tx.Connection!.QueryAsync<int>(new CommandDefinition(number is ProactiveMediaEvents or AchievementNews
            ? "SELECT DISTINCT extract(year FROM event_date)::int FROM media_event_facts WHERE event_date IS NOT NULL UNION SELECT year FROM computed_values WHERE indicator_number = @number"
            : "SELECT DISTINCT year FROM survey_response_facts WHERE kind = @kind UNION SELECT year FROM computed_values WHERE indicator_number = @number",
            new { number, kind = (number == PartnerSatisfaction ? SurveyKind.PartnerSatisfaction : SurveyKind.CampaignEvaluation).ToString() }, tx, cancellationToken: ct));

    public static async Task<bool> RecomputeAsync(NpgsqlTransaction tx, string number, int year, int perMonth, CancellationToken ct)
    {
        var connection = tx.Connection!;
        var next = number switch
        {
            ProactiveMediaEvents => await ProactiveAsync(connection, tx, year, ct),
            AchievementNews => await AchievementsAsync(connection, tx, year, perMonth, ct),
            _ => await SurveyAsync(connection, tx, number, year, ct),
        };
        var current = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT value, positive, counted, responses, ci_low AS CiLow, ci_high AS CiHigh, monthly
            FROM computed_values WHERE indicator_number = @number AND year = @year
            """, new { number, year }, tx, cancellationToken: ct));
        if (next is null && current is null || next is not null && current is not null && Same(next, current))
        {
            return false;
        }
        next ??= new Row();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO computed_values (indicator_number, year, value, positive, counted, responses, ci_low, ci_high, monthly, definition_version, updated_at)
            VALUES (@number, @year, @Value, @Positive, @Counted, @Responses, @CiLow, @CiHigh, @Monthly,
                    (SELECT version FROM indicators WHERE number = @number), now())
            ON CONFLICT (indicator_number, year) DO UPDATE SET value = EXCLUDED.value, positive = EXCLUDED.positive,
                counted = EXCLUDED.counted, responses = EXCLUDED.responses, ci_low = EXCLUDED.ci_low, ci_high = EXCLUDED.ci_high,
                monthly = EXCLUDED.monthly, definition_version = EXCLUDED.definition_version, updated_at = now()
            """, new { number, year, next.Value, next.Positive, next.Counted, next.Responses, next.CiLow, next.CiHigh, next.Monthly }, tx, cancellationToken: ct));
        return true;
    }

    // The interval too: a population told later moves it without any new response.
    private static bool Same(Row a, Row b) => a.Value == b.Value && a.Counted == b.Counted && a.Positive == b.Positive
        && a.Responses == b.Responses && a.CiLow == b.CiLow && a.CiHigh == b.CiHigh && (a.Monthly ?? []).SequenceEqual(b.Monthly ?? []);

    private static async Task<Row?> ProactiveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int year, CancellationToken ct)
    {
        var (events, proactive) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition("""
            SELECT count(*), count(*) FILTER (WHERE counts_as_proactive AND NOT withdrawn)
            FROM media_event_facts WHERE extract(year FROM event_date) = @year
            """, new { year }, tx, cancellationToken: ct));
        return events == 0 ? null : new Row { Value = proactive };
    }

    private static async Task<Row?> AchievementsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int year, int perMonth, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<(int Month, long News)>(new CommandDefinition("""
            SELECT extract(month FROM event_date)::int, count(*) FILTER (WHERE communicates_achievement AND NOT withdrawn)
            FROM media_event_facts WHERE extract(year FROM event_date) = @year GROUP BY 1
            """, new { year }, tx, cancellationToken: ct))).ToList();
        if (rows.Count == 0)
        {
            return null;
        }
        var monthly = new int[12];
        foreach (var (month, news) in rows)
        {
            monthly[month - 1] = (int)news;
        }
        return new Row { Value = monthly.Count(n => n >= perMonth), Monthly = monthly };
    }

    private static async Task<Row?> SurveyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string number, int year, CancellationToken ct)
    {
        var kind = (number == PartnerSatisfaction ? SurveyKind.PartnerSatisfaction : SurveyKind.CampaignEvaluation).ToString();
        // Per survey, with its population of counted answers (invited × counted questions, as the Surveys
        // service's results compute it) where the survey told it; null for open-link or direct responses.
        var surveys = (await connection.QueryAsync<(long Responses, long Positive, long Counted, int? Population)>(new CommandDefinition("""
            SELECT count(*), coalesce(sum(f.positive), 0), coalesce(sum(f.counted), 0), p.invited * greatest(1, p.counted_questions)
            FROM survey_response_facts f LEFT JOIN survey_populations p ON p.survey_id = f.survey_id
            WHERE f.kind = @kind AND f.year = @year
            GROUP BY f.survey_id, p.invited, p.counted_questions
            """, new { kind, year }, tx, cancellationToken: ct))).ToList();
        var (responses, positive, counted) = (surveys.Sum(s => s.Responses), (int)surveys.Sum(s => s.Positive), (int)surveys.Sum(s => s.Counted));
        if (counted == 0)
        {
            // Responses that only said "cannot say" give no share to show.
            return null;
        }
        // One survey a year is the rule: its interval is exactly the survey's. Several pool their populations; any
        // survey of unknown population makes the whole year's population unknown, so no correction is claimed.
        int? population = surveys.All(s => s.Population is not null) ? surveys.Sum(s => s.Population!.Value) : null;
        var (low, high) = WilsonInterval.Of(positive, counted, population);
        return new Row { Value = WilsonInterval.Share(positive, counted), Positive = positive, Counted = counted, Responses = (int)responses, CiLow = low, CiHigh = high };
    }

    // A class with setters, not a positional record: Dapper cannot match an int[] column to a constructor parameter.
    private sealed class Row
    {
        public decimal? Value { get; set; }
        public int? Positive { get; set; }
        public int? Counted { get; set; }
        public int? Responses { get; set; }
        public decimal? CiLow { get; set; }
        public decimal? CiHigh { get; set; }
        public int[]? Monthly { get; set; }
    }
}

using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Indicators 15 and 16: the share of positive ratings (4 and 5 of 1–5) among all ratings counted,
/// over every response of the year to the survey kind that feeds the indicator, with n and the 95 %
/// Wilson interval, corrected for the finite population where the survey told it (as its results
/// are, so the survey's page and the indicator show one interval for one figure). Counted per
/// survey, so the drill-down lists each survey with its n and population.
/// </summary>
public static class SurveyIndicators
{
    public static async Task<CountedItems> CountAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string number, int year, CancellationToken ct)
    {
        var kind = StrategyIndicators.SurveyKindFeeding(number)!.Value.ToString();
        // From the per-survey totals, not the year's facts: a recount costs the same on the first day and the last.
        var surveys = (await connection.QueryAsync<(Guid SurveyId, int Responses, int N, int Positive, int? Population)>(new CommandDefinition($"""
            SELECT c.survey_id, sum(c.responses)::int, sum(c.counted)::int, sum(c.positive)::int,
                   p.invited * greatest(1, p.counted_questions)
            FROM {SurveyTotals.Current} c LEFT JOIN survey_populations p ON p.survey_id = c.survey_id
            WHERE c.kind = @kind AND c.year = @year
            GROUP BY c.survey_id, p.invited, p.counted_questions HAVING sum(c.responses) > 0 ORDER BY c.survey_id
            """, new { kind, year }, tx, cancellationToken: ct)))
            .Select(s => new CountedSurvey(s.SurveyId, s.Responses, s.N, s.Positive, s.Population)).ToList();
        return new(number, year, surveys.Count > 0, [], surveys);
    }

    public static ComputedValue? ValueOf(CountedItems items)
    {
        int n = items.Surveys.Sum(s => s.N), positive = items.Surveys.Sum(s => s.Positive);
        if (n == 0)
        {
            // Responses that only said "cannot say" give no share to show.
            return null;
        }
        // One survey a year is the rule: its interval is exactly the survey's. Several pool their populations; any
        // survey of unknown population makes the whole year's population unknown, so no correction is claimed.
        int? population = items.Surveys.All(s => s.Population is not null) ? items.Surveys.Sum(s => s.Population!.Value) : null;
        var (low, high) = WilsonInterval.Of(positive, n, population);
        return new ComputedValue
        {
            Value = WilsonInterval.Share(positive, n), Positive = positive, Counted = n, Responses = items.Surveys.Sum(s => s.Responses), CiLow = low, CiHigh = high,
        };
    }
}

using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Indicators 15 and 16: the share of positive ratings (4 and 5 of 1–5) among all ratings counted,
/// over every response of the year to the survey kind that feeds the indicator, with n and the 95 %
/// Wilson interval. Counted per survey, so the drill-down lists each survey with its n.
/// </summary>
public static class SurveyIndicators
{
    public static async Task<CountedItems> CountAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string number, int year, CancellationToken ct)
    {
        var kind = StrategyIndicators.SurveyKindFeeding(number)!.Value.ToString();
        var surveys = (await connection.QueryAsync<(Guid SurveyId, int Responses, int N, int Positive)>(new CommandDefinition("""
            SELECT survey_id, count(*)::int, coalesce(sum(counted), 0)::int, coalesce(sum(positive), 0)::int
            FROM survey_response_facts WHERE kind = @kind AND year = @year
            GROUP BY survey_id ORDER BY survey_id
            """, new { kind, year }, tx, cancellationToken: ct))).Select(s => new CountedSurvey(s.SurveyId, s.Responses, s.N, s.Positive)).ToList();
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
        var (low, high) = WilsonInterval.Of(positive, n);
        return new ComputedValue
        {
            Value = WilsonInterval.Share(positive, n), Positive = positive, Counted = n, Responses = items.Surveys.Sum(s => s.Responses), CiLow = low, CiHigh = high,
        };
    }
}

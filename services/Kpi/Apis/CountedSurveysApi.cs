using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The dashboard's drill-down for the survey indicators (15, 16): which surveys' responses were counted, per year.</summary>
public static class CountedSurveysApi
{
    public static IEndpointRouteBuilder MapCountedSurveysApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/kpi/indicators").WithTags("Indicators").RequireAuthorization(StaffPolicies.Staff)
            .MapGet("{number}/surveys", ListCountedSurveys);
        return app;
    }

    public sealed record CountedSurvey(Guid SurveyId, int Year, int Responses);

    public static async Task<Ok<IReadOnlyList<CountedSurvey>>> ListCountedSurveys(string number, KpiServices services, CancellationToken ct)
    {
        if (number is not (ComputedIndicators.PartnerSatisfaction or ComputedIndicators.CampaignEvaluation))
        {
            return TypedResults.Ok<IReadOnlyList<CountedSurvey>>([]);
        }
        var kind = (number == ComputedIndicators.PartnerSatisfaction ? SurveyKind.PartnerSatisfaction : SurveyKind.CampaignEvaluation).ToString();
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        var surveys = await connection.QueryAsync<CountedSurvey>(new CommandDefinition("""
            SELECT survey_id AS SurveyId, year, count(*)::int AS Responses FROM survey_response_facts
            WHERE kind = @kind GROUP BY survey_id, year ORDER BY year, survey_id
            """, new { kind }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<CountedSurvey>>(surveys.ToList());
    }
}

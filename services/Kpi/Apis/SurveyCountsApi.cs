using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

public static class SurveyCountsApi
{
    public static IEndpointRouteBuilder MapSurveyCountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/kpi").WithTags("Survey counts").RequireAuthorization(StaffPolicies.Staff)
            .MapGet("surveys/{surveyId:guid}/response-count", GetResponseCount);
        return app;
    }

    public sealed record SurveyResponseCount(Guid SurveyId, int Responses);

    /// <summary>How many of a survey's responses the aggregator has counted: the facts indicators 15 and 16 are made from.</summary>
    public static async Task<Ok<SurveyResponseCount>> GetResponseCount(Guid surveyId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var responses = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT coalesce(sum(responses), 0)::int FROM {SurveyTotals.Current} c WHERE survey_id = @surveyId",
            new { surveyId }, cancellationToken: ct));
        return TypedResults.Ok(new SurveyResponseCount(surveyId, responses));
    }
}

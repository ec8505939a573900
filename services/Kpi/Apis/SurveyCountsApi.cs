using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Microsoft.AspNetCore.Builder;

public static class SurveyCountsApi
{
    public static IEndpointRouteBuilder MapSurveyCountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/kpi").WithTags("Survey counts")
            .MapGet("surveys/{surveyId:guid}/response-count", GetResponseCount);
        return app;
    }

    public sealed record SurveyResponseCount(Guid SurveyId, int Responses);

    public static async Task<Ok<SurveyResponseCount>> GetResponseCount(Guid surveyId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var responses = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT responses FROM survey_response_counts WHERE survey_id = @surveyId", new { surveyId }, cancellationToken: ct));
        return TypedResults.Ok(new SurveyResponseCount(surveyId, responses ?? 0));
    }
}

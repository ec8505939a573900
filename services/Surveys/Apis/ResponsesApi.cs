using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace Microsoft.AspNetCore.Builder;

public static class ResponsesApi
{
    public static IEndpointRouteBuilder MapResponsesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/surveys").WithTags("Responses");
        api.MapPost("{surveyId:guid}/responses", SubmitResponse);
        return app;
    }

    public sealed record RatingAnswer([Required] string QuestionId, [Range(1, 5)] int Value);

    public sealed record SubmitResponseRequest(
        SurveyKind Kind,
        [Range(2024, 2100)] int Year,
        Guid? CampaignId,
        RespondentCategory? RespondentCategory,
        [Required] IReadOnlyList<RatingAnswer> Ratings);

    public sealed record ResponseAccepted(Guid ResponseId);

    /// <summary>Stores the response and its <see cref="SurveyResponseSubmitted"/> in one transaction.</summary>
    /// <remarks>
    /// The pre-portal endpoint: unauthenticated and not tied to a survey's questions, so it is
    /// mapped only in Development (the platform tests use it). Real answers come through invitation
    /// links (<see cref="AnsweringApi"/>) or open links (<see cref="OpenLinkApi"/>).
    /// </remarks>
    public static async Task<Created<ResponseAccepted>> SubmitResponse(
        Guid surveyId, SubmitResponseRequest request, NpgsqlDataSource db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var responseId = Guid.CreateVersion7();
        var submittedAt = clock.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO direct_responses (id, survey_id, survey_kind, year, campaign_id, respondent_category, answers, submitted_at)
            VALUES (@responseId, @surveyId, @kind, @Year, @CampaignId, @category, @answers::jsonb, @submittedAt)
            """,
            new
            {
                responseId, surveyId, kind = request.Kind.ToString(), request.Year, request.CampaignId,
                category = request.RespondentCategory?.ToString(), answers = JsonSerializer.Serialize(request.Ratings), submittedAt,
            }, tx, cancellationToken: ct));
        await outbox.AddAsync(tx, new SurveyResponseSubmitted(
            responseId, surveyId, request.Kind, request.Year, request.CampaignId, request.RespondentCategory,
            [.. request.Ratings.Select(r => new CountedRating(r.QuestionId, r.Value))], submittedAt),
            partitionKey: responseId.ToString(), ct); // responses are independent of each other: no order to keep between them
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/surveys/{surveyId}/responses/{responseId}", new ResponseAccepted(responseId));
    }
}

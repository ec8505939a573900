using StrategyPlatform.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Public campaign surveys answered from one open link, without a token. Nothing stops one person
/// answering twice, so submissions are rate-limited per survey to blunt scripted stuffing.
/// </summary>
public static class OpenLinkApi
{
    public const string RateLimitPolicy = "open-link";

    public static IEndpointRouteBuilder MapOpenLinkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/open/{surveyId:guid}").WithTags("Answering").AllowAnonymous();
        api.MapGet("", GetForm).RequireRateLimiting(AnsweringApi.RateLimitPolicy);
        api.MapPost("", Submit).RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    /// <param name="kept">
    /// Whether an open survey's kept record will do: for a submission, whose insert re-checks the survey; not for
    /// the form, which would otherwise show a survey closed through another replica until someone answers it.
    /// </param>
    private static async Task<(AnswerLink? Link, LinkProblem? Problem)> ResolveAsync(NpgsqlConnection connection, Guid surveyId, TimeProvider clock, bool kept, CancellationToken ct) =>
        await (kept ? SurveyStore.ForAnsweringAsync(connection, surveyId, ct) : SurveyStore.FindAsync(connection, surveyId, ct)) is { SurveyMode: SurveyMode.OpenLink } survey
            ? await AnswerLink.ForSurveyAsync(connection, survey, null, clock, ct)
            : (null, LinkProblem.Unknown);

    public static async Task<Results<Ok<AnswerForm>, ProblemHttpResult>> GetForm(Guid surveyId, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var (link, problem) = await ResolveAsync(connection, surveyId, clock, kept: false, ct);
        return link is null ? LinkProblems.Result(problem!.Value) : TypedResults.Ok(link.Form(null));
    }

    public static async Task<Results<Created<Submitted>, ProblemHttpResult, ValidationProblem>> Submit(
        Guid surveyId, AnswerSheet sheet, NpgsqlDataSource db, ResponseWriter writer, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var idempotency = IdempotentRequest.Of(http, sheet);
        await using var connection = await db.OpenConnectionAsync(ct);
        var (link, problem) = await ResolveAsync(connection, surveyId, clock, kept: true, ct);
        if (link is null)
        {
            return LinkProblems.Result(problem!.Value);
        }
        if (link.Validate(sheet) is { Count: > 0 } errors)
        {
            return errors.ToProblem("Some answers need attention.");
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        // The same answers sent again (a retry after a timeout) are thanked for and not saved twice. Nothing
        // ties the key to the response: no resource is kept, and the key's row has the day only.
        if (await idempotency.ClaimIfKeyedAsync(tx, resource: null, ct) is not null)
        {
            return TypedResults.Created((string?)null, Submitted.ThankYou);
        }
        if (!await writer.SaveAsync(tx, link.Survey, link.Definition, sheet, ct))
        {
            return LinkProblems.Result(LinkProblem.Closed);
        }
        await tx.CommitAsync(ct);
        return TypedResults.Created((string?)null, Submitted.ThankYou);
    }
}

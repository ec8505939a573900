using System.Diagnostics;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Model;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The public answering API: no account, the invitation link token is the authority. Any link
/// that cannot be answered gets a distinct problem type and nothing is recorded.
/// </summary>
public static class AnsweringApi
{
    public static IEndpointRouteBuilder MapAnsweringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/answer/{token}").WithTags("Answering").AllowAnonymous()
            .AddEndpointFilter(RedactTokenFromTrace);
        api.MapGet("", GetForm);
        api.MapPut("draft", SaveDraft);
        api.MapPost("check", Check);
        api.MapPost("", Submit);
        return app;
    }

    /// <summary>Traces are kept longer and read more widely than the database: they get the route, not the token.</summary>
    private static ValueTask<object?> RedactTokenFromTrace(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        Activity.Current?.SetTag("url.path", "/api/answer/{token}");
        return next(context);
    }

    public static async Task<Results<Ok<AnswerForm>, ProblemHttpResult>> GetForm(string token, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var (link, problem, hash) = await AnswerLink.ResolveAsync(connection, token, clock, ct);
        if (link is null)
        {
            return LinkProblems.Result(problem!.Value);
        }
        var draft = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT answers::text FROM response_drafts WHERE token_hash = @hash", new { hash }, cancellationToken: ct));
        return TypedResults.Ok(link.Form(draft is null ? null : Json.Read<AnswerSheet>(draft)));
    }

    /// <summary>Saves the answers so far, unvalidated (a half-filled form is normal), so the same link resumes later.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SaveDraft(
        string token, AnswerSheet sheet, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var (link, problem, hash) = await AnswerLink.ResolveAsync(connection, token, clock, ct);
        if (link is null)
        {
            return LinkProblems.Result(problem!.Value);
        }
        if (AnswerValidator.CheckDraft(sheet) is { Count: > 0 } tooLong)
        {
            return tooLong.ToProblem();
        }
        var draft = sheet with { Answers = AnswerValidator.Normalise(link.Definition, sheet.Answers) };
        // Only while the link is unused; FOR SHARE waits for a submission in flight, so a draft saved
        // in the same moment as the submission does not outlive it.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO response_drafts (token_hash, survey_id, answers, saved_at)
            SELECT @hash, @surveyId, @answers::jsonb, @now WHERE EXISTS (SELECT 1 FROM invitations WHERE token_hash = @hash AND NOT used FOR SHARE)
            ON CONFLICT (token_hash) DO UPDATE SET answers = EXCLUDED.answers, saved_at = EXCLUDED.saved_at
            """, new { hash, surveyId = link.Survey.Id, answers = Json.Write(draft), now = clock.GetUtcNow() }, cancellationToken: ct));
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Checks the answers of one step of the answering page (<paramref name="step"/> 0: the respondent
    /// category; 1…: the sections in order; left out: the whole form) as the submission would, and
    /// changes nothing: 204 when complete, else the 400 of that step's questions only.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Check(
        string token, AnswerSheet sheet, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct, int? step = null)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var (link, problem, _) = await AnswerLink.ResolveAsync(connection, token, clock, ct);
        if (link is null)
        {
            return LinkProblems.Result(problem!.Value);
        }
        var errors = step is { } part ? link.Validate(sheet, part) : link.Validate(sheet);
        return errors.Count > 0 ? errors.ToProblem("Some answers need attention.") : TypedResults.NoContent();
    }

    /// <summary>
    /// Validates against the frozen version, then claims the invitation with a conditional update:
    /// of two submissions at the same moment, the second waits on the row lock, finds it used and
    /// gets 409 with nothing changed.
    /// </summary>
    public static async Task<Results<Created<Submitted>, ProblemHttpResult, ValidationProblem>> Submit(
        string token, AnswerSheet sheet, NpgsqlDataSource db, ResponseWriter writer, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var (link, problem, hash) = await AnswerLink.ResolveAsync(connection, token, clock, ct);
        if (link is null)
        {
            return LinkProblems.Result(problem!.Value);
        }
        if (link.Validate(sheet) is { Count: > 0 } errors)
        {
            return errors.ToProblem("Some answers need attention.");
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Holds off a concurrent "close" until this response is in.
        var state = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT state FROM surveys WHERE id = @id FOR SHARE", new { id = link.Survey.Id }, tx, cancellationToken: ct));
        if (state != nameof(SurveyState.Open))
        {
            return LinkProblems.Result(LinkProblem.Closed);
        }
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET used = true WHERE token_hash = @hash AND NOT used", new { hash }, tx, cancellationToken: ct));
        if (claimed == 0)
        {
            return LinkProblems.Result(LinkProblem.Used);
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM response_drafts WHERE token_hash = @hash", new { hash }, tx, cancellationToken: ct));
        await writer.SaveAsync(tx, link.Survey, link.Definition, sheet, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created((string?)null, Submitted.ThankYou);
    }
}

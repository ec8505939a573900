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
    /// <summary>Per link (and per open-link survey's form): a respondent saves a step at a time, a script hammering one link is stopped.</summary>
    public const string RateLimitPolicy = "public-link";

    public static IEndpointRouteBuilder MapAnsweringApi(this IEndpointRouteBuilder app)
    {
        // The token is taken out of every span by LinkTokenRedaction (registered in AddApplicationServices).
        var api = app.MapGroup("api/answer/{token}").WithTags("Answering").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        api.MapGet("", GetForm);
        api.MapPut("draft", SaveDraft);
        api.MapPost("check", Check);
        api.MapPost("", Submit);
        return app;
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
        if (AnswerValidator.CheckDraft(link.Definition, sheet) is { Count: > 0 } refused)
        {
            return refused.ToProblem();
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
    /// Validates against the frozen version, then spends the link. Submissions to one survey take its row
    /// lock in turn, so of two submissions with the same link the second finds it used and gets 409 with
    /// nothing changed.
    /// </summary>
    /// <remarks>
    /// The spend rewrites every invitation of the survey in one statement, in the order they are stored,
    /// not only the one spent: otherwise the spent row would carry the same PostgreSQL transaction id as
    /// the response written with it (a join by <c>xmin</c>), and the rows' versions would record the order
    /// in which organisations answered. Afterwards all invitations of the survey look alike but for
    /// <c>used</c>, which says only that an organisation answered.
    /// </remarks>
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
        // Also holds off a concurrent "close" until this response is in.
        var state = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT state FROM surveys WHERE id = @id FOR UPDATE", new { id = link.Survey.Id }, tx, cancellationToken: ct));
        if (state != nameof(SurveyState.Open))
        {
            return LinkProblems.Result(LinkProblem.Closed);
        }
        var used = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            "SELECT used FROM invitations WHERE token_hash = @hash", new { hash }, tx, cancellationToken: ct));
        if (used is not false)
        {
            return LinkProblems.Result(used is true ? LinkProblem.Used : LinkProblem.Unknown);
        }
        var claimed = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            WITH spent AS (
                UPDATE invitations SET used = used OR token_hash = @hash WHERE survey_id = @surveyId RETURNING token_hash = @hash AS mine)
            SELECT count(*) FROM spent WHERE mine
            """, new { hash, surveyId = link.Survey.Id }, tx, cancellationToken: ct));
        if (claimed != 1)
        {
            return LinkProblems.Result(LinkProblem.Unknown); // renewed in the meantime: the old link no longer works
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM response_drafts WHERE token_hash = @hash", new { hash }, tx, cancellationToken: ct));
        if (!await writer.SaveAsync(tx, link.Survey, link.Definition, sheet, ct))
        {
            return LinkProblems.Result(LinkProblem.Closed); // not reached: the row is locked open above
        }
        await tx.CommitAsync(ct);
        return TypedResults.Created((string?)null, Submitted.ThankYou);
    }
}

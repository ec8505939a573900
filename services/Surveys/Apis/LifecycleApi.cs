using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Draft → open (questions frozen as a version, links issued) → closed; and "copy to next year".</summary>
public static class LifecycleApi
{
    public static IEndpointRouteBuilder MapLifecycleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/surveys/{id:guid}").WithTags("Surveys");
        api.MapPost("open", Open).RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapPost("close", Close).RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapPost("copy-to-next-year", CopyToNextYear).RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapGet("versions", Versions).RequireAuthorization(SurveyPolicies.ReadResults);
        return app;
    }

    public sealed record OpenInput(DateOnly OpensOn, DateOnly ClosesOn);

    /// <param name="Links">One per invited organisation; the tokens are shown only in this answer.</param>
    public sealed record Opened(SurveyDto Survey, IReadOnlyList<InvitationLink> Links, string? OpenLinkUrl);

    public sealed record VersionDto(int Version, DateTimeOffset FrozenAt, SurveyDefinition Definition, IReadOnlyDictionary<string, string> Fingerprints);

    public static async Task<Results<Ok<Opened>, NotFound, ValidationProblem, ProblemHttpResult>> Open(
        Guid id, OpenInput input, NpgsqlDataSource db, InvitationIssuer issuer, TimeProvider clock, IConfiguration configuration,
        ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        if (input.ClosesOn < input.OpensOn || input.ClosesOn < LatvianTime.Today(clock))
        {
            return FieldErrors.Problem("closesOn", ErrorCodes.ClosesTooEarly, "The closing date must be today or later, and not before the opening date.");
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct, tx, forUpdate: true) is not { } survey)
        {
            return TypedResults.NotFound();
        }
        if (survey.SurveyState != SurveyState.Draft)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The survey is {survey.State.ToLowerInvariant()}; only a draft can be opened.");
        }
        var version = (survey.CurrentVersion ?? 0) + 1;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO survey_versions (survey_id, version, definition, frozen_at) SELECT id, @version, definition, @now FROM surveys WHERE id = @id;
            UPDATE surveys SET state = 'Open', opens_on = @opensOn::date, closes_on = @closesOn::date, current_version = @version, updated_at = @now WHERE id = @id;
            """, new { id, version, now = clock.GetUtcNow(), opensOn = input.OpensOn.ToDateTime(TimeOnly.MinValue), closesOn = input.ClosesOn.ToDateTime(TimeOnly.MinValue) }, tx, cancellationToken: ct));
        var links = survey.SurveyMode == SurveyMode.Anonymous ? await issuer.IssueMissingAsync(tx, id, null, ct) : [];
        await audit.RecordAsync(tx, AuditActor.From(user), "survey.opened", id.ToString(),
            new { survey.Year, survey.Kind, input.OpensOn, input.ClosesOn, version, links = links.Count }, ct);
        await tx.CommitAsync(ct);
        var openLink = survey.SurveyMode == SurveyMode.OpenLink ? (configuration["Surveys:OpenUrl"] ?? "/survey/{surveyId}").Replace("{surveyId}", id.ToString()) : null;
        return TypedResults.Ok(new Opened(SurveyDto.From((await SurveyStore.FindAsync(connection, id, ct))!), links, openLink));
    }

    /// <remarks>
    /// Closing also rewrites the survey's responses in this one transaction, so their row
    /// metadata (the PostgreSQL transaction id of the submission) no longer matches the
    /// invitation marked as used in the same transaction; and drops unsent drafts.
    /// </remarks>
    public static async Task<Results<Ok<SurveyDto>, NotFound, ProblemHttpResult>> Close(
        Guid id, NpgsqlDataSource db, TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct, tx, forUpdate: true) is not { } survey)
        {
            return TypedResults.NotFound();
        }
        if (survey.SurveyState != SurveyState.Open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only an open survey can be closed.");
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE surveys SET state = 'Closed', updated_at = @now WHERE id = @id;
            UPDATE responses SET survey_version = survey_version WHERE survey_id = @id;
            DELETE FROM response_drafts WHERE survey_id = @id;
            """, new { id, now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await audit.RecordAsync(tx, AuditActor.From(user), "survey.closed", id.ToString(), new { survey.Year, survey.Kind }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(SurveyDto.From((await SurveyStore.FindAsync(connection, id, ct))!));
    }

    /// <summary>Next year's draft with the same questions (the latest frozen version), ids and comparison keys kept, so results compare year to year.</summary>
    public static async Task<Results<Created<SurveyDto>, NotFound, ProblemHttpResult>> CopyToNextYear(
        Guid id, NpgsqlDataSource db, TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct, tx, forUpdate: true) is not { } source)
        {
            return TypedResults.NotFound();
        }
        var existing = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM surveys WHERE copied_from = @id", new { id }, tx, cancellationToken: ct));
        if (existing is { } copy)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This survey has already been copied to the next year.",
                extensions: new Dictionary<string, object?> { ["surveyId"] = copy });
        }
        var definition = source.CurrentVersion is { } v ? (await SurveyStore.VersionAsync(connection, id, v, ct, tx))! : source.DraftDefinition;
        var newId = Guid.CreateVersion7();
        string NextYear(string text) => text.Replace(source.Year.ToString(), (source.Year + 1).ToString(), StringComparison.Ordinal);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO surveys (id, kind, year, campaign_id, title_lv, title_en, intro_lv, intro_en, mode, state, definition, copied_from, created_at, updated_at)
            VALUES (@newId, @Kind, @year, @CampaignId, @titleLv, @titleEn, @IntroLv, @IntroEn, @Mode, 'Draft', @definition::jsonb, @id, @now, @now)
            """, new
        {
            newId, source.Kind, year = source.Year + 1, source.CampaignId, titleLv = NextYear(source.TitleLv), titleEn = NextYear(source.TitleEn),
            source.IntroLv, source.IntroEn, source.Mode, definition = Json.Write(definition), id, now = clock.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await audit.RecordAsync(tx, AuditActor.From(user), "survey.copied", id.ToString(), new { copy = newId, year = source.Year + 1 }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/surveys/{newId}", SurveyDto.From((await SurveyStore.FindAsync(connection, newId, ct))!));
    }

    public static async Task<Ok<VersionDto[]>> Versions(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(int Version, DateTime FrozenAt, string Definition)>(new CommandDefinition(
            "SELECT version, frozen_at, definition::text FROM survey_versions WHERE survey_id = @id ORDER BY version", new { id }, cancellationToken: ct));
        return TypedResults.Ok(rows.Select(r =>
        {
            var definition = Json.Read<SurveyDefinition>(r.Definition);
            return new VersionDto(r.Version, new DateTimeOffset(DateTime.SpecifyKind(r.FrozenAt, DateTimeKind.Utc)), definition,
                definition.Questions.ToDictionary(q => q.Id, q => q.Fingerprint()));
        }).ToArray());
    }
}

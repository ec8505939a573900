using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.Surveys.Organisations;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The partner organisations invited to surveys: a page of CRUD, and a CSV import that is all or nothing.</summary>
public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/organisations").WithTags("Partner organisations").RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapGet("", List);
        api.MapPost("", Create);
        api.MapPut("{id:guid}", Update);
        api.MapDelete("{id:guid}", Delete);
        // A ministry's partner list is a few hundred lines; 5 MB is far beyond it.
        api.MapPost("import", Import).Accepts<string>("text/csv").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(5 * 1024 * 1024));
        return app;
    }

    /// <param name="Language">What the organisation is written to in: lv or en.</param>
    public sealed record OrganisationDto(Guid Id, string Name, RespondentCategory Category, string Email, string Language);

    /// <param name="Language">lv (when left out) or en.</param>
    public sealed record OrganisationRequest(string? Name, RespondentCategory Category, string? Email, string? Language = null);

    public sealed record ImportResult(int Added, int Updated);

    private const string Select = "SELECT id, name, category, email, language FROM partner_organisations";

    public static async Task<Ok<OrganisationDto[]>> List(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(Guid Id, string Name, string Category, string Email, string Language)>(new CommandDefinition($"{Select} ORDER BY name", cancellationToken: ct));
        return TypedResults.Ok(rows.Select(r => new OrganisationDto(r.Id, r.Name, Enum.Parse<RespondentCategory>(r.Category), r.Email, r.Language)).ToArray());
    }

    public static async Task<Results<Created<OrganisationDto>, ValidationProblem>> Create(OrganisationRequest request, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (Problems(request) is { } problem)
        {
            return problem;
        }
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO partner_organisations (id, name, category, email, language, created_at, updated_at) VALUES (@id, @name, @category, @email, @language, @now, @now)
                """, new { id, name = request.Name!.Trim(), category = request.Category.ToString(), email = request.Email!.Trim(), language = LanguageOf(request), now = clock.GetUtcNow() }, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return DuplicateName(request.Name);
        }
        return TypedResults.Created($"/api/organisations/{id}", new OrganisationDto(id, request.Name!.Trim(), request.Category, request.Email!.Trim(), LanguageOf(request)));
    }

    public static async Task<Results<Ok<OrganisationDto>, NotFound, ValidationProblem>> Update(Guid id, OrganisationRequest request, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (Problems(request) is { } problem)
        {
            return problem;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE partner_organisations SET name = @name, category = @category, email = @email, language = @language, updated_at = @now WHERE id = @id
                """, new { id, name = request.Name!.Trim(), category = request.Category.ToString(), email = request.Email!.Trim(), language = LanguageOf(request), now = clock.GetUtcNow() }, cancellationToken: ct));
            return changed == 1 ? TypedResults.Ok(new OrganisationDto(id, request.Name!.Trim(), request.Category, request.Email!.Trim(), LanguageOf(request))) : TypedResults.NotFound();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return DuplicateName(request.Name);
        }
    }

    /// <summary>An organisation that has been invited keeps its invitations (and so the response rates); it is refused with 409.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, NpgsqlDataSource db, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "DELETE FROM partner_organisations WHERE id = @id RETURNING name", new { id }, tx, cancellationToken: ct));
            if (name is null)
            {
                return TypedResults.NotFound();
            }
            await audit.RecordAsync(tx, AuditActor.From(user), "organisation.deleted", id.ToString(), new { name }, ct);
            await tx.CommitAsync(ct);
            return TypedResults.NoContent();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The organisation has been invited to a survey and cannot be deleted.");
        }
    }

    /// <summary>Adds new organisations and updates those with the same name; any bad row rejects the whole file (400 naming each line and column: <c>lines[3].email</c>).</summary>
    public static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(
        HttpRequest http, NpgsqlDataSource db, TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        var (header, rows) = await Csv.ReadAsync(http.Body, ct);
        var (accepted, rejected) = OrganisationImport.Parse(header, rows);
        if (rejected.Count > 0)
        {
            // The field at fault as lines[3].email (the file's own line numbers, header = 1), or "file" for the file as a whole.
            var errors = new FieldErrors();
            foreach (var r in rejected)
            {
                errors.Add(r.Field == FieldErrors.FileField ? FieldErrors.FileField : FieldErrors.LineField(r.Line, r.Field), r.Code, r.Reason);
            }
            return errors.ToProblem($"Nothing was imported: {rejected.Count} row(s) must be corrected first.");
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = 0;
        foreach (var row in accepted)
        {
            // xmax = 0 only on a freshly inserted row: tells an insert from an update in one statement.
            added += await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                INSERT INTO partner_organisations (id, name, category, email, language, created_at, updated_at) VALUES (@id, @Name, @category, @Email, coalesce(@Language, 'lv'), @now, @now)
                ON CONFLICT ((lower(name))) DO UPDATE SET category = EXCLUDED.category, email = EXCLUDED.email,
                    language = coalesce(@Language, partner_organisations.language), updated_at = EXCLUDED.updated_at
                RETURNING xmax = 0
                """, new { id = Guid.CreateVersion7(), row.Name, category = row.Category.ToString(), row.Email, row.Language, now = clock.GetUtcNow() }, tx, cancellationToken: ct)) ? 1 : 0;
        }
        await audit.RecordAsync(tx, AuditActor.From(user), "organisations.imported", null, new { added, updated = accepted.Count - added }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new ImportResult(added, accepted.Count - added));
    }

    private static ValidationProblem? Problems(OrganisationRequest request) =>
        OrganisationImport.Check(request.Name, request.Category.ToString(), request.Email?.Trim(), out _) is { } problem
            ? FieldErrors.Problem(problem.Field, problem.Code, problem.Message)
            : request.Language is not null && OrganisationImport.ParseLanguage(request.Language) is null
                ? FieldErrors.Problem("language", ErrorCodes.NotOffered, $"The language \"{request.Language}\" is not lv or en.")
                : null;

    private static string LanguageOf(OrganisationRequest request) => OrganisationImport.ParseLanguage(request.Language) ?? "lv";

    private static ValidationProblem DuplicateName(string? name) =>
        FieldErrors.Problem("name", ErrorCodes.Duplicate, $"An organisation named \"{name?.Trim()}\" already exists.");
}

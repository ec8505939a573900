using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Invitation links, who has answered (not what), and reminders.</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/surveys/{id:guid}/invitations").WithTags("Invitations").RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapPost("", IssueMissing);
        api.MapPost("{organisationId:guid}/renew", Renew);
        api.MapGet("status", Status);
        api.MapGet("reminder", Reminder);
        return app;
    }

    public sealed record CategoryRate(RespondentCategory Category, LocalizedText Label, int Invited, int Answered, double? Rate);

    public sealed record Pending(Guid OrganisationId, string Name, RespondentCategory Category, string Email);

    public sealed record InvitationStatus(int Invited, int Answered, double? Rate, IReadOnlyList<CategoryRate> ByCategory, IReadOnlyList<Pending> NotAnswered);

    public sealed record Renewed(string Token, string Url);

    /// <summary>Links for organisations added after the survey was opened.</summary>
    public static async Task<Results<Ok<InvitationLink[]>, NotFound, ProblemHttpResult>> IssueMissing(
        Guid id, NpgsqlDataSource db, InvitationIssuer issuer, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct, tx, forUpdate: true) is not { } survey)
        {
            return TypedResults.NotFound();
        }
        if (survey.SurveyState != SurveyState.Open || survey.SurveyMode != SurveyMode.Anonymous)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Links are issued for an open survey answered through invitations.");
        }
        var links = await issuer.IssueMissingAsync(tx, id, null, ct);
        await audit.RecordAsync(tx, AuditActor.From(user), "survey.links-issued", id.ToString(), new { links = links.Count }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(links.ToArray());
    }

    /// <summary>A fresh link for an organisation that has not answered (the old link stops working; its draft is kept no longer).</summary>
    public static async Task<Results<Ok<Renewed>, NotFound>> Renew(
        Guid id, Guid organisationId, NpgsqlDataSource db, InvitationIssuer issuer, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await issuer.RenewAsync(tx, id, organisationId, ct) is not { } token)
        {
            return TypedResults.NotFound();
        }
        await audit.RecordAsync(tx, AuditActor.From(user), "survey.link-renewed", id.ToString(), new { organisationId }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new Renewed(token, issuer.UrlFor(token)));
    }

    public static async Task<Results<Ok<InvitationStatus>, NotFound>> Status(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        var rows = (await connection.QueryAsync<(Guid Id, string Name, string Category, string Email, bool Used)>(new CommandDefinition("""
            SELECT o.id, o.name, o.category, o.email, i.used FROM invitations i JOIN partner_organisations o ON o.id = i.organisation_id
            WHERE i.survey_id = @id ORDER BY o.name
            """, new { id }, cancellationToken: ct))).ToList();
        var byCategory = rows.GroupBy(r => Enum.Parse<RespondentCategory>(r.Category)).OrderBy(g => g.Key)
            .Select(g => new CategoryRate(g.Key, RespondentCategories.Label(g.Key), g.Count(), g.Count(r => r.Used), (double)g.Count(r => r.Used) / g.Count()))
            .ToArray();
        var answered = rows.Count(r => r.Used);
        return TypedResults.Ok(new InvitationStatus(rows.Count, answered, rows.Count == 0 ? null : (double)answered / rows.Count, byCategory,
            [.. rows.Where(r => !r.Used).Select(r => new Pending(r.Id, r.Name, Enum.Parse<RespondentCategory>(r.Category), r.Email))]));
    }

    public static async Task<Results<Ok<LocalizedText>, NotFound>> Reminder(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await SurveyStore.FindAsync(connection, id, ct) is { } survey
            ? TypedResults.Ok(ReminderText.For(survey.Title, survey.ClosesOnDate))
            : TypedResults.NotFound();
    }
}

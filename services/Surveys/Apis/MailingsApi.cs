using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Idempotency;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Mailings;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Invitations and reminders by e-mail (issue 15): a template per survey and kind, the audience counted before
/// sending, mailings sent in the background (<see cref="MailingSender"/>) with their progress, and a failed
/// message sent again once the address is corrected.
/// </summary>
public static class MailingsApi
{
    public static IEndpointRouteBuilder MapMailingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/surveys/{id:guid}/mailings").WithTags("Mailings").RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapGet("template/{kind}", Template);
        api.MapPut("template/{kind}", SaveTemplate);
        api.MapGet("preview/{kind}", Preview);
        api.MapGet("audience/{kind}", AudienceOf);
        api.MapPost("", Create);
        api.MapGet("", List);
        api.MapGet("{mailingId:guid}", Find);
        api.MapPost("{mailingId:guid}/recipients/{organisationId:guid}/resend", Resend);
        return app;
    }

    public sealed record MailingRequest(MailingKind Kind, IReadOnlyList<Guid>? OrganisationIds, int? IntervalDays);

    public sealed record MailPreview(string Language, string? To, string? OrganisationName, string Subject, string Text);

    public static async Task<Results<Ok<MailTemplate>, NotFound>> Template(Guid id, MailingKind kind, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await SurveyStore.FindAsync(connection, id, ct) is { } survey
            ? TypedResults.Ok(await MailingStore.TemplateAsync(connection, id, kind, survey.Title, ct))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<MailTemplate>, NotFound, ValidationProblem>> SaveTemplate(
        Guid id, MailingKind kind, MailTemplateRequest request, NpgsqlDataSource db, TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        if (MailTexts.Problems(request) is { Count: > 0 } errors)
        {
            return errors.ToProblem("The text needs attention; nothing was saved.");
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct, tx, forUpdate: true) is not { } survey)
        {
            return TypedResults.NotFound();
        }
        await MailingStore.SaveTemplateAsync(connection, tx, id, kind, request, clock.GetUtcNow(), ct);
        await audit.RecordAsync(tx, AuditActor.From(user), "survey.mail-template-saved", id.ToString(), new { kind }, ct);
        var saved = await MailingStore.TemplateAsync(connection, id, kind, survey.Title, ct, tx);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(saved);
    }

    /// <summary>What an organisation (or, without one, any) receives, in the language asked for; the link shown without a token, none being made.</summary>
    public static async Task<Results<Ok<MailPreview>, NotFound, ValidationProblem>> Preview(
        Guid id, MailingKind kind, NpgsqlDataSource db, InvitationIssuer links, CancellationToken ct, string? language = null, Guid? organisationId = null)
    {
        if (language is not (null or "lv" or "en"))
        {
            return FieldErrors.Problem("language", ErrorCodes.NotOffered, "The language is lv or en.");
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct) is not { } survey)
        {
            return TypedResults.NotFound();
        }
        var organisation = organisationId is null ? null : await connection.QuerySingleOrDefaultAsync<(string Name, string Email, string Language)?>(new CommandDefinition(
            "SELECT name, email, language FROM partner_organisations WHERE id = @organisationId", new { organisationId }, cancellationToken: ct));
        if (organisationId is not null && organisation is null)
        {
            return TypedResults.NotFound();
        }
        var lang = language ?? organisation?.Language ?? "lv";
        var template = await MailingStore.TemplateAsync(connection, id, kind, survey.Title, ct);
        var link = links.MailLinkFor("…") ?? links.UrlFor("…");
        var name = organisation?.Name ?? (lang == "en" ? "(organisation)" : "(organizācija)");
        var (subject, text) = MailTexts.Render(template.Subject, template.Body, template.Signature, lang, name, survey.ClosesOnDate, link);
        return TypedResults.Ok(new MailPreview(lang, organisation?.Email, organisation?.Name, subject, text));
    }

    public static async Task<Results<Ok<Audience>, NotFound, ValidationProblem>> AudienceOf(
        Guid id, MailingKind kind, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct, int? intervalDays = null)
    {
        if (IntervalProblem(intervalDays) is { } problem)
        {
            return problem;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct) is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await MailingStore.AudienceAsync(connection, id, kind, intervalDays ?? MailingStore.DefaultIntervalDays, clock.GetUtcNow(), null, ct));
    }

    /// <summary>Starts a mailing: 201 with it, its messages sent in the background. An Idempotency-Key makes a repeat answer with the same mailing.</summary>
    public static async Task<Results<Created<MailingDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Create(
        Guid id, MailingRequest request, HttpContext http, NpgsqlDataSource db, InvitationIssuer issuer, MailingSender sender, MailSettings? mail,
        TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        if (IntervalProblem(request.IntervalDays) is { } invalid)
        {
            return invalid;
        }
        var idempotency = IdempotentRequest.Of(http, request);
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await SurveyStore.FindAsync(connection, id, ct, tx, forUpdate: true) is not { } survey)
        {
            return TypedResults.NotFound();
        }
        var mailingId = Guid.CreateVersion7();
        if (await idempotency.ClaimIfKeyedAsync(tx, mailingId.ToString(), ct) is { Resource: { } earlier })
        {
            var first = (await MailingStore.FindAsync(connection, id, Guid.Parse(earlier), ct, tx))!;
            return TypedResults.Created($"/api/surveys/{id}/mailings/{first.Id}", first);
        }
        if (survey.SurveyState != SurveyState.Open || survey.SurveyMode != SurveyMode.Anonymous)
        {
            return Conflict("Invitations and reminders are sent for an open survey answered through invitations.");
        }
        if (mail is null)
        {
            return Conflict("No mail relay is configured (ConnectionStrings__mail): nothing can be sent by e-mail.");
        }
        if (issuer.MailLinkFor("x") is null)
        {
            return Conflict("The portal's public address is not configured (Surveys:PortalUrl): the messages could not carry a link.");
        }
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM mailings WHERE survey_id = @id AND finished_at IS NULL)", new { id }, tx, cancellationToken: ct)))
        {
            return Conflict("A mailing of this survey is still being sent; start the next one when it has finished.");
        }
        var audience = await MailingStore.AudienceAsync(connection, id, request.Kind, request.IntervalDays ?? MailingStore.DefaultIntervalDays, now, tx, ct);
        IReadOnlyList<Guid> recipients;
        if (request.OrganisationIds is { } chosen)
        {
            if (await ChosenProblemsAsync(connection, tx, id, request.Kind, chosen, audience, ct) is { Count: > 0 } errors)
            {
                return errors.ToProblem("Some of the chosen organisations cannot be sent this message; nothing was sent.");
            }
            recipients = [.. chosen.Distinct()];
        }
        else
        {
            recipients = [.. audience.Recipients.Select(r => r.OrganisationId)];
        }
        if (recipients.Count == 0)
        {
            return Conflict(request.Kind == MailingKind.Invitation
                ? "Nobody to send to: every organisation has answered or has been sent its invitation."
                : "Nobody to send to: every invited organisation has answered or was mailed within the interval.");
        }
        // An organisation added after the survey opened gets its invitation now (the population grows with it); its link is made when its message is sent.
        await issuer.IssueMissingAsync(tx, id, recipients, ct);
        var template = await MailingStore.TemplateAsync(connection, id, request.Kind, survey.Title, ct, tx);
        var actor = AuditActor.From(user);
        await MailingStore.CreateAsync(connection, tx, mailingId, id, template, recipients, actor.Name ?? actor.Id, now, ct);
        await audit.RecordAsync(tx, actor, "survey.mailing-started", id.ToString(), new { mailingId, kind = request.Kind, recipients = recipients.Count }, ct);
        var created = (await MailingStore.FindAsync(connection, id, mailingId, ct, tx))!;
        await tx.CommitAsync(ct);
        sender.Wake();
        return TypedResults.Created($"/api/surveys/{id}/mailings/{mailingId}", created);
    }

    public static async Task<Results<Ok<IReadOnlyList<MailingSummary>>, NotFound>> List(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await SurveyStore.FindAsync(connection, id, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await MailingStore.ListAsync(connection, id, ct));
    }

    public static async Task<Results<Ok<MailingDetail>, NotFound>> Find(Guid id, Guid mailingId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await MailingStore.FindAsync(connection, id, mailingId, ct) is { } mailing ? TypedResults.Ok(mailing) : TypedResults.NotFound();
    }

    /// <summary>A failed message due again, to the organisation's address as it is now (correct it first); its mailing is open again until it is sent.</summary>
    public static async Task<Results<Ok<MailingRecipient>, NotFound, ProblemHttpResult>> Resend(
        Guid id, Guid mailingId, Guid organisationId, NpgsqlDataSource db, MailingSender sender, TimeProvider clock, ClaimsPrincipal user, IAuditTrail audit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var state = await connection.QuerySingleOrDefaultAsync<(string State, bool Used)?>(new CommandDefinition("""
            SELECT r.state, coalesce(i.used, false) FROM mailing_recipients r JOIN mailings m ON m.id = r.mailing_id
            LEFT JOIN invitations i ON i.survey_id = m.survey_id AND i.organisation_id = r.organisation_id
            WHERE m.survey_id = @id AND r.mailing_id = @mailingId AND r.organisation_id = @organisationId
            FOR UPDATE OF r
            """, new { id, mailingId, organisationId }, tx, cancellationToken: ct));
        if (state is not { } found)
        {
            return TypedResults.NotFound();
        }
        if (found.Used)
        {
            return Conflict("The organisation has answered; it needs no message.");
        }
        if (found.State != "Failed")
        {
            return Conflict(found.State == "Sent" ? "The message was sent; to send a new link, start a reminder." : "The message is still on its way.");
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE mailing_recipients SET state = 'Pending', attempts = 0, next_attempt_at = @now, failure = NULL
                WHERE mailing_id = @mailingId AND organisation_id = @organisationId;
                UPDATE mailings SET finished_at = NULL WHERE id = @mailingId;
                """, new { mailingId, organisationId, now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Conflict("Another mailing of this survey is being sent; send this one again when it has finished.");
        }
        await audit.RecordAsync(tx, AuditActor.From(user), "survey.mail-resend", id.ToString(), new { mailingId, organisationId }, ct);
        var mailing = (await MailingStore.FindAsync(connection, id, mailingId, ct, tx))!;
        await tx.CommitAsync(ct);
        sender.Wake();
        return TypedResults.Ok(mailing.Recipients.Single(r => r.OrganisationId == organisationId));
    }

    private static async Task<FieldErrors> ChosenProblemsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid surveyId, MailingKind kind,
        IReadOnlyList<Guid> chosen, Audience audience, CancellationToken ct)
    {
        var known = (await connection.QueryAsync<(Guid Id, bool Invited, bool Used)>(new CommandDefinition("""
            SELECT o.id, i.id IS NOT NULL, coalesce(i.used, false) FROM partner_organisations o
            LEFT JOIN invitations i ON i.survey_id = @surveyId AND i.organisation_id = o.id
            WHERE o.id = ANY(@chosen)
            """, new { surveyId, chosen = chosen.ToArray() }, tx, cancellationToken: ct))).ToDictionary(o => o.Id);
        var errors = new FieldErrors();
        for (var i = 0; i < chosen.Count; i++)
        {
            var field = $"organisationIds[{i}]";
            if (!known.TryGetValue(chosen[i], out var o))
            {
                errors.Add(field, ErrorCodes.NotFound, "There is no such organisation.");
            }
            else if (o.Used)
            {
                errors.Add(field, ErrorCodes.AlreadyAnswered, "The organisation has answered already.");
            }
            else if (kind == MailingKind.Reminder && !o.Invited)
            {
                errors.Add(field, ErrorCodes.NotInvited, "The organisation has not been invited: send it an invitation first.");
            }
            else if (kind == MailingKind.Reminder && audience.Recipients.All(r => r.OrganisationId != chosen[i]))
            {
                errors.Add(field, ErrorCodes.MailedRecently, $"The organisation was mailed within the last {audience.IntervalDays} days.");
            }
        }
        if (chosen.Count == 0)
        {
            errors.Add("organisationIds", ErrorCodes.Required, "Choose at least one organisation, or leave the list out for everyone.");
        }
        return errors;
    }

    private static ValidationProblem? IntervalProblem(int? days) =>
        days is < 1 or > 90 ? FieldErrors.Problem("intervalDays", ErrorCodes.OutOfRange, "The interval is 1 to 90 days.") : null;

    private static ProblemHttpResult Conflict(string title) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);
}

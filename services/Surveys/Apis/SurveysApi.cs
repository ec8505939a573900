using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;
using StrategyPlatform.Surveys.Templates;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Creating and editing surveys (drafts only: once opened, the questions are frozen).</summary>
public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/surveys").WithTags("Surveys");
        api.MapGet("", ListSurveys).RequireAuthorization(SurveyPolicies.ReadResults);
        api.MapGet("{id:guid}", GetSurvey).RequireAuthorization(SurveyPolicies.ReadResults);
        api.MapGet("template/partner-satisfaction", GetTemplate).RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapPost("", CreateSurvey).RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapPost("from-template", CreateFromTemplate).RequireAuthorization(StaffPolicies.ManageSurveys);
        api.MapPut("{id:guid}", UpdateDraft).RequireAuthorization(StaffPolicies.ManageSurveys);
        return app;
    }

    public sealed record SurveyInput(
        SurveyKind Kind,
        int Year,
        Guid? CampaignId,
        LocalizedText? Title,
        LocalizedText? Introduction,
        SurveyDefinition? Definition,
        SurveyMode Mode = SurveyMode.Anonymous);

    public sealed record FromTemplateInput(int Year);

    private const int FirstYear = 2020, LastYear = 2100;

    private static FieldErrors? YearProblem(int year) => year is >= FirstYear and <= LastYear ? null
        : new FieldErrors().Add("year", ErrorCodes.OutOfRange, $"The year is between {FirstYear} and {LastYear}.");

    public static async Task<Ok<SurveySummaryDto[]>> ListSurveys(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SurveyRecord>(new CommandDefinition(
            $"SELECT {SurveyRecord.Columns} FROM surveys ORDER BY year DESC, created_at DESC", cancellationToken: ct));
        return TypedResults.Ok(rows.Select(s => new SurveySummaryDto(s.Id, s.SurveyKind, s.Year, s.Indicator, s.Title, s.SurveyState, s.OpensOnDate, s.ClosesOnDate)).ToArray());
    }

    public static async Task<Results<Ok<SurveyDto>, NotFound>> GetSurvey(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await SurveyStore.FindAsync(connection, id, ct) is { } survey ? TypedResults.Ok(SurveyDto.From(survey)) : TypedResults.NotFound();
    }

    public static Ok<SurveyInput> GetTemplate(TimeProvider clock)
    {
        var year = LatvianTime.Today(clock).Year;
        return TypedResults.Ok(new SurveyInput(SurveyKind.PartnerSatisfaction, year, null,
            PartnerSatisfactionTemplate.Title(year), PartnerSatisfactionTemplate.Introduction, PartnerSatisfactionTemplate.Definition()));
    }

    public static Task<Results<Created<SurveyDto>, ValidationProblem>> CreateFromTemplate(FromTemplateInput input, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        YearProblem(input.Year) is { } invalid ? Task.FromResult<Results<Created<SurveyDto>, ValidationProblem>>(invalid.ToProblem()) : CreateSurvey(new SurveyInput(SurveyKind.PartnerSatisfaction, input.Year, null,
            PartnerSatisfactionTemplate.Title(input.Year), PartnerSatisfactionTemplate.Introduction, PartnerSatisfactionTemplate.Definition()), db, clock, ct);

    public static async Task<Results<Created<SurveyDto>, ValidationProblem>> CreateSurvey(SurveyInput input, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(input) is { Count: > 0 } errors)
        {
            return errors.ToProblem();
        }
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO surveys (id, kind, year, campaign_id, title_lv, title_en, intro_lv, intro_en, mode, state, definition, created_at, updated_at)
            VALUES (@id, @kind, @Year, @CampaignId, @titleLv, @titleEn, @introLv, @introEn, @mode, 'Draft', @definition::jsonb, @now, @now)
            """, Parameters(id, input, clock), cancellationToken: ct));
        var survey = SurveyDto.From((await SurveyStore.FindAsync(connection, id, ct))!);
        return TypedResults.Created($"/api/surveys/{id}", survey);
    }

    public static async Task<Results<Ok<SurveyDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateDraft(
        Guid id, SurveyInput input, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(input) is { Count: > 0 } errors)
        {
            return errors.ToProblem();
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE surveys SET kind = @kind, year = @Year, campaign_id = @CampaignId, title_lv = @titleLv, title_en = @titleEn,
                intro_lv = @introLv, intro_en = @introEn, mode = @mode, definition = @definition::jsonb, updated_at = @now
            WHERE id = @id AND state = 'Draft'
            """, Parameters(id, input, clock), cancellationToken: ct));
        if (changed == 1)
        {
            return TypedResults.Ok(SurveyDto.From((await SurveyStore.FindAsync(connection, id, ct))!));
        }
        return await SurveyStore.FindAsync(connection, id, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The survey has been opened: its questions are frozen. Copy it to make changes for a new survey.");
    }

    private static object Parameters(Guid id, SurveyInput input, TimeProvider clock) => new
    {
        id, kind = input.Kind.ToString(), input.Year, input.CampaignId,
        titleLv = input.Title!.Lv.Trim(), titleEn = input.Title.En.Trim(), introLv = input.Introduction!.Lv.Trim(), introEn = input.Introduction.En.Trim(),
        mode = input.Mode.ToString(), definition = Json.Write(input.Definition), now = clock.GetUtcNow(),
    };

    private static FieldErrors Validate(SurveyInput input)
    {
        var errors = YearProblem(input.Year) ?? new FieldErrors();
        errors.AddRange(DefinitionValidator.Validate(input.Definition));
        if (input.Kind == SurveyKind.CampaignEvaluation && input.CampaignId is null)
        {
            errors.Add("campaignId", ErrorCodes.Required, "A campaign evaluation survey must name its campaign.");
        }
        if (input.Kind == SurveyKind.PartnerSatisfaction && input.Mode == SurveyMode.OpenLink)
        {
            errors.Add("mode", ErrorCodes.OpenLinkNotAllowed, "The partner satisfaction survey is answered through invitation links; an open link is for public campaign surveys.");
        }
        foreach (var (field, text) in new[] { ("title", input.Title), ("introduction", input.Introduction) })
        {
            if (text is null || string.IsNullOrWhiteSpace(text.Lv) || string.IsNullOrWhiteSpace(text.En))
            {
                errors.Add(field, ErrorCodes.BothLanguages, "Both the Latvian and the English text are required.");
            }
        }
        return errors;
    }
}

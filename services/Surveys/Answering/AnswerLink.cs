using System.Security.Cryptography;
using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace StrategyPlatform.Surveys.Answering;

/// <summary>A link token resolved to its survey, or the reason it cannot be answered.</summary>
public sealed record AnswerLink(SurveyRecord Survey, SurveyDefinition Definition, RespondentCategory? OrganisationCategory)
{
    /// <summary>The link a request carries; a token of the wrong shape is unknown without a query.</summary>
    /// <returns>Also the token's hash, by which drafts and the invitation are found.</returns>
    public static async Task<(AnswerLink? Link, LinkProblem? Problem, byte[] TokenHash)> ResolveAsync(
        NpgsqlConnection connection, string token, TimeProvider clock, CancellationToken ct)
    {
        if (!LinkTokens.LooksValid(token))
        {
            return (null, LinkProblem.Unknown, []);
        }
        var hash = LinkTokens.Hash(token);
        var (link, problem) = await ResolveAsync(connection, hash, clock, ct);
        return (link, problem, hash);
    }

    private static async Task<(AnswerLink? Link, LinkProblem? Problem)> ResolveAsync(NpgsqlConnection connection, byte[] tokenHash, TimeProvider clock, CancellationToken ct)
    {
        var invitations = await connection.QueryAsync<(Guid SurveyId, bool Used, string Category, byte[] StoredHash)>(new CommandDefinition("""
            SELECT i.survey_id, i.used, o.category, i.token_hash FROM invitations i JOIN partner_organisations o ON o.id = i.organisation_id
            WHERE i.token_hash = @tokenHash
            """, new { tokenHash }, cancellationToken: ct));
        var found = invitations.FirstOrDefault();
        // The index finds the row by the hash; the comparison that decides takes the same time however
        // many bytes agree (the hash of a guessed token tells an attacker nothing about a real one anyway).
        if (found.SurveyId == Guid.Empty || !CryptographicOperations.FixedTimeEquals(found.StoredHash, tokenHash))
        {
            return (null, LinkProblem.Unknown);
        }
        if (found.Used)
        {
            return (null, LinkProblem.Used);
        }
        var survey = (await SurveyStore.FindAsync(connection, found.SurveyId, ct))!;
        return await ForSurveyAsync(connection, survey, Enum.Parse<RespondentCategory>(found.Category), clock, ct);
    }

    public static async Task<(AnswerLink? Link, LinkProblem? Problem)> ForSurveyAsync(
        NpgsqlConnection connection, SurveyRecord survey, RespondentCategory? category, TimeProvider clock, CancellationToken ct)
    {
        if (Availability(survey, LatvianTime.Today(clock)) is { } problem)
        {
            return (null, problem);
        }
        return (new AnswerLink(survey, (await SurveyStore.VersionAsync(connection, survey.Id, survey.CurrentVersion!.Value, ct))!, category), null);
    }

    public static LinkProblem? Availability(SurveyRecord survey, DateOnly today) => survey.SurveyState switch
    {
        SurveyState.Draft => LinkProblem.Unknown,
        SurveyState.Closed => LinkProblem.Closed,
        _ when today > survey.ClosesOnDate => LinkProblem.Expired,
        _ when today < survey.OpensOnDate => LinkProblem.NotYetOpen,
        _ => null,
    };

    /// <summary>The sheet's problems against this link's frozen version and the categories its survey offers.</summary>
    public FieldErrors Validate(AnswerSheet sheet) => AnswerValidator.Validate(Definition, sheet, RespondentCategories.Offered(Survey.SurveyMode));

    /// <summary>
    /// The problems of one step of the answering page: 0 is the respondent-category question, 1… the
    /// survey's sections in order. A partner learns of a step's unanswered questions on that step, not at the end.
    /// </summary>
    public FieldErrors Validate(AnswerSheet sheet, int step)
    {
        var questions = step >= 1 && step <= Definition.Sections.Count
            ? Definition.Sections[step - 1].Questions.Select(q => AnswerValidator.FieldOf(q.Id)).ToHashSet()
            : [];
        return Validate(sheet).Where(field => step == 0 ? field == AnswerValidator.CategoryField : questions.Contains(field));
    }

    public AnswerForm Form(AnswerSheet? draft) => new(
        Survey.SurveyKind, Survey.Year, Survey.Title, Survey.Introduction, Survey.CurrentVersion!.Value, Survey.ClosesOnDate,
        AnswerForm.Categories(Survey.SurveyMode, OrganisationCategory), AnswerForm.CannotSay, Definition, draft);
}

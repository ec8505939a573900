using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace StrategyPlatform.Surveys.Results;

/// <summary>A survey with its frozen questions and responses, loaded once for results and exports.</summary>
public sealed record SurveyData(SurveyRecord Survey, SurveyDefinition Definition, IReadOnlyList<ResponseData> Responses, int? Invited)
{
    public static async Task<SurveyData?> LoadAsync(NpgsqlConnection connection, Guid surveyId, CancellationToken ct)
    {
        if (await SurveyStore.FindAsync(connection, surveyId, ct) is not { } survey)
        {
            return null;
        }
        var definition = await SurveyStore.EffectiveDefinitionAsync(connection, survey, ct);
        // Ordered by the random id: the export's row order says nothing about who answered when.
        var rows = await connection.QueryAsync<(string Category, string Answers, DateTime SubmittedOn)>(new CommandDefinition(
            "SELECT respondent_category, answers::text, submitted_on FROM responses WHERE survey_id = @surveyId ORDER BY id",
            new { surveyId }, cancellationToken: ct));
        var responses = rows.Select(r => new ResponseData(Enum.Parse<RespondentCategory>(r.Category),
            Json.Read<Dictionary<string, Answer>>(r.Answers), DateOnly.FromDateTime(r.SubmittedOn))).ToList();
        int? invited = survey.SurveyMode == SurveyMode.Anonymous
            ? await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM invitations WHERE survey_id = @surveyId", new { surveyId }, cancellationToken: ct))
            : null;
        return new(survey, definition, responses, invited is 0 ? null : invited);
    }

    /// <summary>Last year's survey of the same kind (and campaign): the one this was copied from, else the latest of the year before.</summary>
    public static async Task<SurveyData?> PreviousAsync(NpgsqlConnection connection, SurveyRecord survey, CancellationToken ct)
    {
        var previousId = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition("""
            SELECT id FROM surveys
            WHERE current_version IS NOT NULL AND kind = @Kind AND campaign_id IS NOT DISTINCT FROM @CampaignId
              AND (id = @CopiedFrom OR year = @Year - 1) AND id <> @Id
            ORDER BY (id = @CopiedFrom) DESC NULLS LAST, year DESC, created_at DESC LIMIT 1
            """, new { survey.Kind, survey.CampaignId, survey.CopiedFrom, survey.Year, survey.Id }, cancellationToken: ct));
        return previousId is { } id ? await LoadAsync(connection, id, ct) : null;
    }

    public SurveyResults Calculate(SurveyData? previous)
    {
        var population = Invited;
        var questions = Definition.Questions.Select(q => ResultsCalculator.Question(q, Responses, population)).ToList();
        YearComparison? comparison = null;
        if (previous is not null)
        {
            var before = previous.Definition.Questions.Select(q => ResultsCalculator.Question(q, previous.Responses, previous.Invited)).ToList();
            comparison = new(previous.Survey.Id, previous.Survey.Year, YearToYear.Method, YearToYear.Compare(Definition, questions, previous.Definition, before));
        }
        return new(Survey.Id, Survey.SurveyKind, Survey.Year, Survey.CurrentVersion ?? 0, Responses.Count, Invited,
            Invited is { } n ? ResultsCalculator.Share(Responses.Count, n) : null,
            ResultsCalculator.Indicator(Survey.Indicator, Definition, Responses, population),
            questions, ResultsCalculator.ByCategory(Definition, Responses, RespondentCategories.Offered(Survey.SurveyMode)), comparison);
    }
}

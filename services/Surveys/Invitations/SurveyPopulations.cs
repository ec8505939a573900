using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace StrategyPlatform.Surveys.Invitations;

/// <summary>
/// The invited population of a survey answered through invitation links: what the results' finite-population
/// correction uses, and what the KPI aggregator is told (<see cref="SurveyPopulationChanged"/>) so that
/// indicator 16 carries the same interval.
/// </summary>
public static class SurveyPopulations
{
    /// <summary>The 1–5 questions whose answers count toward the survey's indicator.</summary>
    public static int CountedQuestions(SurveyDefinition definition) =>
        definition.Questions.Count(q => q.Type == QuestionType.Likert && q.CountsTowardIndicator);

    /// <summary>
    /// The population of the counted answers: every invited organisation answers each counted question at most
    /// once. The KPI aggregator multiplies the same way (<c>ComputedIndicators</c>); change both or neither.
    /// </summary>
    public static int? OfAnswers(int? invited, int countedQuestions) => invited * Math.Max(1, countedQuestions);

    /// <summary>The population of an opened invitation survey now; null for a draft or an open-link survey.</summary>
    public static async Task<SurveyPopulationChanged?> CurrentAsync(NpgsqlConnection connection, Guid surveyId, DateTimeOffset now, NpgsqlTransaction? tx, CancellationToken ct) =>
        (await ListAsync(connection, surveyId, now, tx, ct)).SingleOrDefault();

    /// <summary>Every opened invitation survey's population, for the replay feed.</summary>
    public static Task<IReadOnlyList<SurveyPopulationChanged>> AllAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct) =>
        ListAsync(connection, null, now, null, ct);

    private static async Task<IReadOnlyList<SurveyPopulationChanged>> ListAsync(
        NpgsqlConnection connection, Guid? surveyId, DateTimeOffset now, NpgsqlTransaction? tx, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(Guid Id, string Kind, int Year, string Definition, int Invited)>(new CommandDefinition("""
            SELECT s.id, s.kind, s.year, v.definition::text, (SELECT count(*)::int FROM invitations i WHERE i.survey_id = s.id)
            FROM surveys s JOIN survey_versions v ON v.survey_id = s.id AND v.version = s.current_version
            WHERE s.mode = @mode AND (@surveyId::uuid IS NULL OR s.id = @surveyId)
            ORDER BY s.id
            """, new { mode = nameof(SurveyMode.Anonymous), surveyId }, tx, cancellationToken: ct));
        return [.. rows.Where(r => r.Invited > 0).Select(r => new SurveyPopulationChanged(
            r.Id, Enum.Parse<SurveyKind>(r.Kind), r.Year, r.Invited, CountedQuestions(Json.Read<SurveyDefinition>(r.Definition)), now))];
    }
}

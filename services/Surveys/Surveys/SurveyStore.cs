using Dapper;
using Npgsql;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Surveys;

/// <summary>The SQL that more than one endpoint needs.</summary>
public static class SurveyStore
{
    public static Task<SurveyRecord?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<SurveyRecord>(new CommandDefinition(
            $"SELECT {SurveyRecord.Columns} FROM surveys WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", new { id }, tx, cancellationToken: ct));

    public static async Task<SurveyDefinition?> VersionAsync(NpgsqlConnection connection, Guid surveyId, int version, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT definition::text FROM survey_versions WHERE survey_id = @surveyId AND version = @version",
            new { surveyId, version }, tx, cancellationToken: ct));
        return json is null ? null : Json.Read<SurveyDefinition>(json);
    }

    /// <summary>The definition responses are validated and counted against: the frozen version once opened, the draft before.</summary>
    public static async Task<SurveyDefinition> EffectiveDefinitionAsync(NpgsqlConnection connection, SurveyRecord survey, CancellationToken ct) =>
        survey.CurrentVersion is { } v ? (await VersionAsync(connection, survey.Id, v, ct))! : survey.DraftDefinition;
}

using System.Collections.Concurrent;
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

    /// <summary>
    /// A survey as an answer is taken against it. Once opened, nothing of a survey changes but its state, and that
    /// only once, to closed (LifecycleApi: a draft opens once, a closed survey stays closed, dates and version are
    /// set at opening), so an open survey's record is kept rather than read for every answer (issue 13: a round trip
    /// and 15 columns per answer). Whoever writes against a kept record re-checks state and version in that write
    /// (<see cref="Answering.ResponseWriter"/>'s guard) and calls <see cref="ForgetOpen"/> when it is refused: a survey
    /// closed through another replica refuses its next answer here as it would anywhere, and is then read again.
    /// </summary>
    public static async Task<SurveyRecord?> ForAnsweringAsync(NpgsqlConnection connection, Guid id, CancellationToken ct)
    {
        if (OpenSurveys.TryGetValue(id, out var known))
        {
            return known;
        }
        var survey = await FindAsync(connection, id, ct);
        if (survey is { SurveyState: SurveyState.Open })
        {
            Keep(OpenSurveys, id, survey);
        }
        return survey;
    }

    /// <summary>The survey is no longer open as the database sees it: read it again next time.</summary>
    public static void ForgetOpen(Guid id) => OpenSurveys.TryRemove(id, out _);

    private static readonly ConcurrentDictionary<Guid, SurveyRecord> OpenSurveys = new();

    /// <summary>
    /// A frozen version, as every answer is validated and counted against it. A version never changes once written
    /// (survey_versions is insert-only), so the parsed definition is kept: reading and parsing it for every answer
    /// was the submit path's largest piece of work after the HTTP pipeline (issue 13). Read inside a transaction, it
    /// is not kept, since that transaction may be the one writing it and may still roll back.
    /// </summary>
    public static async Task<SurveyDefinition?> VersionAsync(NpgsqlConnection connection, Guid surveyId, int version, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        if (tx is null && FrozenVersions.TryGetValue((surveyId, version), out var known))
        {
            return known;
        }
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT definition::text FROM survey_versions WHERE survey_id = @surveyId AND version = @version",
            new { surveyId, version }, tx, cancellationToken: ct));
        if (json is null)
        {
            return null;
        }
        var definition = Json.Read<SurveyDefinition>(json);
        if (tx is null)
        {
            Keep(FrozenVersions, (surveyId, version), definition);
        }
        return definition;
    }

    /// <summary>
    /// A year has a few dozen open surveys, so a kept survey or version is rarely dropped; the bound only keeps a
    /// long-running process from holding every one it ever read.
    /// </summary>
    private static void Keep<TKey, TValue>(ConcurrentDictionary<TKey, TValue> kept, TKey key, TValue value) where TKey : notnull
    {
        if (kept.Count >= 256)
        {
            kept.Clear();
        }
        kept[key] = value;
    }
    private static readonly ConcurrentDictionary<(Guid SurveyId, int Version), SurveyDefinition> FrozenVersions = new();

    /// <summary>The definition responses are validated and counted against: the frozen version once opened, the draft before.</summary>
    public static async Task<SurveyDefinition> EffectiveDefinitionAsync(NpgsqlConnection connection, SurveyRecord survey, CancellationToken ct) =>
        survey.CurrentVersion is { } v ? (await VersionAsync(connection, survey.Id, v, ct))! : survey.DraftDefinition;
}

using Dapper;
using Npgsql;

namespace StrategyPlatform.Kpi.Computed;

/// <summary>
/// Each survey's totals of its response facts (responses, ratings counted, positive ratings), kept so that a
/// recount of indicator 15 or 16 costs what changed, not the whole year (Kpi migration 0011). A trigger on the facts
/// writes every change to <c>survey_response_changes</c> in the fact's transaction; <see cref="AddChangesAsync"/>
/// folds them into <c>survey_response_totals</c>. Reads take both (<see cref="Current"/>), so a count is exact at
/// its moment whether or not the changes have been added yet.
/// </summary>
public static class SurveyTotals
{
    /// <summary>Rows (survey_id, kind, year, responses, counted, positive): the totals and the changes not yet added.</summary>
    public const string Current = """
        (SELECT survey_id, kind, year, responses, counted, positive FROM survey_response_totals
         UNION ALL SELECT survey_id, kind, year, responses, counted, positive FROM survey_response_changes)
        """;

    /// <summary>The survey kinds with changes waiting to be added.</summary>
    public static Task<IEnumerable<string>> KindsChangedAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        tx.Connection!.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT kind FROM survey_response_changes", transaction: tx, cancellationToken: ct));

    /// <summary>
    /// Adds the waiting changes of <paramref name="kinds"/> to the totals and deletes them, in one statement (one
    /// snapshot: a change is added exactly once, also with another replica doing the same). The caller holds the
    /// write lock of the indicators those kinds feed. Returns the (kind, year) pairs whose totals moved.
    /// </summary>
    public static async Task<IReadOnlyList<(string Kind, int Year)>> AddChangesAsync(NpgsqlTransaction tx, IReadOnlyCollection<string> kinds, CancellationToken ct) =>
        kinds.Count == 0 ? [] : [.. (await tx.Connection!.QueryAsync<(string, int)>(new CommandDefinition("""
            WITH taken AS (
                DELETE FROM survey_response_changes WHERE kind = ANY(@kinds)
                RETURNING survey_id, kind, year, responses, counted, positive)
            INSERT INTO survey_response_totals AS t (survey_id, kind, year, responses, counted, positive)
            SELECT survey_id, kind, year, sum(responses), sum(counted), sum(positive) FROM taken GROUP BY survey_id, kind, year
            ON CONFLICT (survey_id, kind, year) DO UPDATE SET responses = t.responses + EXCLUDED.responses,
                counted = t.counted + EXCLUDED.counted, positive = t.positive + EXCLUDED.positive
            RETURNING kind, year
            """, new { kinds = kinds.ToArray() }, tx, cancellationToken: ct))).Distinct()];
}

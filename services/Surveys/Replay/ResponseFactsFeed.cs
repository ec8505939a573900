using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace StrategyPlatform.Surveys.Replay;

/// <summary>
/// Every accepted response as the <see cref="SurveyResponseSubmitted"/> it published, so the KPI
/// aggregator can rebuild indicators 15 and 16 from the source. The counted ratings are derived
/// again from the frozen version the response was given against, exactly as when it was accepted,
/// and carry no free text and no respondent category. Keyset paging by response id: stable while others answer, and a response
/// accepted during a replay also reaches the aggregator as a message (the response id de-duplicates).
/// </summary>
internal static class ResponseFactsFeed
{
    public const int MaxTake = 1000;

    private sealed record Row(Guid Id, Guid SurveyId, int Version, string Kind, int Year, Guid? CampaignId, string Answers, DateTime SubmittedOn);

    public static async Task<SurveyResponseFactsPage> PageAsync(NpgsqlDataSource db, Guid? afterId, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT r.id, r.survey_id AS SurveyId, r.survey_version AS Version, s.kind, s.year, s.campaign_id AS CampaignId,
                   r.answers::text AS Answers, r.submitted_on::timestamp AS SubmittedOn
            FROM responses r JOIN surveys s ON s.id = r.survey_id
            WHERE @afterId::uuid IS NULL OR r.id > @afterId
            ORDER BY r.id LIMIT @take
            """, new { afterId, take }, cancellationToken: ct))).ToList();

        var definitions = new Dictionary<(Guid, int), SurveyDefinition>();
        var items = new List<SurveyResponseSubmitted>(rows.Count);
        foreach (var row in rows)
        {
            var key = (row.SurveyId, row.Version);
            if (!definitions.TryGetValue(key, out var definition))
            {
                definition = definitions[key] = (await SurveyStore.VersionAsync(connection, row.SurveyId, row.Version, ct))!;
            }
            // No respondent category: the aggregator does not count by it, and a per-response row must not carry what the results page hides.
            items.Add(new SurveyResponseSubmitted(row.Id, row.SurveyId, Enum.Parse<SurveyKind>(row.Kind), row.Year, row.CampaignId, null,
                AnswerValidator.CountedRatings(definition, Json.Read<Dictionary<string, Answer>>(row.Answers)),
                new DateTimeOffset(DateTime.SpecifyKind(row.SubmittedOn, DateTimeKind.Utc))));
        }
        return new SurveyResponseFactsPage(items, items.Count == take ? items[^1].ResponseId : null);
    }
}

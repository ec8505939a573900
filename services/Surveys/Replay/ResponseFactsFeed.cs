using System.Text.Json;
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
/// and carry no free text. Keyset paging by response id: stable while others answer, and a response
/// accepted during a replay also reaches the aggregator as a message (the response id de-duplicates).
/// </summary>
internal static class ResponseFactsFeed
{
    public const int MaxTake = 1000;

    private sealed record Row(Guid Id, Guid SurveyId, int? Version, string Kind, int Year, Guid? CampaignId, string? Category, string Answers, DateTime SubmittedAt, bool Direct);

    public static async Task<SurveyResponseFactsPage> PageAsync(NpgsqlDataSource db, Guid? afterId, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        // Responses given through links, plus those of the Development-only direct endpoint (they publish the same message).
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT * FROM (
                SELECT r.id, r.survey_id AS SurveyId, r.survey_version AS Version, s.kind, s.year, s.campaign_id AS CampaignId,
                       r.respondent_category AS Category, r.answers::text AS Answers, r.submitted_on::timestamp AS SubmittedAt, false AS Direct
                FROM responses r JOIN surveys s ON s.id = r.survey_id
                UNION ALL
                SELECT d.id, d.survey_id, NULL, d.survey_kind, d.year, d.campaign_id, d.respondent_category, d.answers::text,
                       d.submitted_at AT TIME ZONE 'UTC', true
                FROM direct_responses d
            ) facts
            WHERE @afterId::uuid IS NULL OR id > @afterId
            ORDER BY id LIMIT @take
            """, new { afterId, take }, cancellationToken: ct))).ToList();

        var definitions = new Dictionary<(Guid, int), SurveyDefinition>();
        var items = new List<SurveyResponseSubmitted>(rows.Count);
        foreach (var row in rows)
        {
            IReadOnlyList<CountedRating> counted;
            if (row.Direct)
            {
                counted = [.. JsonSerializer.Deserialize<List<CountedRating>>(row.Answers, JsonSerializerOptions.Web) ?? []];
            }
            else
            {
                var key = (row.SurveyId, row.Version!.Value);
                if (!definitions.TryGetValue(key, out var definition))
                {
                    definition = definitions[key] = (await SurveyStore.VersionAsync(connection, row.SurveyId, row.Version.Value, ct))!;
                }
                counted = AnswerValidator.CountedRatings(definition, Json.Read<Dictionary<string, Answer>>(row.Answers));
            }
            items.Add(new SurveyResponseSubmitted(row.Id, row.SurveyId, Enum.Parse<SurveyKind>(row.Kind), row.Year, row.CampaignId,
                row.Category is null ? null : Enum.Parse<RespondentCategory>(row.Category), counted,
                new DateTimeOffset(DateTime.SpecifyKind(row.SubmittedAt, DateTimeKind.Utc))));
        }
        return new SurveyResponseFactsPage(items, items.Count == take ? items[^1].ResponseId : null);
    }
}

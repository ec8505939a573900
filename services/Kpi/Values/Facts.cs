using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// The facts indicators 13–16 are counted from, written with the same rules by the consumers (from
/// messages) and by a replay (from the source services' feeds).
/// </summary>
/// <remarks>
/// <c>correctBefore</c> is null for a consumer: a response counts once, and a media event's older
/// version never replaces a newer one. A replay passes when it began reading the sources (for a media
/// event the moment, for a survey response the replay generation, since a response's fact must not be
/// dated): a fact written before then is replaced by the source's (the source is the truth), while one
/// a consumer wrote since keeps the ordinary rules, as it may be newer than the page the replay read.
/// </remarks>
public static class Facts
{
    /// <summary>A response's ratings as its fact keeps them: those on the 1–5 scale, and of them the positive (4–5: the top-2 box).</summary>
    public static (int Positive, int Counted) Ratings(SurveyResponseSubmitted response)
    {
        var counted = response.CountedRatings.Where(r => r.Value is >= 1 and <= 5).ToList();
        return (counted.Count(r => r.Value >= 4), counted.Count);
    }

    /// <returns>Whether the stored fact changed (new, or corrected by a replay).</returns>
    /// <param name="correctBefore">For a replay, the generation it began reading the sources in; a response's fact is dated by no clock.</param>
    public static async Task<bool> RecordResponseAsync(NpgsqlTransaction tx, SurveyResponseSubmitted response, long? correctBefore, CancellationToken ct)
    {
        var (positive, counted) = Ratings(response);
        // The response id de-duplicates: the same response delivered or published twice counts once, without an inbox row.
        return await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO survey_response_facts (response_id, survey_id, kind, year, campaign_id, positive, counted, submitted_at)
            VALUES (@ResponseId, @SurveyId, @kind, @Year, @CampaignId, @positive, @counted, @SubmittedAt)
            ON CONFLICT (response_id) DO UPDATE SET survey_id = EXCLUDED.survey_id, kind = EXCLUDED.kind, year = EXCLUDED.year,
                campaign_id = EXCLUDED.campaign_id, positive = EXCLUDED.positive, counted = EXCLUDED.counted,
                submitted_at = EXCLUDED.submitted_at, recorded_in = EXCLUDED.recorded_in
            WHERE survey_response_facts.recorded_in < @correctBefore
              AND (survey_response_facts.kind, survey_response_facts.year, survey_response_facts.positive, survey_response_facts.counted)
                  IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.year, EXCLUDED.positive, EXCLUDED.counted)
            """, new
        {
            response.ResponseId, response.SurveyId, kind = response.SurveyKind.ToString(), response.Year, response.CampaignId,
            positive, counted, SubmittedAt = response.SubmittedAt.UtcDateTime.Date, correctBefore,
        }, tx, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// A survey's invited population. A consumer keeps the larger of the held and the new (links are never
    /// withdrawn, so an older message arriving late must not shrink it); a replay sets the source's.
    /// </summary>
    /// <returns>Whether the stored population changed.</returns>
    public static async Task<bool> RecordPopulationAsync(NpgsqlTransaction tx, SurveyPopulationChanged population, DateTime? correctBefore, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO survey_populations (survey_id, kind, year, invited, counted_questions, recorded_at)
            VALUES (@SurveyId, @kind, @Year, @Invited, @CountedQuestions, now())
            ON CONFLICT (survey_id) DO UPDATE SET kind = EXCLUDED.kind, year = EXCLUDED.year,
                invited = CASE WHEN survey_populations.recorded_at < @correctBefore THEN EXCLUDED.invited
                               ELSE greatest(survey_populations.invited, EXCLUDED.invited) END,
                counted_questions = EXCLUDED.counted_questions, recorded_at = now()
            WHERE (survey_populations.kind, survey_populations.year, survey_populations.counted_questions) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.year, EXCLUDED.counted_questions)
               OR (survey_populations.recorded_at < @correctBefore AND survey_populations.invited <> EXCLUDED.invited)
               OR survey_populations.invited < EXCLUDED.invited
            """, new
        {
            population.SurveyId, kind = population.SurveyKind.ToString(), population.Year, population.Invited, population.CountedQuestions, correctBefore,
        }, tx, cancellationToken: ct)) == 1;

    /// <param name="facts">The event's state at this version; null when a withdrawal does not carry it (the last known date is kept so the right year is recomputed).</param>
    /// <returns>The years whose counts may have moved; empty when the fact held was as new.</returns>
    public static async Task<int[]> RecordMediaEventAsync(
        NpgsqlTransaction tx, Guid id, int version, bool withdrawn, MediaEventFacts? facts, DateTime? correctBefore, CancellationToken ct)
    {
        var held = await tx.Connection!.QuerySingleOrDefaultAsync<HeldMediaEvent>(new CommandDefinition(
            "SELECT version, extract(year FROM event_date)::int AS Year, updated_at AS UpdatedAt FROM media_event_facts WHERE media_event_id = @id",
            new { id }, tx, cancellationToken: ct));
        // A version's content never changes, so only a different version needs correcting.
        var sourceWins = correctBefore is { } before && held is not null && held.UpdatedAt < before && held.Version != version;
        if (held is not null && held.Version >= version && !sourceWins)
        {
            return [];
        }
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO media_event_facts (media_event_id, version, withdrawn, event_date, type, counts_as_proactive, communicates_achievement, updated_at)
            VALUES (@id, @version, @withdrawn, @date, @type, @proactive, @achievement, now())
            ON CONFLICT (media_event_id) DO UPDATE SET version = EXCLUDED.version, withdrawn = EXCLUDED.withdrawn,
                event_date = coalesce(EXCLUDED.event_date, media_event_facts.event_date), type = coalesce(EXCLUDED.type, media_event_facts.type),
                counts_as_proactive = EXCLUDED.counts_as_proactive, communicates_achievement = EXCLUDED.communicates_achievement, updated_at = now()
            """, new
        {
            id, version, withdrawn, date = facts?.Date.ToDateTime(TimeOnly.MinValue), type = facts?.Type.ToString(),
            proactive = !withdrawn && facts is { CountsAsProactive: true }, achievement = !withdrawn && facts is { CommunicatesAchievement: true },
        }, tx, cancellationToken: ct));
        return [.. new[] { held?.Year, facts?.Date.Year }.OfType<int>().Distinct()];
    }

    /// <param name="Year">The year the held version counts for, so a date moved to another year recomputes both.</param>
    private sealed record HeldMediaEvent(int Version, int? Year, DateTime UpdatedAt);
}

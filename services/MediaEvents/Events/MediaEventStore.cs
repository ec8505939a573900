using System.Text.Json;
using Dapper;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>The SQL of one media event and its history; callers own the transaction.</summary>
internal static class MediaEventStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<MediaEventRow?> FindAsync(NpgsqlConnection connection, Guid id, NpgsqlTransaction? tx, CancellationToken ct, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<MediaEventRow>(new CommandDefinition(
            $"{MediaEventRow.Select} WHERE e.id = @id{(forUpdate ? " FOR UPDATE OF e" : "")}", new { id }, tx, cancellationToken: ct));

    /// <returns>The day the event counts for, in Latvian time, as the database derived it.</returns>
    public static async Task<DateOnly> InsertAsync(NpgsqlTransaction tx, Guid id, MediaEventValues values, Actor actor, DateTimeOffset now, CancellationToken ct) =>
        DateOnly.FromDateTime(await tx.Connection!.ExecuteScalarAsync<DateTime>(new CommandDefinition("""
            INSERT INTO media_events (id, version, starts_at, ends_at, type, title, summary, goals, campaign_id, spokesperson_name,
                spokesperson_level, outlets, estimated_reach, tone, coverage_links, language, communicates_achievement,
                created_by, created_at, updated_by, updated_at)
            VALUES (@Id, 1, @StartsAt, @EndsAt, @Type, @Title, @Summary, @Goals, @CampaignId, @SpokespersonName,
                @SpokespersonLevel, @Outlets, @EstimatedReach, @Tone, @CoverageLinks, @Language, @CommunicatesAchievement,
                @ActorId, @Now, @ActorId, @Now)
            RETURNING starts_on
            """, Parameters(id, 1, values, actor, now), tx, cancellationToken: ct)));

    public static Task UpdateAsync(NpgsqlTransaction tx, Guid id, int version, MediaEventValues values, Actor actor, DateTimeOffset now, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE media_events SET version = @Version, starts_at = @StartsAt, ends_at = @EndsAt, type = @Type, title = @Title,
                summary = @Summary, goals = @Goals, campaign_id = @CampaignId, spokesperson_name = @SpokespersonName,
                spokesperson_level = @SpokespersonLevel, outlets = @Outlets, estimated_reach = @EstimatedReach, tone = @Tone,
                coverage_links = @CoverageLinks, language = @Language, communicates_achievement = @CommunicatesAchievement,
                updated_by = @ActorId, updated_at = @Now
            WHERE id = @Id
            """, Parameters(id, version, values, actor, now), tx, cancellationToken: ct));

    public static Task WithdrawAsync(NpgsqlTransaction tx, Guid id, int version, string reason, Actor actor, DateTimeOffset now, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE media_events SET version = @version, withdrawn_at = @now, withdrawn_reason = @reason, withdrawn_by = @ActorId,
                updated_by = @ActorId, updated_at = @now
            WHERE id = @id
            """, new { id, version, reason, ActorId = actor.Id, now }, tx, cancellationToken: ct));

    public static Task AddHistoryAsync(
        NpgsqlTransaction tx, Guid id, int version, string action, Actor actor, DateTimeOffset now, IReadOnlyList<HistoryChange> changes, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO media_event_history (event_id, version, action, changed_by, changed_by_name, changed_at, changes)
            VALUES (@id, @version, @action, @ActorId, @ActorName, @now, @changes::jsonb)
            """,
            new { id, version, action, ActorId = actor.Id, ActorName = actor.Name, now, changes = JsonSerializer.Serialize(changes, Json) },
            tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(NpgsqlConnection connection, Guid id, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(int Version, string Action, string ChangedBy, string? ChangedByName, DateTime ChangedAt, string Changes)>(
            new CommandDefinition("""
                SELECT version, action, changed_by, changed_by_name, changed_at, changes::text
                FROM media_event_history WHERE event_id = @id ORDER BY version
                """, new { id }, cancellationToken: ct));
        return [.. rows.Select(r => new HistoryEntry(
            r.Version, r.Action, r.ChangedBy, r.ChangedByName, new DateTimeOffset(DateTime.SpecifyKind(r.ChangedAt, DateTimeKind.Utc)),
            JsonSerializer.Deserialize<List<HistoryChange>>(r.Changes, Json) ?? []))];
    }

    public static Task<bool> CampaignExistsAsync(NpgsqlTransaction tx, Guid campaignId, CancellationToken ct) =>
        tx.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = @campaignId)", new { campaignId }, tx, cancellationToken: ct));

    // Enums are stored by name, so the tables read well in SQL and survive reordering of the enums.
    private static object Parameters(Guid id, int version, MediaEventValues v, Actor actor, DateTimeOffset now) => new
    {
        Id = id, Version = version, v.StartsAt, v.EndsAt, Type = v.Type.ToString(), v.Title, v.Summary, v.Goals, v.CampaignId,
        v.SpokespersonName, SpokespersonLevel = v.SpokespersonLevel?.ToString(), v.Outlets, v.EstimatedReach, Tone = v.Tone?.ToString(),
        v.CoverageLinks, v.Language, v.CommunicatesAchievement, ActorId = actor.Id, Now = now,
    };
}

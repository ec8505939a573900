using Dapper;
using MassTransit;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>
/// Keeps the newest version of each media event and moves indicators 13 (proactive events per
/// year) and 14 (achievement news per month). A message older than the version held is ignored,
/// so revisions and withdrawals are followed exactly whatever order they arrive in.
/// </summary>
public sealed class MediaEventRecorder(IInbox inbox, ComputedValueUpdater updater)
    : IConsumer<MediaEventRecorded>, IConsumer<MediaEventRevised>, IConsumer<MediaEventWithdrawn>
{
    private static readonly string[] Indicators = [ComputedIndicators.ProactiveMediaEvents, ComputedIndicators.AchievementNews];

    public Task Consume(ConsumeContext<MediaEventRecorded> context) =>
        inbox.ProcessOnceAsync(context, this, (tx, ct) => ApplyAsync(tx, context.Message.MediaEventId, context.Message.Version, context.Message.Facts, ct));

    public Task Consume(ConsumeContext<MediaEventRevised> context) =>
        inbox.ProcessOnceAsync(context, this, (tx, ct) => ApplyAsync(tx, context.Message.MediaEventId, context.Message.Version, context.Message.Facts, ct));

    public Task Consume(ConsumeContext<MediaEventWithdrawn> context) =>
        inbox.ProcessOnceAsync(context, this, (tx, ct) => ApplyAsync(tx, context.Message.MediaEventId, context.Message.Version, null, ct));

    /// <param name="facts">The event's state at this version; null when withdrawn (its last known date is kept so the right year is recomputed).</param>
    private async Task ApplyAsync(NpgsqlTransaction tx, Guid id, int version, MediaEventFacts? facts, CancellationToken ct)
    {
        await StatusPublisher.LockAsync(tx, Indicators, ct);
        var held = await tx.Connection!.QuerySingleOrDefaultAsync<Held>(new CommandDefinition(
            "SELECT version, extract(year FROM event_date)::int AS Year FROM media_event_facts WHERE media_event_id = @id", new { id }, tx, cancellationToken: ct));
        if (held is not null && held.Version >= version)
        {
            return;
        }
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO media_event_facts (media_event_id, version, withdrawn, event_date, type, counts_as_proactive, communicates_achievement, updated_at)
            VALUES (@id, @version, @withdrawn, @date, @type, @proactive, @achievement, now())
            ON CONFLICT (media_event_id) DO UPDATE SET version = EXCLUDED.version, withdrawn = EXCLUDED.withdrawn,
                event_date = coalesce(EXCLUDED.event_date, media_event_facts.event_date), type = coalesce(EXCLUDED.type, media_event_facts.type),
                counts_as_proactive = EXCLUDED.counts_as_proactive, communicates_achievement = EXCLUDED.communicates_achievement, updated_at = now()
            """, new
        {
            id, version, withdrawn = facts is null, date = facts?.Date.ToDateTime(TimeOnly.MinValue), type = facts?.Type.ToString(),
            proactive = facts?.CountsAsProactive ?? false, achievement = facts?.CommunicatesAchievement ?? false,
        }, tx, cancellationToken: ct));
        int[] years = [.. new[] { held?.Year, facts?.Date.Year }.OfType<int>().Distinct()];
        await updater.UpdateAsync(tx, Indicators, years, ct);
    }

    /// <param name="Year">The year the held version counts for, so a date moved to another year recomputes both.</param>
    private sealed record Held(int Version, int? Year);
}

using MassTransit;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>
/// Keeps the newest version of each media event and moves indicators 13 (proactive events per
/// year) and 14 (achievement news per month). A message older than the version held is ignored,
/// so revisions and withdrawals are followed exactly whatever order they arrive in.
/// </summary>
public sealed class MediaEventRecorder(IInbox inbox, ComputedValues computed)
    : IConsumer<MediaEventRecorded>, IConsumer<MediaEventRevised>, IConsumer<MediaEventWithdrawn>
{
    private static readonly string[] Indicators = [StrategyIndicators.ProactiveMediaEvents, StrategyIndicators.AchievementNews];

    public Task Consume(ConsumeContext<MediaEventRecorded> context) =>
        inbox.ProcessOnceAsync(context, this, (tx, ct) => ApplyAsync(tx, context.Message.MediaEventId, context.Message.Version, context.Message.Facts, ct));

    public Task Consume(ConsumeContext<MediaEventRevised> context) =>
        inbox.ProcessOnceAsync(context, this, (tx, ct) => ApplyAsync(tx, context.Message.MediaEventId, context.Message.Version, context.Message.Facts, ct));

    public Task Consume(ConsumeContext<MediaEventWithdrawn> context) =>
        inbox.ProcessOnceAsync(context, this, (tx, ct) => ApplyAsync(tx, context.Message.MediaEventId, context.Message.Version, null, ct));

    /// <param name="facts">The event's state at this version; null when withdrawn (its last known date is kept so the right year is recomputed).</param>
    private async Task ApplyAsync(NpgsqlTransaction tx, Guid id, int version, MediaEventFacts? facts, CancellationToken ct)
    {
        await IndicatorWriteLock.TakeAsync(tx, Indicators, ct);
        var years = await Facts.RecordMediaEventAsync(tx, id, version, withdrawn: facts is null, facts, correctBefore: null, ct);
        if (years.Length > 0)
        {
            await computed.UpdateAsync(tx, Indicators, years, ct);
        }
    }
}

using MassTransit;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>
/// Keeps each survey response's counted ratings as a fact (ratings 4–5 are positive: the top-2-box
/// share) and each invitation survey's population, and moves indicator 16 (partner satisfaction) or
/// 15 (campaign evaluation) of its year: a population alone moves the 95 % interval (and a status
/// judged on it) as soon as links are issued, not only with the next response.
/// A response message is anonymous: no inbox row records it (it would date the response); the
/// response id makes a second delivery change nothing. A population message is not about a person
/// and goes through the inbox as usual.
/// </summary>
public sealed class SurveyResponseRecorder(IInbox inbox, ComputedValues computed)
    : IConsumer<SurveyResponseSubmitted>, IConsumer<SurveyPopulationChanged>
{
    public Task Consume(ConsumeContext<SurveyResponseSubmitted> context) => inbox.ProcessAnonymousAsync(context, (tx, ct) =>
        ApplyAsync(tx, context.Message.SurveyKind, context.Message.Year, () => Facts.RecordResponseAsync(tx, context.Message, correctBefore: null, ct), ct));

    public Task Consume(ConsumeContext<SurveyPopulationChanged> context) => inbox.ProcessOnceAsync(context, this, (tx, ct) =>
        ApplyAsync(tx, context.Message.SurveyKind, context.Message.Year, () => Facts.RecordPopulationAsync(tx, context.Message, correctBefore: null, ct), ct));

    private async Task ApplyAsync(NpgsqlTransaction tx, SurveyKind kind, int year, Func<Task<bool>> record, CancellationToken ct)
    {
        var number = StrategyIndicators.FedBy(kind);
        await IndicatorWriteLock.TakeAsync(tx, [number], ct);
        if (await record())
        {
            await computed.UpdateAsync(tx, [number], [year], ct);
        }
    }
}

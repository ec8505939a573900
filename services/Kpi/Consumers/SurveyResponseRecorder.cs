using MassTransit;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>
/// Keeps each survey response's counted ratings as a fact (ratings 4–5 are positive: the top-2-box
/// share) and moves indicator 16 (partner satisfaction) or 15 (campaign evaluation) of its year.
/// The message is anonymous: no inbox row records it (it would date the response); the response id
/// makes a second delivery change nothing.
/// </summary>
public sealed class SurveyResponseRecorder(IInbox inbox, ComputedValues computed) : IConsumer<SurveyResponseSubmitted>
{
    public Task Consume(ConsumeContext<SurveyResponseSubmitted> context) => inbox.ProcessAnonymousAsync(context, async (tx, ct) =>
    {
        var response = context.Message;
        var number = StrategyIndicators.FedBy(response.SurveyKind);
        await IndicatorWriteLock.TakeAsync(tx, [number], ct);
        var added = await Facts.RecordResponseAsync(tx, response, correctBefore: null, ct);
        if (added)
        {
            await computed.UpdateAsync(tx, [number], [response.Year], ct);
        }
    });
}

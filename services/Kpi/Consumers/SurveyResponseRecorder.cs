using MassTransit;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>
/// Keeps each survey response's counted ratings as a fact (ratings 4–5 are positive: the top-2-box
/// share) and each invitation survey's population, and has indicator 16 (partner satisfaction) or
/// 15 (campaign evaluation) of its year recounted: a population alone moves the 95 % interval (and a
/// status judged on it) as soon as links are issued, not only with the next response.
/// The recount is <see cref="PendingRecounts"/>' job, left for it in the fact's transaction: answers arrive
/// in thousands during a campaign, and recounting the year under the indicator's lock for each one
/// made them wait for one another.
/// A response message is anonymous: no inbox row records it (it would date the response); the
/// response id makes a second delivery change nothing. A population message is not about a person
/// and goes through the inbox as usual.
/// </summary>
public sealed class SurveyResponseRecorder(IInbox inbox, PendingRecounts recounts)
    : IConsumer<SurveyResponseSubmitted>, IConsumer<SurveyPopulationChanged>
{
    public async Task Consume(ConsumeContext<SurveyResponseSubmitted> context)
    {
        // The fact's trigger leaves the change for the recounter (Kpi migration 0011): no note of our own.
        await inbox.ProcessAnonymousAsync(context, (tx, ct) => Facts.RecordResponseAsync(tx, context.Message, correctBefore: null, ct));
        recounts.Signal();
    }

    public async Task Consume(ConsumeContext<SurveyPopulationChanged> context)
    {
        var population = context.Message;
        await inbox.ProcessOnceAsync(context, this, async (tx, ct) =>
        {
            if (await Facts.RecordPopulationAsync(tx, population, correctBefore: null, ct))
            {
                await PendingRecounts.NoteAsync(tx, StrategyIndicators.FedBy(population.SurveyKind), population.Year, ct);
            }
        });
        recounts.Signal();
    }
}

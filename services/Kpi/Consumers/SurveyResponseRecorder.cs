using MassTransit;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Data;
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
/// response id makes a second delivery change nothing. Its fact is written by <see cref="ResponseFactWriter"/>
/// in a transaction shared with the answers consumed at the same moment, and the message is acknowledged once
/// that transaction committed. A population message is not about a person and goes through the inbox as usual.
/// </summary>
public sealed class SurveyResponseRecorder(IInbox inbox, IDatabaseReadiness readiness, ResponseFactWriter facts, PendingRecounts recounts)
    : IConsumer<SurveyResponseSubmitted>, IConsumer<SurveyPopulationChanged>
{
    public async Task Consume(ConsumeContext<SurveyResponseSubmitted> context)
    {
        // The fact's trigger leaves the change for the recounter (Kpi migration 0011): no note of our own.
        await readiness.WaitAsync(context.CancellationToken);
        await facts.RecordAsync(context.Message, context.CancellationToken);
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

/// <summary>
/// Answers are consumed many at a time so that <see cref="ResponseFactWriter"/> has a group to commit together:
/// each consumer only waits for a commit, so many cost little. The queue stays the one this consumer always had.
/// </summary>
public sealed class SurveyResponseRecorderDefinition : ConsumerDefinition<SurveyResponseRecorder>
{
    private const int AnswersInFlight = 128;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<SurveyResponseRecorder> consumer, IRegistrationContext context)
    {
        endpoint.PrefetchCount = AnswersInFlight;
        endpoint.ConcurrentMessageLimit = AnswersInFlight;
    }
}

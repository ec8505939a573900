using Dapper;
using MassTransit;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>
/// Keeps each survey response's counted ratings as a fact (ratings 4–5 are positive: the top-2-box
/// share) and moves indicator 16 (partner satisfaction) or 15 (campaign evaluation) of its year.
/// </summary>
public sealed class SurveyResponseRecorder(IInbox inbox, ComputedValueUpdater updater) : IConsumer<SurveyResponseSubmitted>
{
    public Task Consume(ConsumeContext<SurveyResponseSubmitted> context) => inbox.ProcessOnceAsync(context, this, async (tx, ct) =>
    {
        var response = context.Message;
        var number = ComputedIndicators.ForSurvey(response.SurveyKind);
        await StatusPublisher.LockAsync(tx, [number], ct);
        var counted = response.CountedRatings.Where(r => r.Value is >= 1 and <= 5).ToList();
        // The response id de-duplicates too: the same response published twice under two message ids counts once.
        var added = await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO survey_response_facts (response_id, survey_id, kind, year, campaign_id, positive, counted, submitted_at)
            VALUES (@ResponseId, @SurveyId, @kind, @Year, @CampaignId, @positive, @counted, @SubmittedAt)
            ON CONFLICT (response_id) DO NOTHING
            """, new
        {
            response.ResponseId, response.SurveyId, kind = response.SurveyKind.ToString(), response.Year, response.CampaignId,
            positive = counted.Count(r => r.Value >= 4), counted = counted.Count, response.SubmittedAt,
        }, tx, cancellationToken: ct));
        if (added == 1)
        {
            await updater.UpdateAsync(tx, [number], [response.Year], ct);
        }
    });
}

using Dapper;
using MassTransit;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Messaging;

namespace StrategyPlatform.Kpi.Consumers;

/// <summary>Counts accepted responses per survey, exactly once per response.</summary>
public sealed class SurveyResponseCounter(IInbox inbox) : IConsumer<SurveyResponseSubmitted>
{
    public Task Consume(ConsumeContext<SurveyResponseSubmitted> context) =>
        inbox.ProcessOnceAsync(context, this, (tx, ct) => tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO survey_response_counts (survey_id, responses, updated_at) VALUES (@SurveyId, 1, now())
            ON CONFLICT (survey_id) DO UPDATE SET responses = survey_response_counts.responses + 1, updated_at = now()
            """, new { context.Message.SurveyId }, tx, cancellationToken: ct)));
}

using Dapper;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Messaging;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;

namespace StrategyPlatform.Surveys.Answering;

/// <summary>
/// Stores an accepted response and its <see cref="SurveyResponseSubmitted"/> in the caller's
/// transaction. What is stored cannot be tied back to a respondent: a random id (not time-ordered),
/// the day only, no invitation, address or browser.
/// </summary>
public sealed class ResponseWriter(IOutbox outbox, TimeProvider clock)
{
    public async Task SaveAsync(NpgsqlTransaction tx, SurveyRecord survey, SurveyDefinition definition, AnswerSheet sheet, CancellationToken ct)
    {
        var answers = AnswerValidator.Normalise(definition, sheet.Answers);
        var responseId = Guid.NewGuid();
        var today = LatvianTime.Today(clock);
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO responses (id, survey_id, survey_version, respondent_category, answers, submitted_on)
            VALUES (@responseId, @surveyId, @version, @category, @answers::jsonb, @today::date)
            """, new
        {
            responseId, surveyId = survey.Id, version = survey.CurrentVersion!.Value, category = sheet.RespondentCategory!.Value.ToString(),
            answers = Json.Write(answers), today = today.ToDateTime(TimeOnly.MinValue),
        }, tx, cancellationToken: ct));

        // No respondent category (the aggregator does not count by it) and the day only. The message is
        // anonymous: it starts a trace of its own and is stored and sent without anything dating it
        // (see IOutbox.AddAnonymousAsync), so neither telemetry nor the broker joins it to the request
        // that spent an invitation link.
        var message = new SurveyResponseSubmitted(responseId, survey.Id, survey.SurveyKind, survey.Year, survey.CampaignId, null,
            AnswerValidator.CountedRatings(definition, answers), new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await outbox.AddAnonymousAsync(tx, message, ct);
    }
}

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
    /// <summary>
    /// Saves the response if the survey is still open at the same version as the transaction sees it (a manager may
    /// have closed it since the link was read, or since <paramref name="survey"/> was kept: SurveyStore.ForAnsweringAsync).
    /// The response, its message and that check go to the database in one round trip (issue 13).
    /// </summary>
    /// <returns>False when the survey is no longer open: nothing is saved and the transaction has been rolled back.</returns>
    public async Task<bool> SaveAsync(NpgsqlTransaction tx, SurveyRecord survey, SurveyDefinition definition, AnswerSheet sheet, CancellationToken ct)
    {
        var answers = AnswerValidator.Normalise(definition, sheet.Answers);
        var responseId = Guid.NewGuid();
        var today = LatvianTime.Today(clock).ToDateTime(TimeOnly.MinValue);
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO responses (id, survey_id, survey_version, respondent_category, answers, submitted_on)
            SELECT $1, $2, $3, $4, $5::jsonb, $6::date WHERE EXISTS (SELECT 1 FROM surveys WHERE id = $2 AND state = $7 AND current_version = $3)
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = responseId },
                new NpgsqlParameter<Guid> { TypedValue = survey.Id },
                new NpgsqlParameter<int> { TypedValue = survey.CurrentVersion!.Value },
                new NpgsqlParameter<string> { TypedValue = sheet.RespondentCategory!.Value.ToString() },
                new NpgsqlParameter<string> { TypedValue = Json.Write(answers) },
                new NpgsqlParameter<DateTime> { TypedValue = today, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date },
                new NpgsqlParameter<string> { TypedValue = nameof(SurveyState.Open) },
            },
        };

        // No respondent category (the aggregator does not count by it) and the day only. The message is
        // anonymous: it starts a trace of its own and is stored and sent without anything dating it
        // (see IOutbox.AddAnonymousAsync), so neither telemetry nor the broker joins it to the request
        // that spent an invitation link.
        var message = new SurveyResponseSubmitted(responseId, survey.Id, survey.SurveyKind, survey.Year, survey.CampaignId, null,
            AnswerValidator.CountedRatings(definition, answers), new DateTimeOffset(today, TimeSpan.Zero));
        await outbox.AddAnonymousAsync(tx, message, [insert], ct);
        if (insert.RecordsAffected == 1)
        {
            return true;
        }
        await tx.RollbackAsync(ct); // the message was written beside the response: it goes with it
        SurveyStore.ForgetOpen(survey.Id);
        return false;
    }
}

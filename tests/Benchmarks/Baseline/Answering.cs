using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using StrategyPlatform.Contracts;

namespace StrategyPlatform.Benchmarks.Baseline;

/// <summary>An open-link answer: checked, stored in one transaction, then published with a confirm.</summary>
internal static class Answering
{
    public sealed record Rating(int? Value);

    public sealed record Sheet(RespondentCategory? RespondentCategory, Dictionary<string, Rating>? Answers);

    public static async Task<IResult> SubmitAsync(Guid surveyId, Sheet sheet, NpgsqlDataSource db, Broker broker)
    {
        if (sheet.RespondentCategory is null || sheet.Answers is not { Count: > 0 } answers || answers.Values.Any(a => a.Value is not (>= 1 and <= 5)))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = ["Rate each statement from 1 to 5."] });
        }
        var id = Guid.NewGuid();
        var today = DateTime.UtcNow.Date;
        await using (var connection = await db.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO responses (id, survey_id, respondent_category, answers, submitted_on) VALUES ($1, $2, $3, $4, $5)", connection, tx)
            {
                Parameters =
                {
                    new() { Value = id }, new() { Value = surveyId }, new() { Value = sheet.RespondentCategory.Value.ToString() },
                    new() { Value = JsonSerializer.Serialize(answers), NpgsqlDbType = NpgsqlDbType.Jsonb }, new() { Value = today, NpgsqlDbType = NpgsqlDbType.Date },
                },
            };
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        var message = new SurveyResponseSubmitted(id, surveyId, SurveyKind.CampaignEvaluation, today.Year, null, null,
            [.. answers.Select(a => new CountedRating(a.Key, a.Value.Value!.Value))], new DateTimeOffset(today, TimeSpan.Zero));
        await broker.PublishAsync(JsonSerializer.SerializeToUtf8Bytes(message));
        return Results.Created((string?)null, new { message = "Thank you." });
    }
}

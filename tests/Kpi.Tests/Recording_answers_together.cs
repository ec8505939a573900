using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Values;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

/// <summary>The consumers' answers share transactions (issue 13); each answer still succeeds or fails on its own.</summary>
public sealed class Recording_answers_together(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    private static SurveyResponseSubmitted Answer(Guid survey, params int[] ratings) => new(
        Guid.NewGuid(), survey, SurveyKind.PartnerSatisfaction, 2026, null, RespondentCategory.Ngo,
        [.. ratings.Select((r, i) => new CountedRating($"q{i}", r))], DateTimeOffset.UtcNow);

    [Fact]
    public async Task Answers_arriving_at_once_are_committed_in_a_few_transactions_each_counted_once()
    {
        var writer = platform.Kpi.Services.GetRequiredService<ResponseFactWriter>();
        var survey = Guid.NewGuid();
        var answers = Enumerable.Range(0, 60).Select(i => Answer(survey, 1 + i % 5)).ToList();

        // The same answer delivered twice in the same moment counts once.
        await Task.WhenAll([.. answers.Select(a => writer.RecordAsync(a, CancellationToken.None)), writer.RecordAsync(answers[7], CancellationToken.None)]).WaitAsync(TimeSpan.FromMinutes(1));

        await using var db = await platform.OpenDatabaseAsync();
        // Rows written by one transaction carry its id (xmin): 60 answers, a handful of commits.
        var (facts, transactions, positive) = await db.QuerySingleAsync<(long, long, long)>(
            "SELECT count(*), count(DISTINCT xmin::text), sum(positive) FROM survey_response_facts WHERE survey_id = @survey", new { survey });
        Assert.Equal(60, facts);
        Assert.Equal(24, positive); // ratings 4 and 5: two in each five
        Assert.InRange(transactions, 1, 10);
    }

    [Fact]
    public async Task An_answer_the_database_refuses_fails_alone_and_the_answers_beside_it_are_kept()
    {
        var writer = platform.Kpi.Services.GetRequiredService<ResponseFactWriter>();
        var (kept, refused) = (Guid.NewGuid(), Guid.NewGuid());
        await using var db = await platform.OpenDatabaseAsync();
        await db.ExecuteAsync($"ALTER TABLE survey_response_facts ADD CONSTRAINT refuse_one_survey CHECK (survey_id <> '{refused}')");
        try
        {
            var good = Enumerable.Range(0, 20).Select(_ => writer.RecordAsync(Answer(kept, 5), CancellationToken.None)).ToList();
            var bad = writer.RecordAsync(Answer(refused, 5), CancellationToken.None);
            var more = Enumerable.Range(0, 20).Select(_ => writer.RecordAsync(Answer(kept, 2), CancellationToken.None)).ToList();

            await Task.WhenAll([.. good, .. more]).WaitAsync(TimeSpan.FromMinutes(1));
            var error = await Assert.ThrowsAsync<PostgresException>(() => bad.WaitAsync(TimeSpan.FromMinutes(1)));
            Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
            Assert.Equal(40, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_response_facts WHERE survey_id = @kept", new { kept }));
            Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM survey_response_facts WHERE survey_id = @refused", new { refused }));
        }
        finally
        {
            await db.ExecuteAsync("ALTER TABLE survey_response_facts DROP CONSTRAINT refuse_one_survey");
        }
    }
}

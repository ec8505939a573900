using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

public sealed class Computing_indicators_from_messages(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    private static SurveyResponseSubmitted Response(SurveyKind kind, int year, params int[] ratings) => new(
        Guid.NewGuid(), Guid.NewGuid(), kind, year, null, RespondentCategory.Ngo,
        ratings.Select((r, i) => new CountedRating($"q{i}", r)).ToList(), DateTimeOffset.UtcNow);

    private static MediaEventFacts Facts(DateOnly date, MediaEventType type, bool proactive = true, bool achievement = false) =>
        new(date, type, proactive, achievement, [8], null);

    [Fact]
    public async Task Partner_satisfaction_responses_move_16_with_n_and_a_95_percent_interval_counting_each_message_once()
    {
        var duplicate = Guid.NewGuid();
        var first = Response(SurveyKind.PartnerSatisfaction, 2026, 5, 4, 3);
        await platform.PublishAsync(first, duplicate);
        await platform.PublishAsync(first, duplicate);
        await platform.PublishAsync(Response(SurveyKind.PartnerSatisfaction, 2026, 5, 5));
        // Another kind must not count toward 16.
        await platform.PublishAsync(Response(SurveyKind.CampaignEvaluation, 2026, 1, 1));
        await platform.PublishAsync(Response(SurveyKind.CampaignEvaluation, 2025, 1, 2));

        var year = await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2026), y => y.GetProperty("n").ValueKind == System.Text.Json.JsonValueKind.Number && y.GetProperty("n").GetInt32() == 5);

        // 4 of 5 counted ratings are 4–5: 80 %; Wilson 95 %: 37.6–96.4 %.
        Assert.Equal(80.0m, KpiPlatform.ValueOf(year));
        Assert.Equal((4, 2), (year.GetProperty("positive").GetInt32(), year.GetProperty("responses").GetInt32()));
        Assert.Equal((37.6m, 96.4m), (year.GetProperty("ciLow").GetDecimal(), year.GetProperty("ciHigh").GetDecimal()));
        // The baseline 88.8 % lies inside the interval: not called a fall, and not below the baseline.
        Assert.Equal("WithinMarginOfError", year.GetProperty("change").GetString());
        Assert.Contains(year.GetProperty("status").GetString(), new[] { "OnTrack", "Achieved" });
        var campaigns = await Eventually.ReturnsAsync(() => platform.YearAsync("15", 2025), y => KpiPlatform.ValueOf(y) is not null);
        Assert.Equal(0m, KpiPlatform.ValueOf(campaigns));
        Assert.Equal("NotAchieved", campaigns.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_surveys_population_narrows_16s_interval_to_the_surveys_own_and_a_late_smaller_one_does_not_shrink_it()
    {
        var surveyId = Guid.NewGuid();
        foreach (var rating in new[] { 5, 4, 4, 2 })
        {
            await platform.PublishAsync(Response(SurveyKind.PartnerSatisfaction, 2027, rating) with { SurveyId = surveyId });
        }
        static (decimal, decimal)? Interval(System.Text.Json.JsonElement y) => y.GetProperty("ciLow").ValueKind == System.Text.Json.JsonValueKind.Number
            ? (y.GetProperty("ciLow").GetDecimal(), y.GetProperty("ciHigh").GetDecimal()) : null;
        // 3 of 4: without a known population, the plain Wilson interval.
        await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2027), y => Interval(y) == (30.1m, 95.4m));

        // Six organisations were invited, four answered: the finite-population correction, as the survey's results apply it.
        await platform.PublishAsync(new SurveyPopulationChanged(surveyId, SurveyKind.PartnerSatisfaction, 2027, 6, 1, DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2027), y => Interval(y) == (44.2m, 91.9m));

        // An older message (five invited) arriving late leaves the larger population.
        var late = Guid.NewGuid();
        await platform.PublishAsync(new SurveyPopulationChanged(surveyId, SurveyKind.PartnerSatisfaction, 2027, 5, 1, DateTimeOffset.UtcNow.AddMinutes(-1)), late);
        await Eventually.ReturnsAsync(() => platform.ConsumedAsync(late), consumed => consumed);
        var year = await platform.YearAsync("16", 2027);
        Assert.Equal((44.2m, 91.9m), Interval(year));
        Assert.Equal(75.0m, KpiPlatform.ValueOf(year));

        // The drill-down lists the survey with the population its interval was corrected for, and makes the tile's value and interval.
        using var reader = platform.Reader();
        var counted = await DrillDowns.AssertListMakesTheTileAsync(reader, "16", 2027);
        var survey = Assert.Single(counted.GetProperty("surveys").EnumerateArray());
        Assert.Equal((surveyId, 6), (survey.GetProperty("surveyId").GetGuid(), survey.GetProperty("population").GetInt32()));
    }

    [Fact]
    public async Task A_media_event_revised_from_interview_to_press_release_no_longer_counts_for_13_even_if_the_old_version_arrives_late()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        var interview = new MediaEventRecorded(id, 1, Facts(new DateOnly(2025, 3, 4), MediaEventType.Interview), DateTimeOffset.UtcNow);
        await platform.PublishAsync(interview);
        await platform.PublishAsync(new MediaEventRecorded(other, 1, Facts(new DateOnly(2025, 3, 5), MediaEventType.MediaBriefing), DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2025), y => KpiPlatform.ValueOf(y) == 2m);

        await platform.PublishAsync(new MediaEventRevised(id, 2, Facts(new DateOnly(2025, 3, 4), MediaEventType.PressRelease, proactive: false), DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2025), y => KpiPlatform.ValueOf(y) == 1m);
        // Version 1 re-published under a new message id is older than what is held: ignored.
        var late = Guid.NewGuid();
        await platform.PublishAsync(interview, late);
        await Eventually.ReturnsAsync(() => platform.ConsumedAsync(late), consumed => consumed);

        Assert.Equal(1m, KpiPlatform.ValueOf(await platform.YearAsync("13", 2025)));
        Assert.Equal(2, await MediaEventVersionAsync(id));
    }

    [Fact]
    public async Task A_withdrawn_media_event_no_longer_counts()
    {
        var id = Guid.NewGuid();
        await platform.PublishAsync(new MediaEventRecorded(id, 1, Facts(new DateOnly(2024, 6, 1), MediaEventType.PressConference), DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2024), y => KpiPlatform.ValueOf(y) == 1m);

        await platform.PublishAsync(new MediaEventWithdrawn(id, 2, "Logged twice", DateTimeOffset.UtcNow));

        var year = await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2024), y => KpiPlatform.ValueOf(y) == 0m);
        // 0 events in 2024 against 10 in 2023.
        Assert.Equal("NotAchieved", year.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Achievement_news_give_14_the_months_that_met_two_and_the_counts_per_month()
    {
        var news = new (int Month, int Day)[] { (1, 3), (1, 20), (2, 14), (3, 1), (3, 2), (3, 30) };
        foreach (var (month, day) in news)
        {
            await platform.PublishAsync(new MediaEventRecorded(Guid.NewGuid(), 1,
                Facts(new DateOnly(2024, month, day), MediaEventType.AchievementNews, proactive: false, achievement: true), DateTimeOffset.UtcNow));
        }
        // An event that is not achievement news does not lift February to two.
        var other = Guid.NewGuid();
        await platform.PublishAsync(new MediaEventRecorded(other, 1, Facts(new DateOnly(2024, 2, 15), MediaEventType.Other, proactive: false), DateTimeOffset.UtcNow));

        var year = await Eventually.ReturnsAsync(() => platform.YearAsync("14", 2024),
            y => y.GetProperty("monthly").ValueKind == System.Text.Json.JsonValueKind.Array && y.GetProperty("monthly").EnumerateArray().Sum(m => m.GetInt32()) == 6);
        await Eventually.ReturnsAsync(() => MediaEventVersionAsync(other), v => v == 1);

        year = await platform.YearAsync("14", 2024);
        Assert.Equal([2, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0], year.GetProperty("monthly").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal(2m, KpiPlatform.ValueOf(year));
        // 2024 is over and nine months had fewer than two.
        Assert.Equal("NotAchieved", year.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Answers_keep_being_recorded_while_16_is_held_for_writing_and_are_counted_once_it_is_free()
    {
        var surveyId = Guid.NewGuid();
        await using (var holder = await platform.OpenDatabaseAsync())
        {
            // Another writer of 16 (an entered value, a rebuild) holds its lock.
            await using var held = await holder.BeginTransactionAsync();
            await Dapper.SqlMapper.ExecuteAsync(holder, "SELECT 1 FROM indicators WHERE number = '16' FOR UPDATE", transaction: held);
            foreach (var rating in new[] { 5, 4, 2 })
            {
                await platform.PublishAsync(Response(SurveyKind.PartnerSatisfaction, 2024, rating) with { SurveyId = surveyId });
            }
            // The answers are not queued behind the lock: their facts are recorded meanwhile…
            await Eventually.ReturnsAsync(() => FactsOfAsync(surveyId), facts => facts == 3);
            // …and 16 is not recounted while the lock is held: the recount needs it.
            Assert.Equal(JsonValueKind.Null, (await platform.YearAsync("16", 2024)).GetProperty("n").ValueKind);
            await held.RollbackAsync();
        }
        var year = await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2024), y => y.GetProperty("n").ValueKind == JsonValueKind.Number);
        Assert.Equal((3, 2), (year.GetProperty("n").GetInt32(), year.GetProperty("positive").GetInt32()));
    }

    [Fact]
    public async Task A_recount_noted_with_its_answer_but_not_yet_done_when_the_service_stopped_is_done_afterwards()
    {
        // What a crash between an answer's commit and its recount leaves: the fact and the note, no signal.
        await using (var connection = await platform.OpenDatabaseAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                INSERT INTO survey_response_facts (response_id, survey_id, kind, year, positive, counted, submitted_at)
                VALUES (@response, @survey, 'CampaignEvaluation', 2024, 1, 2, '2024-05-01');
                INSERT INTO pending_recounts (indicator_number, year) VALUES ('15', 2024);
                """, new { response = Guid.NewGuid(), survey = Guid.NewGuid() });
        }
        var year = await Eventually.ReturnsAsync(() => platform.YearAsync("15", 2024), y => KpiPlatform.ValueOf(y) is not null);
        Assert.Equal((50.0m, 2), (KpiPlatform.ValueOf(year), year.GetProperty("n").GetInt32()));
    }

    [Fact]
    public async Task Facts_corrected_moved_to_another_kind_and_year_or_removed_behind_the_consumers_back_are_recounted_from_the_survey_totals()
    {
        // As a replay from the sources corrects facts, or a DBA removes one: no message, no note, only the facts change.
        var survey = Guid.NewGuid();
        SurveyResponseSubmitted Answer(params int[] ratings) => Response(SurveyKind.PartnerSatisfaction, 2025, ratings) with { SurveyId = survey };
        var (corrected, moved, removed) = (Answer(5, 4), Answer(2), Answer(5));
        foreach (var answer in new[] { corrected, moved, removed })
        {
            await platform.PublishAsync(answer);
        }
        var before = await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2025), y => y.GetProperty("n").ValueKind == JsonValueKind.Number && y.GetProperty("n").GetInt32() == 4);
        Assert.Equal(3, before.GetProperty("positive").GetInt32());

        await using (var connection = await platform.OpenDatabaseAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                UPDATE survey_response_facts SET positive = 1, counted = 2 WHERE response_id = @corrected;
                UPDATE survey_response_facts SET kind = 'CampaignEvaluation', year = 2027 WHERE response_id = @moved;
                DELETE FROM survey_response_facts WHERE response_id = @removed;
                """, new { corrected = corrected.ResponseId, moved = moved.ResponseId, removed = removed.ResponseId });
        }

        var partners = await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2025), y => y.GetProperty("n").GetInt32() == 2);
        Assert.Equal((50.0m, 1, 1), (KpiPlatform.ValueOf(partners), partners.GetProperty("positive").GetInt32(), partners.GetProperty("responses").GetInt32()));
        var campaigns = await Eventually.ReturnsAsync(() => platform.YearAsync("15", 2027), y => KpiPlatform.ValueOf(y) is not null);
        Assert.Equal((0m, 1), (KpiPlatform.ValueOf(campaigns), campaigns.GetProperty("n").GetInt32()));
        // The recount folded every change into the totals, which now say what the facts say.
        await using (var connection = await platform.OpenDatabaseAsync())
        {
            var totals = await Dapper.SqlMapper.QueryAsync<(string Kind, int Year, long Responses, long Counted, long Positive)>(connection,
                "SELECT kind, year, responses, counted, positive FROM survey_response_totals WHERE survey_id = @survey AND responses > 0 ORDER BY year", new { survey });
            Assert.Equal([("PartnerSatisfaction", 2025, 1L, 2L, 1L), ("CampaignEvaluation", 2027, 1L, 1L, 0L)], totals);
            Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM survey_response_changes WHERE survey_id = @survey", new { survey }));
        }
        using var counts = await platform.Reader().GetAsync($"/api/kpi/surveys/{survey}/response-count");
        Assert.Equal(2, (await counts.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("responses").GetInt32());
    }

    private async Task<long> FactsOfAsync(Guid surveyId)
    {
        await using var connection = await platform.OpenDatabaseAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM survey_response_facts WHERE survey_id = @surveyId", new { surveyId });
    }

    private async Task<int?> MediaEventVersionAsync(Guid id)
    {
        await using var connection = await platform.OpenDatabaseAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<int?>(connection, "SELECT version FROM media_event_facts WHERE media_event_id = @id", new { id });
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyPlatform.Contracts;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

public sealed class Drilling_down_into_a_computed_indicator(KpiPlatform platform) : IClassFixture<KpiPlatform>
{
    private static MediaEventFacts Facts(DateOnly date, MediaEventType type, bool proactive, bool achievement) => new(date, type, proactive, achievement, [8], null);

    private static List<Guid> Ids(JsonElement counted) =>
        [.. counted.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("mediaEventId").GetGuid())];

    [Fact]
    public async Task Lists_exactly_the_media_events_13_and_14_counted_after_creates_edits_withdrawals_a_new_target_and_a_rebuild()
    {
        using var reader = platform.Reader();
        var (briefing, interview, news, flagged, late) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await platform.PublishAsync(new MediaEventRecorded(briefing, 1, Facts(new(2024, 1, 10), MediaEventType.MediaBriefing, true, false), DateTimeOffset.UtcNow));
        await platform.PublishAsync(new MediaEventRecorded(interview, 1, Facts(new(2024, 1, 11), MediaEventType.Interview, true, true), DateTimeOffset.UtcNow));
        await platform.PublishAsync(new MediaEventRecorded(news, 1, Facts(new(2024, 1, 12), MediaEventType.AchievementNews, false, true), DateTimeOffset.UtcNow));
        await platform.PublishAsync(new MediaEventRecorded(flagged, 1, Facts(new(2024, 2, 1), MediaEventType.PressRelease, false, true), DateTimeOffset.UtcNow));
        await platform.PublishAsync(new MediaEventRecorded(late, 1, Facts(new(2024, 12, 31), MediaEventType.TvOrRadioAppearance, true, false), DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("14", 2024), y => y.GetProperty("monthly").ValueKind == JsonValueKind.Array
            && y.GetProperty("monthly").EnumerateArray().Sum(m => m.GetInt32()) == 3 && KpiPlatform.ValueOf(y) == 1m);
        await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2024), y => KpiPlatform.ValueOf(y) == 3m);

        Assert.Equal(new[] { briefing, interview, late }, Ids(await DrillDowns.AssertListMakesTheTileAsync(reader, "13", 2024)));
        Assert.Equal(new[] { interview, news, flagged }, Ids(await DrillDowns.AssertListMakesTheTileAsync(reader, "14", 2024)));

        // The interview becomes a press release in February; the briefing is withdrawn.
        await platform.PublishAsync(new MediaEventRevised(interview, 2, Facts(new(2024, 2, 2), MediaEventType.PressRelease, false, true), DateTimeOffset.UtcNow));
        await platform.PublishAsync(new MediaEventWithdrawn(briefing, 2, "Logged twice", DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(() => platform.YearAsync("13", 2024), y => KpiPlatform.ValueOf(y) == 1m);
        await Eventually.ReturnsAsync(() => platform.YearAsync("14", 2024), y => KpiPlatform.ValueOf(y) == 1m
            && y.GetProperty("monthly").EnumerateArray().Take(2).Select(m => m.GetInt32()).SequenceEqual([1, 2]));

        Assert.Equal(new[] { late }, Ids(await DrillDowns.AssertListMakesTheTileAsync(reader, "13", 2024)));
        Assert.Equal(new[] { news, flagged, interview }, Ids(await DrillDowns.AssertListMakesTheTileAsync(reader, "14", 2024)));

        // At least one a month instead of two: the tile recounts its months at once, and the list judges by the same N.
        using var admin = platform.Administrator();
        var definition = JsonNode.Parse((await platform.IndicatorAsync("14")).GetProperty("definition").GetRawText())!;
        definition["target"]!["value"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/kpi/indicators/14", new { definition, reason = "Monitoring group: one a month" })).StatusCode);
        Assert.Equal(2m, KpiPlatform.ValueOf(await platform.YearAsync("14", 2024)));
        Assert.Equal(1, (await DrillDowns.AssertListMakesTheTileAsync(reader, "14", 2024)).GetProperty("perMonth").GetInt32());

        // A rebuild from the stored facts lists and counts the same.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/kpi/replay?from=facts", null)).StatusCode);
        Assert.Equal(new[] { late }, Ids(await DrillDowns.AssertListMakesTheTileAsync(reader, "13", 2024)));
        Assert.Equal(2m, KpiPlatform.ValueOf(await platform.YearAsync("14", 2024)));
        await DrillDowns.AssertListMakesTheTileAsync(reader, "14", 2024);
    }

    [Fact]
    public async Task Lists_each_survey_counted_for_15_and_16_with_its_n_adding_up_to_the_tile()
    {
        using var reader = platform.Reader();
        var (first, second, campaign) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        SurveyResponseSubmitted Response(Guid survey, SurveyKind kind, params int[] ratings) => new(Guid.NewGuid(), survey, kind, 2027, null, RespondentCategory.Ngo,
            [.. ratings.Select((r, i) => new CountedRating($"q{i}", r))], DateTimeOffset.UtcNow);
        await platform.PublishAsync(Response(first, SurveyKind.PartnerSatisfaction, 5, 4, 2));
        await platform.PublishAsync(Response(first, SurveyKind.PartnerSatisfaction, 3));
        await platform.PublishAsync(Response(second, SurveyKind.PartnerSatisfaction, 5, 5));
        await platform.PublishAsync(Response(second, SurveyKind.PartnerSatisfaction)); // only "cannot say": a response, no rating
        await platform.PublishAsync(Response(campaign, SurveyKind.CampaignEvaluation, 4, 1));
        await Eventually.ReturnsAsync(() => platform.YearAsync("16", 2027), y => y.GetProperty("responses").ValueKind == JsonValueKind.Number && y.GetProperty("responses").GetInt32() == 4);
        await Eventually.ReturnsAsync(() => platform.YearAsync("15", 2027), y => KpiPlatform.ValueOf(y) is not null);

        var satisfaction = await DrillDowns.AssertListMakesTheTileAsync(reader, "16", 2027);
        var campaigns = await DrillDowns.AssertListMakesTheTileAsync(reader, "15", 2027);

        var surveys = satisfaction.GetProperty("surveys").EnumerateArray().ToDictionary(s => s.GetProperty("surveyId").GetGuid(), s => (s.GetProperty("responses").GetInt32(), s.GetProperty("n").GetInt32(), s.GetProperty("positive").GetInt32()));
        Assert.Equal((2, 4, 2), surveys[first]);
        Assert.Equal((2, 2, 2), surveys[second]);
        Assert.Equal(campaign, Assert.Single(campaigns.GetProperty("surveys").EnumerateArray()).GetProperty("surveyId").GetGuid());
        Assert.Equal(66.7m, satisfaction.GetProperty("value").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/kpi/indicators/1/counted/2025")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

/// <summary>
/// Indicators 13–16 through all three services: what the communications unit logs and partners
/// answer, what the aggregator counts, what its drill-downs list and what the media-events list
/// filtered by indicator shows are the same, after creates, edits, withdrawals and a rebuild.
/// </summary>
public sealed class Drilling_down_across_the_services(ThreeServices platform) : IClassFixture<ThreeServices>
{
    private const int Year = 2025;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task The_drill_downs_and_the_media_events_list_agree_with_the_tiles_after_creates_edits_withdrawals_and_a_rebuild()
    {
        using var communications = platform.Bed.CreateStaffClient(platform.MediaEvents, [StaffRoles.Communications], ["KN"], "kn");
        using var reader = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Leadership]);
        using var manager = platform.Bed.CreateStaffClient(platform.Surveys, [StaffRoles.SurveyManager]);
        async Task<MediaEventDto> Log(string day, MediaEventType type, bool achievement = false)
        {
            var response = await communications.PostAsJsonAsync("/api/media-events", Event(DateTimeOffset.Parse($"{day}T10:00:00+02:00"), type, achievement), Json);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<MediaEventDto>(Json))!;
        }
        var briefing = await Log($"{Year}-01-15", MediaEventType.MediaBriefing);
        var interview = await Log($"{Year}-01-20", MediaEventType.Interview, achievement: true);
        var news = await Log($"{Year}-01-25", MediaEventType.AchievementNews);
        await Log($"{Year}-02-01", MediaEventType.AchievementNews);
        await Log($"{Year}-02-02", MediaEventType.PressRelease, achievement: true);
        await Log($"{Year}-02-03", MediaEventType.OpinionArticle);
        await Log($"{Year}-02-04", MediaEventType.SocialMediaCampaignActivity);
        await Log($"{Year}-03-05", MediaEventType.PressConference);
        // Partners answer two yearly surveys through their links (5 and 2; 4), the public a campaign evaluation (4 and 1).
        using var respondent = platform.Surveys.CreateClient();
        var (_, partners) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, Year, 2);
        var (_, otherPartners) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, Year, 1);
        var campaign = await SurveyRespondents.OpenCampaignSurveyAsync(manager, Year);
        foreach (var (token, rating) in partners.Zip([5, 2]).Append((otherPartners[0], 4)))
        {
            await SurveyRespondents.AnswerLinkAsync(respondent, token, rating);
        }
        foreach (var rating in new[] { 4, 1 })
        {
            await SurveyRespondents.AnswerOpenAsync(respondent, campaign, rating);
        }

        await SettledAsync(reader, proactive: 3, news: 4, partnerN: 3);
        await AssertAllAgreeAsync(reader, communications, "created");

        // The briefing turns out to have been a press release, the interview never happened, a news item moves to March.
        var revised = await communications.PutAsJsonAsync($"/api/media-events/{briefing.Id}", Event(briefing.StartsAt, MediaEventType.PressRelease, false, briefing.Version), Json);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var withdrawn = await communications.PostAsJsonAsync($"/api/media-events/{interview.Id}/withdraw", new WithdrawRequest("Cancelled by the broadcaster", null), Json);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var moved = await communications.PutAsJsonAsync($"/api/media-events/{news.Id}", Event(DateTimeOffset.Parse($"{Year}-03-10T10:00:00+02:00"), MediaEventType.AchievementNews, false, news.Version), Json);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        await SettledAsync(reader, proactive: 1, news: 3, partnerN: 3);
        await AssertAllAgreeAsync(reader, communications, "edited and withdrawn");

        using var admin = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Administrator]);
        var rebuild = await admin.PostAsync("/api/kpi/replay", null);
        var result = await rebuild.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(rebuild.StatusCode == HttpStatusCode.OK && result.GetProperty("allEqual").GetBoolean(), result.ToString());
        await AssertAllAgreeAsync(reader, communications, "rebuilt");
    }

    /// <summary>Waits until the aggregator has consumed what the sources published.</summary>
    private static async Task SettledAsync(HttpClient reader, int proactive, int news, int partnerN)
    {
        await Eventually.ReturnsAsync(() => YearAsync(reader, "13", Year), y => Value(y) == proactive, because: "13 never counted the events");
        await Eventually.ReturnsAsync(() => YearAsync(reader, "14", Year),
            y => y.GetProperty("monthly").ValueKind == JsonValueKind.Array && y.GetProperty("monthly").EnumerateArray().Sum(m => m.GetInt32()) == news,
            because: "14 never counted the news");
        await Eventually.ReturnsAsync(() => YearAsync(reader, "16", Year), y => y.GetProperty("n").ValueKind == JsonValueKind.Number && y.GetProperty("n").GetInt32() == partnerN);
        await Eventually.ReturnsAsync(() => YearAsync(reader, "15", Year), y => Value(y) is not null);
    }

    private static async Task AssertAllAgreeAsync(HttpClient reader, HttpClient communications, string after)
    {
        foreach (var number in new[] { "13", "14" })
        {
            var counted = await DrillDowns.AssertListMakesTheTileAsync(reader, number, Year);
            var page = await communications.GetFromJsonAsync<MediaEventPage>($"/api/media-events?countsFor={number}&from={Year}-01-01&to={Year}-12-31&take=200", Json);
            Assert.True(counted.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("mediaEventId").GetGuid()).Order()
                .SequenceEqual(page!.Items.Select(e => e.Id).Order()), $"{number} {after}: the media-events list differs from the drill-down");
        }
        await DrillDowns.AssertListMakesTheTileAsync(reader, "15", Year);
        var partners = await DrillDowns.AssertListMakesTheTileAsync(reader, "16", Year);
        Assert.Equal(2, partners.GetProperty("surveys").GetArrayLength());
    }

    private static MediaEventInput Event(DateTimeOffset startsAt, MediaEventType type, bool achievement, int? version = null) =>
        new(startsAt, startsAt.AddHours(1), type, $"{type} {startsAt:MMdd}", "", [8], null, null, null, ["LSM"], 1000, null, [], "lv", achievement, version);

    private static async Task<JsonElement> YearAsync(HttpClient reader, string number, int year) =>
        (await reader.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}")).GetProperty("indicator").GetProperty("years")
            .EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year);

    private static decimal? Value(JsonElement year) => year.GetProperty("value").ValueKind == JsonValueKind.Number ? year.GetProperty("value").GetDecimal() : null;
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi;
using StrategyPlatform.MediaEvents;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Templates;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

/// <summary>The three services in-process; the aggregator finds the sources the way Aspire tells it (<c>services:&lt;name&gt;:http:0</c>).</summary>
public sealed class ThreeServices : IAsyncLifetime
{
    public ServiceTestBed Bed { get; } = new();
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;
    public ServiceHost<MediaEventsService> MediaEvents { get; private set; } = null!;
    public ServiceHost<KpiService> Kpi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", realHttp: true);
        MediaEvents = await Bed.StartServiceAsync<MediaEventsService>("mediadb", realHttp: true);
        Kpi = await Bed.StartServiceAsync<KpiService>("kpidb", new Dictionary<string, string?>
        {
            ["services:surveys:http:0"] = Surveys.Address,
            ["services:mediaevents:http:0"] = MediaEvents.Address,
        });
    }

    public Task DisposeAsync() => Bed.DisposeAsync();

    public async Task<NpgsqlConnection> KpiDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Kpi.Services.GetRequiredService<IConfiguration>().GetConnectionString("kpidb"));
        await connection.OpenAsync();
        return connection;
    }
}

public sealed class Replaying_from_the_sources(ThreeServices platform) : IClassFixture<ThreeServices>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Rebuilds_the_survey_and_media_indicators_from_the_services_equal_to_the_live_ones_and_repairs_lost_facts()
    {
        // Three partners answer a real survey (overall 5, 5 and 2); communications log three media events.
        using var manager = platform.Bed.CreateStaffClient(platform.Surveys, [StaffRoles.SurveyManager]);
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year = 2026 });
        var surveyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var import = await manager.PostAsync("/api/organisations/import",
            new StringContent("name;category;email\nA;Ngo;a@a.lv\nB;Municipality;b@b.lv\nC;Ngo;c@c.lv\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var opened = await manager.PostAsJsonAsync($"/api/surveys/{surveyId}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" });
        var links = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").Deserialize<InvitationLink[]>(Json)!;
        using var respondent = platform.Surveys.CreateClient();
        foreach (var (link, overall) in links.Zip([5, 5, 2]))
        {
            var answered = await respondent.PostAsJsonAsync($"/api/answer/{link.Token}", Sheet(link.Category, overall), Json);
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }
        using var communications = platform.Bed.CreateStaffClient(platform.MediaEvents, [StaffRoles.Communications]);
        var day = DateTimeOffset.Parse("2026-03-10T10:00:00+02:00");
        var events = new List<Guid>();
        foreach (var (type, achievement) in new[] { (MediaEventType.MediaBriefing, false), (MediaEventType.PressRelease, true), (MediaEventType.Interview, false) })
        {
            var logged = await communications.PostAsJsonAsync("/api/media-events", Event(day.AddDays(events.Count), type, achievement), Json);
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
            events.Add((await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        using var reader = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Leadership]);
        // All three invited answered: a census, so the interval (once the population arrived) is the value itself.
        var satisfaction = await Eventually.ReturnsAsync(() => YearAsync(reader, "16", 2026), y => y.GetProperty("n").ValueKind == JsonValueKind.Number
            && y.GetProperty("n").GetInt32() == 3 && y.GetProperty("ciLow").GetDecimal() == y.GetProperty("ciHigh").GetDecimal());
        await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await platform.KpiDatabaseAsync();
            return await db.ExecuteScalarAsync<int>("SELECT count(*) FROM media_event_facts");
        }, count => count == 3);
        var proactive = await YearAsync(reader, "13", 2026);
        Assert.Equal(2m, proactive.GetProperty("value").GetDecimal()); // the briefing and the interview; a press release does not count
        Assert.Equal(66.7m, Math.Round(satisfaction.GetProperty("value").GetDecimal(), 1));

        using var admin = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Administrator]);
        var first = await ReplayAsync(admin);
        Assert.True(first.GetProperty("allEqual").GetBoolean(), first.ToString());
        Assert.Equal("Sources", first.GetProperty("from").GetString());
        var (responsesRead, eventsRead, corrected, removed) = SourceCounts(first);
        Assert.Equal((3, 0, 0), (eventsRead, corrected, removed));
        await using (var db = await platform.KpiDatabaseAsync())
        {
            Assert.Equal(responsesRead, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM survey_response_facts"));
        }

        // Now the aggregator has lost a response and an event (messages that never came) and holds a response no source
        // knows: the replay from the sources puts all of it right. The lost response is the one with the largest share
        // of positive ratings, so the damaged facts make a lower value than the sources' and the difference shows.
        decimal damaged;
        await using (var db = await platform.KpiDatabaseAsync())
        {
            await db.ExecuteAsync("""
                DELETE FROM survey_response_facts WHERE response_id = (SELECT response_id FROM survey_response_facts
                    WHERE survey_id = @surveyId ORDER BY positive::numeric / greatest(counted, 1) DESC LIMIT 1)
                """, new { surveyId });
            await db.ExecuteAsync("DELETE FROM media_event_facts WHERE media_event_id = @id", new { id = events[0] });
            await db.ExecuteAsync("""
                INSERT INTO survey_response_facts (response_id, survey_id, kind, year, positive, counted, submitted_at)
                VALUES (gen_random_uuid(), @surveyId, 'PartnerSatisfaction', 2026, 0, 1, current_date)
                """, new { surveyId });
            var (positive, counted) = await db.QuerySingleAsync<(long, long)>(
                "SELECT sum(positive), sum(counted) FROM survey_response_facts WHERE survey_id = @surveyId", new { surveyId });
            damaged = Math.Round(100m * positive / counted, 1);
        }
        var second = await ReplayAsync(admin);

        Assert.False(second.GetProperty("allEqual").GetBoolean());
        var rebuilt16 = second.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("number").GetString() == "16" && v.GetProperty("year").GetInt32() == 2026);
        // What dashboards showed: the damaged facts, recounted as soon as they changed (Kpi migration 0011's totals).
        Assert.Equal(damaged, Math.Round(rebuilt16.GetProperty("live").GetDecimal(), 1));
        Assert.True(rebuilt16.GetProperty("live").GetDecimal() < rebuilt16.GetProperty("rebuilt").GetDecimal(), rebuilt16.ToString());
        Assert.Equal((responsesRead, 2, 1), SourceCounts(second) is var (read, _, fixedUp, dropped) ? (read, fixedUp, dropped) : default);
        Assert.Equal(satisfaction.ToString(), (await YearAsync(reader, "16", 2026)).ToString());
        Assert.Equal(proactive.ToString(), (await YearAsync(reader, "13", 2026)).ToString());
        await using (var db = await platform.KpiDatabaseAsync())
        {
            Assert.Equal(responsesRead, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM survey_response_facts"));
            Assert.Equal(3, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM media_event_facts"));
        }

        // Only an Administrator replays; a bad 'from' is named.
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/kpi/replay", null)).StatusCode);
        var bad = await admin.PostAsync("/api/kpi/replay?from=yesterday", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task The_surveys_feed_is_for_administrators_and_pages_by_response_id()
    {
        using var admin = platform.Bed.CreateStaffClient(platform.Surveys, [StaffRoles.Administrator]);
        using var manager = platform.Bed.CreateStaffClient(platform.Surveys, [StaffRoles.SurveyManager]);
        using var respondent = platform.Surveys.CreateClient();
        var campaign = await SurveyRespondents.OpenCampaignSurveyAsync(manager, 2025);
        for (var i = 0; i < 3; i++)
        {
            await SurveyRespondents.AnswerOpenAsync(respondent, campaign, 4);
        }

        var all = new List<SurveyResponseSubmitted>();
        Guid? after = null;
        var pages = 0;
        do
        {
            var page = (await admin.GetFromJsonAsync<SurveyResponseFactsPage>($"/api/surveys/response-facts?take=2{(after is null ? "" : $"&afterId={after}")}", Json))!;
            all.AddRange(page.Items);
            after = page.NextAfterId;
        }
        while (after is not null && ++pages < 20);

        Assert.Equal(all.Select(r => r.ResponseId).Order(), all.Select(r => r.ResponseId));
        Assert.Equal(all.Count, all.Select(r => r.ResponseId).Distinct().Count());
        Assert.True(all.Count(r => r.SurveyKind == SurveyKind.CampaignEvaluation && r.Year == 2025) >= 3);
        // A per-response row carries no respondent category: the aggregator does not count by it.
        Assert.All(all, r => Assert.Null(r.RespondentCategory));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/surveys/response-facts")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/surveys/response-facts?take=0")).StatusCode);
        // Settle: the aggregator has counted them, so the other test's replay compares nothing in flight.
        using var reader = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Leadership]);
        await Eventually.ReturnsAsync(() => YearAsync(reader, "15", 2025), y => y.GetProperty("n").ValueKind == JsonValueKind.Number && y.GetProperty("n").GetInt32() >= 3);
    }

    private static AnswerSheet Sheet(RespondentCategory category, int overall) => new(category,
        PartnerSatisfactionTemplate.Definition().Questions.Where(q => q.Type == QuestionType.Likert)
            .ToDictionary(q => q.Id, q => new Answer(Value: q.Id == "overall-satisfaction" ? overall : 4)));

    private static MediaEventInput Event(DateTimeOffset startsAt, MediaEventType type, bool achievement) =>
        new(startsAt, startsAt.AddHours(1), type, $"{type} on pay transparency", "", [8], null, null, null, ["LSM"], 1000, null, [], "lv", achievement);

    private static async Task<JsonElement> YearAsync(HttpClient reader, string number, int year) =>
        (await reader.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}")).GetProperty("indicator").GetProperty("years")
            .EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year);

    private static async Task<JsonElement> ReplayAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/kpi/replay", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static (int Responses, int Events, int Corrected, int Removed) SourceCounts(JsonElement replay)
    {
        var s = replay.GetProperty("sources");
        return (s.GetProperty("surveyResponsesRead").GetInt32(), s.GetProperty("mediaEventsRead").GetInt32(),
            s.GetProperty("factsCorrected").GetInt32(), s.GetProperty("factsRemoved").GetInt32());
    }
}

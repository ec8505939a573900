using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Templates;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

/// <summary>
/// One figure, one interval: the survey's results (Wilson with the finite-population correction, the
/// invited population being known) and indicator 16 in the aggregator show the same 95 % interval,
/// through the broker, after more links are issued, and after a rebuild from the sources.
/// </summary>
public sealed class Carrying_the_survey_population(ThreeServices platform) : IClassFixture<ThreeServices>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // A year still to come (the target year), so the status is a forecast: at risk or on track.
    private const int Year = 2027;

    [Fact]
    public async Task Indicator_16_shows_the_surveys_corrected_interval_judges_its_status_on_it_and_follows_new_links_and_a_rebuild()
    {
        using var manager = platform.Bed.CreateStaffClient(platform.Surveys, [StaffRoles.SurveyManager]);
        var links = await OpenSurveyAsync(manager, Organisations("A", 10));
        Assert.Equal(10, links.Tokens.Count);
        var surveyId = links.SurveyId;

        // 8 of the 10 invited answer; 6 rate the overall satisfaction 4–5: 75 %.
        using var respondent = platform.Surveys.CreateClient();
        foreach (var (token, overall) in links.Tokens.Zip([5, 5, 4, 4, 4, 3, 2, 5]))
        {
            var answered = await respondent.PostAsJsonAsync($"/api/answer/{token}", Sheet(overall), Json);
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }

        using var reader = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Leadership]);
        var survey = await SurveyIntervalAsync(manager, surveyId);
        Assert.Equal((58.9m, 86.2m), survey); // uncorrected Wilson for 6 of 8 would be 40.9–92.9 %
        var year = await Eventually.ReturnsAsync(() => YearAsync(reader), y => Interval(y) == survey, because: "the aggregator shows the survey's interval");
        Assert.Equal(75.0m, year.GetProperty("value").GetDecimal());
        // 16's target is "not below 88.8 %": the corrected interval lies wholly below it, so 2027 is at risk.
        Assert.Equal("AtRisk", year.GetProperty("status").GetString());

        // Ten more organisations get links; nobody else answers. The population doubles, so the interval widens
        // (to include 88.8 %) in both places, and the status follows without any new response.
        var more = await manager.PostAsync("/api/organisations/import", Csv(Organisations("B", 10)));
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var issued = await manager.PostAsync($"/api/surveys/{surveyId}/invitations", null);
        Assert.Equal(10, (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        var widened = await SurveyIntervalAsync(manager, surveyId);
        Assert.Equal((47.5m, 90.9m), widened);
        year = await Eventually.ReturnsAsync(() => YearAsync(reader), y => Interval(y) == widened, because: "the aggregator heard of the new links");
        Assert.Equal("OnTrack", year.GetProperty("status").GetString());

        // The aggregator lost the population (a message that never came): the rebuild reads it from the Surveys service again.
        await using (var db = await platform.KpiDatabaseAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "DELETE FROM survey_populations WHERE survey_id = @surveyId", new { surveyId });
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE computed_values SET ci_low = 40.9, ci_high = 92.9 WHERE indicator_number = '16' AND year = @Year", new { Year });
        }
        using var admin = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Administrator]);
        var replay = await admin.PostAsync("/api/kpi/replay", null);
        var result = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(replay.IsSuccessStatusCode, result.ToString());
        var rebuilt = result.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("number").GetString() == "16" && v.GetProperty("year").GetInt32() == Year);
        Assert.False(rebuilt.GetProperty("equal").GetBoolean());
        Assert.Equal([47.5m, 90.9m], rebuilt.GetProperty("rebuiltInterval").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal(widened, Interval(await YearAsync(reader)));
        Assert.True(result.GetProperty("sources").GetProperty("surveyPopulationsRead").GetInt32() >= 1);
        // The drill-down's list makes the same value and interval as the tile, after the rebuild too.
        await DrillDowns.AssertListMakesTheTileAsync(reader, "16", Year);
    }

    private static async Task<(Guid SurveyId, IReadOnlyList<string> Tokens)> OpenSurveyAsync(HttpClient manager, string organisations)
    {
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year = Year });
        var surveyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync("/api/organisations/import", Csv(organisations))).StatusCode);
        var open = await manager.PostAsJsonAsync($"/api/surveys/{surveyId}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" });
        var links = (await open.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").Deserialize<InvitationLink[]>(Json)!;
        return (surveyId, [.. links.Select(l => l.Token)]);
    }

    private static string Organisations(string batch, int count) => string.Concat(Enumerable.Range(1, count)
        .Select(i => $"{Year} {batch}{i};Ngo;{batch.ToLowerInvariant()}{i}@{Year}.example.lv\n"));

    private static StringContent Csv(string rows) => new("name;category;email\n" + rows, Encoding.UTF8, "text/csv");

    private static AnswerSheet Sheet(int overall) => new(RespondentCategory.Ngo,
        PartnerSatisfactionTemplate.Definition().Questions.Where(q => q.Type == QuestionType.Likert)
            .ToDictionary(q => q.Id, q => new Answer(Value: q.Id == "overall-satisfaction" ? overall : 4)));

    /// <summary>The survey's own indicator interval, in per cent to one decimal as every page shows it.</summary>
    private static async Task<(decimal, decimal)> SurveyIntervalAsync(HttpClient manager, Guid surveyId)
    {
        var interval = (await manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{surveyId}/results")).GetProperty("indicator").GetProperty("interval");
        static decimal Percent(JsonElement share) => Math.Round((decimal)share.GetDouble() * 100m, 1, MidpointRounding.AwayFromZero);
        return (Percent(interval.GetProperty("lower")), Percent(interval.GetProperty("upper")));
    }

    private static (decimal, decimal)? Interval(JsonElement year) =>
        year.GetProperty("ciLow").ValueKind == JsonValueKind.Number ? (year.GetProperty("ciLow").GetDecimal(), year.GetProperty("ciHigh").GetDecimal()) : null;

    private static async Task<JsonElement> YearAsync(HttpClient reader) =>
        (await reader.GetFromJsonAsync<JsonElement>("/api/kpi/indicators/16")).GetProperty("indicator").GetProperty("years")
            .EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == Year);
}

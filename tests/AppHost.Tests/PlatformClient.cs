using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Templates;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>What people do, through the services' own APIs on the running platform: a survey manager opens the yearly survey, partners answer it, the communications unit logs and revises media events.</summary>
internal sealed class PlatformClient(RunningPlatform platform)
{
    /// <summary>The yearly partner survey of <paramref name="year"/>, opened for <paramref name="partners"/> organisations: their invitation links' tokens.</summary>
    public async Task<IReadOnlyList<string>> OpenPartnerSurveyAsync(int year, int partners)
    {
        using var manager = platform.Client("surveys", [StaffRoles.SurveyManager]);
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = "name;category;email\n" + string.Concat(Enumerable.Range(1, partners).Select(i => $"Biedrība {year}-{i};Ngo;b{i}@y{year}.lv\n"));
        (await manager.PostAsync("/api/organisations/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var opened = await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = $"{year}-01-01", closesOn = "2099-12-31" });
        opened.EnsureSuccessStatusCode();
        return [.. (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").EnumerateArray()
            .Where(link => link.GetProperty("email").GetString()!.EndsWith($"@y{year}.lv", StringComparison.Ordinal))
            .Select(link => link.GetProperty("token").GetString()!)];
    }

    /// <summary>A partner's complete answer through the public answering API: every statement 4, overall <paramref name="overall"/>.</summary>
    public static HttpRequestMessage Answer(string token, int overall) => new(HttpMethod.Post, $"/api/answer/{token}")
    {
        Content = JsonContent.Create(new
        {
            respondentCategory = "Ngo",
            answers = PartnerSatisfactionTemplate.Definition().Questions
                .Where(q => q.Type == QuestionType.Likert)
                .ToDictionary(q => q.Id, q => new { value = q.Id == "overall-satisfaction" ? overall : 4 }),
        }),
    };

    /// <summary>The indicator as the dashboard shows it for <paramref name="year"/>.</summary>
    public async Task<JsonElement> IndicatorYearAsync(string number, int year)
    {
        using var leadership = platform.Client("kpi", [StaffRoles.Leadership]);
        var indicator = await leadership.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}");
        return indicator.GetProperty("indicator").GetProperty("years").EnumerateArray().SingleOrDefault(y => y.GetProperty("year").GetInt32() == year);
    }

    public static object MediaEvent(DateTimeOffset startsAt, string type, string title, int? version = null) => new
    {
        startsAt, type, title, summary = "", goals = new[] { 8 }, outlets = new[] { "LSM" }, estimatedReach = 5000,
        coverageLinks = Array.Empty<string>(), version,
    };
}

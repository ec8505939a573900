using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Templates;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// Partners answering the yearly survey through their invitation links at once: each submission is
/// checked against the frozen version, spends its single-use link and writes its message, all in one
/// transaction. Then how long until the KPI aggregator has counted them all.
/// </summary>
internal static class LinkAnswering
{
    public static async Task RunAsync(BenchmarkPlatform platform, int partners, int concurrency, Report report)
    {
        var created = await platform.SurveyManager.PostAsJsonAsync("/api/surveys/from-template", new { year = 2027 });
        created.EnsureSuccessStatusCode();
        var surveyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = new StringBuilder("name;category;email\n");
        for (var i = 0; i < partners; i++)
        {
            csv.Append($"Partner {i};{(i % 2 == 0 ? "Ngo" : "Municipality")};p{i}@example.lv\n");
        }
        (await platform.SurveyManager.PostAsync("/api/organisations/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var opened = await platform.SurveyManager.PostAsJsonAsync($"/api/surveys/{surveyId}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" });
        opened.EnsureSuccessStatusCode();
        var tokens = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").EnumerateArray()
            .Select(l => l.GetProperty("token").GetString()!).ToArray();
        var likert = PartnerSatisfactionTemplate.Definition().Questions.Where(q => q.Type == QuestionType.Likert).Select(q => q.Id).ToArray();

        var latencies = new double[tokens.Length];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tokens.Length)
            {
                var sheet = new { respondentCategory = i % 2 == 0 ? "Ngo" : "Municipality", answers = likert.ToDictionary(id => id, _ => new { value = 1 + i % 5 }) };
                var started = Stopwatch.GetTimestamp();
                using var response = await platform.Surveys.PostAsJsonAsync($"/api/answer/{tokens[i]}", sheet);
                response.EnsureSuccessStatusCode();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var accepted = clock.Elapsed;
        while (await platform.CountAsync(surveyId) < tokens.Length)
        {
            await Task.Delay(20);
        }
        var counted = clock.Elapsed;

        report.Add($"Answer through an invitation link ({concurrency} concurrent partners, {tokens.Length} links, {likert.Length} ratings each)", "throughput", $"{tokens.Length / accepted.TotalSeconds:0} responses/s");
        report.AddPercentiles("Answer through an invitation link: latency seen by a partner", latencies);
        report.Add($"All {tokens.Length} link answers counted by the KPI aggregator", "time from the first submission", $"{counted.TotalSeconds:0.0} s");
    }
}

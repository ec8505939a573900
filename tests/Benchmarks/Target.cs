using System.Net.Http.Headers;
using System.Text;

namespace StrategyPlatform.Benchmarks;

/// <summary>A system under load: where respondents send their answers, and how to see what it has counted.</summary>
internal sealed class Target(string name, HttpClient http, Guid[] surveys, CountProbe counts, IReadOnlyList<string> resources)
{
    public string Name => name;
    public Guid[] Surveys => surveys;
    public CountProbe Counts => counts;
    /// <summary>The processes whose CPU time is this system's: its own and the servers it runs on.</summary>
    public IReadOnlyList<string> Resources => resources;

    /// <summary>The same answer body for both systems: the open-link form of a campaign evaluation with one rating.</summary>
    private static readonly byte[][] Bodies = [.. Enumerable.Range(1, 5).Select(r =>
        Encoding.UTF8.GetBytes("{\"respondentCategory\":\"Resident\",\"answers\":{\"useful\":{\"value\":" + r + "}}}"))];

    public async Task AnswerAsync(Guid survey, int rating)
    {
        using var content = new ByteArrayContent(Bodies[rating - 1]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync($"/api/open/{survey}", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}

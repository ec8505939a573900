using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Templates;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.FaultSuite.Harness;

/// <summary>An invitation link of a partner survey: one organisation's single-use way to answer.</summary>
public sealed record InvitationLink(Guid SurveyId, int Year, string Token);

/// <summary>
/// Partners as a survey manager sets them up and as they answer: a panel of organisations imported once,
/// the yearly survey from the template opened for them (as many surveys as a scenario needs links), and a
/// complete answer through the public answering API whose comment carries the submission's marker, so the
/// response can be found in the Surveys database without anything else tying it to the respondent.
/// </summary>
public sealed class Respondents(FaultPlatform platform)
{
    /// <summary>A ministry's survey goes to a few hundred partner organisations.</summary>
    public const int PanelSize = 250;
    private readonly SemaphoreSlim importing = new(1);
    private readonly string tag = Guid.NewGuid().ToString("N")[..8];
    private bool imported;

    /// <summary>At least <paramref name="count"/> unused links, from new partner surveys of <paramref name="year"/>.</summary>
    public async Task<IReadOnlyList<InvitationLink>> OpenPartnerSurveysAsync(int year, int count)
    {
        await EnsurePanelAsync();
        using var manager = platform.Client(Resources.Surveys, [StaffRoles.SurveyManager]);
        var links = new List<InvitationLink>();
        while (links.Count < count)
        {
            var id = await CreateAsync(manager, "/api/surveys/from-template", new { year });
            var opened = await EnsureAsync(await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" }));
            links.AddRange((await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").EnumerateArray()
                .Where(link => link.GetProperty("email").GetString()!.EndsWith($"@{tag}.example.lv", StringComparison.Ordinal))
                .Select(link => new InvitationLink(id, year, link.GetProperty("token").GetString()!)));
        }
        return links.Take(count).ToList();
    }

    /// <summary>A partner's complete answer: every statement 4, overall <paramref name="overall"/>, the marker as the comment.</summary>
    public static HttpRequestMessage Answer(InvitationLink link, string marker, int overall = 5) => new(HttpMethod.Post, $"/api/answer/{link.Token}")
    {
        Content = JsonContent.Create(new
        {
            respondentCategory = "Ngo",
            answers = PartnerSatisfactionTemplate.Definition().Questions
                .Where(q => q.Type is QuestionType.Likert or QuestionType.FreeText)
                .ToDictionary(q => q.Id, q => q.Type == QuestionType.FreeText
                    ? (object)new { text = marker }
                    : new { value = q.Id == "overall-satisfaction" ? overall : 4 }),
        }),
    };

    /// <summary>A campaign evaluation (indicator 15) answered from its open link, with a comment question for the marker.</summary>
    public async Task<Guid> OpenCampaignSurveyAsync(int year)
    {
        using var manager = platform.Client(Resources.Surveys, [StaffRoles.SurveyManager]);
        return await SurveyRespondents.OpenCampaignSurveyAsync(manager, year, withComment: true);
    }

    /// <summary>A member of the public answering an open-link survey: the body only, so a client (the portal's, ours) sends it its own way.</summary>
    public static object OpenAnswer(string marker, int rating = 4) => new
    {
        respondentCategory = "Resident",
        answers = new Dictionary<string, object> { ["useful"] = new { value = rating }, ["comment"] = new { text = marker } },
    };

    private async Task EnsurePanelAsync()
    {
        await importing.WaitAsync();
        try
        {
            if (imported)
            {
                return;
            }
            using var manager = platform.Client(Resources.Surveys, [StaffRoles.SurveyManager]);
            var csv = new StringBuilder("name;category;email\n");
            for (var i = 0; i < PanelSize; i++)
            {
                csv.Append($"Partneris {tag}-{i:000};{(i % 2 == 0 ? "Ngo" : "Municipality")};p{i}@{tag}.example.lv\n");
            }
            await EnsureAsync(await manager.PostAsync("/api/organisations/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")));
            imported = true;
        }
        finally
        {
            importing.Release();
        }
    }

    private static async Task<Guid> CreateAsync(HttpClient manager, string path, object body) =>
        (await (await EnsureAsync(await manager.PostAsJsonAsync(path, body))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }
}

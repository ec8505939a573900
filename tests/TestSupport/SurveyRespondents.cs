using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StrategyPlatform.TestSupport;

/// <summary>
/// Responses the way respondents give them: a survey set up by a survey manager and answered
/// through the real answering APIs (an open link, or invitation links), validated against the frozen
/// version like any other answer. For tests and benchmarks that need responses counted by the aggregator.
/// </summary>
public static class SurveyRespondents
{
    /// <summary>A campaign evaluation (indicator 15) answered from an open link: one rating that counts.</summary>
    /// <param name="withComment">Also an optional free-text question, <c>comment</c> (the fault suite marks each answer with it).</param>
    public static async Task<Guid> OpenCampaignSurveyAsync(HttpClient manager, int year, bool withComment = false)
    {
        object[] comment = withComment
            ?
            [
                new
                {
                    id = "comment", comparisonKey = "comment", type = "FreeText", required = false, countsTowardIndicator = false,
                    text = new { lv = "Jūsu komentārs", en = "Your comment" },
                },
            ]
            : [];
        var created = await manager.PostAsJsonAsync("/api/surveys", new
        {
            kind = "CampaignEvaluation",
            year,
            campaignId = Guid.NewGuid(),
            mode = "OpenLink",
            title = new { lv = $"Kampaņas novērtējums {year}", en = $"Campaign evaluation {year}" },
            introduction = new { lv = "Lūdzu, novērtējiet kampaņu.", en = "Please rate the campaign." },
            definition = new
            {
                sections = new[]
                {
                    new
                    {
                        key = "campaign",
                        title = new { lv = "Kampaņa", en = "Campaign" },
                        questions = comment.Prepend(new
                        {
                            id = "useful", comparisonKey = "useful", type = "Likert", required = true, countsTowardIndicator = true,
                            text = new { lv = "Informācija bija noderīga.", en = "The information was useful." },
                            lowLabel = new { lv = "Pilnībā nepiekrītu", en = "Strongly disagree" },
                            highLabel = new { lv = "Pilnībā piekrītu", en = "Strongly agree" },
                        }).ToArray(),
                    },
                },
            },
        });
        await EnsureAsync(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await EnsureAsync(await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" }));
        return id;
    }

    /// <summary>One answer to <see cref="OpenCampaignSurveyAsync"/>'s survey, as a member of the public.</summary>
    public static async Task AnswerOpenAsync(HttpClient respondent, Guid surveyId, int rating)
    {
        using var response = await respondent.PostAsJsonAsync($"/api/open/{surveyId}",
            new { respondentCategory = "Resident", answers = new Dictionary<string, object> { ["useful"] = new { value = rating } } });
        await EnsureAsync(response);
    }

    /// <summary>The yearly partner survey (indicator 16) from the template, opened for <paramref name="organisations"/> new organisations; their link tokens.</summary>
    public static async Task<(Guid SurveyId, IReadOnlyList<string> Tokens)> OpenPartnerSurveyAsync(HttpClient manager, int year, int organisations, string? prefix = null)
    {
        var created = await manager.PostAsJsonAsync("/api/surveys/from-template", new { year });
        await EnsureAsync(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var tag = prefix ?? Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("name;category;email\n");
        for (var i = 0; i < organisations; i++)
        {
            csv.Append($"Partneris {tag}-{i};{(i % 2 == 0 ? "Ngo" : "Municipality")};p{i}.{tag}@example.lv\n");
        }
        await EnsureAsync(await manager.PostAsync("/api/organisations/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")));
        var opened = await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" });
        await EnsureAsync(opened);
        var tokens = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("email").GetString()!.EndsWith($".{tag}@example.lv", StringComparison.Ordinal))
            .Select(l => l.GetProperty("token").GetString()!).ToList();
        return (id, tokens);
    }

    /// <summary>Every rating question of the link's survey answered with <paramref name="rating"/> (1–5), through the link.</summary>
    public static async Task AnswerLinkAsync(HttpClient respondent, string token, int rating, string category = "Ngo", string? comment = null)
    {
        using var response = await respondent.PostAsJsonAsync($"/api/answer/{token}", await SheetAsync(respondent, token, rating, category, comment));
        await EnsureAsync(response);
    }

    /// <summary>A complete answer sheet for the link's survey: ratings, the first option of each choice, <paramref name="comment"/> in free text.</summary>
    public static async Task<JsonObject> SheetAsync(HttpClient respondent, string token, int rating, string category = "Ngo", string? comment = null)
    {
        var form = await respondent.GetFromJsonAsync<JsonElement>($"/api/answer/{token}");
        var answers = new JsonObject();
        foreach (var question in form.GetProperty("definition").GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray()))
        {
            var id = question.GetProperty("id").GetString()!;
            var options = question.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array ? o.EnumerateArray().Select(x => x.GetProperty("key").GetString()!).ToList() : [];
            JsonObject? answer = question.GetProperty("type").GetString() switch
            {
                "Likert" => new JsonObject { ["value"] = rating },
                "Nps" => new JsonObject { ["value"] = rating * 2 },
                "SingleChoice" => new JsonObject { ["choice"] = options[0] },
                "MultipleChoice" => new JsonObject { ["choices"] = new JsonArray(options[0]) },
                "FreeText" when comment is not null => new JsonObject { ["text"] = comment },
                _ => null,
            };
            if (answer is not null)
            {
                answers[id] = answer;
            }
        }
        return new JsonObject { ["respondentCategory"] = category, ["answers"] = answers };
    }

    /// <summary>A refusal names its reason in the failure, not only its status code.</summary>
    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

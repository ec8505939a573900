using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StrategyPlatform.Security.Tests;

/// <summary>A partner answering through the portal's own pages, step by step, as a browser without script would: plain form posts.</summary>
public static class RespondentBrowser
{
    public static async Task AnswerAsync(SecuredPlatform platform, string token, int rating)
    {
        using var browser = platform.Portal.Browser();
        using var surveys = platform.Surveys.CreateClient();
        var sections = (await surveys.GetFromJsonAsync<JsonElement>($"/api/answer/{token}")).GetProperty("definition").GetProperty("sections").EnumerateArray().ToList();
        var antiforgery = await SecuredPlatform.FormAsync(browser, $"answer/{token}");
        for (var step = 0; step <= sections.Count; step++)
        {
            var fields = new Dictionary<string, string>
            {
                ["_handler"] = "answer", ["__RequestVerificationToken"] = antiforgery, ["step"] = $"{step}", ["go"] = step == sections.Count ? "submit" : "next",
            };
            if (step == 0)
            {
                fields["respondentCategory"] = "Ngo";
            }
            else
            {
                foreach (var question in sections[step - 1].GetProperty("questions").EnumerateArray().Where(q => q.GetProperty("type").GetString() == "Likert"))
                {
                    fields[$"q-{question.GetProperty("id").GetString()}"] = $"{rating}";
                }
            }
            var posted = await browser.PostAsync($"answer/{token}?step={step}", new FormUrlEncodedContent(fields));
            if (posted.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Step {step} of the answering page gave {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
            }
            if (step == sections.Count && posted.Headers.Location?.OriginalString.Contains("answer/thanks", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException($"The last step went to {posted.Headers.Location}, not the thank-you page.");
            }
        }
    }
}

using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace StrategyPlatform.Portal.Tests;

/// <summary>A partner answering through the link: each step's problems on that step, and refused links with their status codes.</summary>
public sealed class Answering_step_by_step(SurveysPortalFixture portal) : IClassFixture<SurveysPortalFixture>
{
    [Fact]
    public async Task Save_and_continue_with_unanswered_questions_stays_on_the_step_with_the_summary_and_messages_by_the_questions()
    {
        var (_, links) = await portal.OpenSurveyAsync(2050, 1);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(links[0]);
        await page.PressStepButtonAsync("next", "**step=1");

        // Four of the six statements rated; two left open.
        var first = SurveyAnswering.TemplateSections[0];
        foreach (var id in first.Take(4))
        {
            await page.RateAsync(id, 4);
        }
        await page.TabToAsync("button[name=go][value=next]", maxStops: 60);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.EndsWith("step=1", page.Url);
        await Expect(page.Locator("#answer-progress")).ToContainTextAsync("2. solis no 5");
        await Expect(page.Locator(".error-summary li")).ToHaveCountAsync(2);
        foreach (var id in first.Skip(4))
        {
            await Expect(page.Locator($"#q-{id}-error")).ToHaveTextAsync("Lūdzu, atbildiet uz šo jautājumu.");
            Assert.Equal(1, await page.Locator($".error-summary a[href$='?step=1#q-{id}']").CountAsync());
        }
        // What was answered is kept, and was saved as the draft.
        Assert.True(await page.Locator($"#q-{first[0]}-4").IsCheckedAsync());
        await page.AssertNoAxeViolationsAsync();

        foreach (var id in first.Skip(4))
        {
            await page.RateAsync(id, 5);
        }
        await page.PressStepButtonAsync("next", "**step=2");
        await Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Unknown_and_used_links_keep_their_polite_page_with_404_410_and_409_for_a_stale_tabs_submission()
    {
        var (_, links) = await portal.OpenSurveyAsync(2051, 1);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;

        var unknown = await page.GotoAsync("answer/" + new string('A', 43));
        Assert.Equal(404, unknown!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Saite nav atrasta");
        // The answering layout, not the staff pages' "page not found".
        await Expect(page.Locator(".answer-page")).ToBeVisibleAsync();

        // A tab left open at the last step, then the link is used from elsewhere.
        await page.GotoAsync(links[0] + "?step=4");
        using (var respondent = new HttpClient { BaseAddress = new Uri(portal.Surveys.Address) })
        {
            var token = links[0].Split('/')[^1];
            var sheet = new
            {
                respondentCategory = "Ngo",
                answers = SurveyAnswering.TemplateSections.SelectMany(s => s).Append("overall-satisfaction").ToDictionary(id => id, _ => new { value = 4 }),
            };
            (await respondent.PostAsJsonAsync($"/api/answer/{token}", sheet)).EnsureSuccessStatusCode();
        }
        await page.RateAsync("overall-satisfaction", 5);
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.Locator("button[name=go][value=submit]").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(409, posted.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Atbildes jau ir iesniegtas");

        var used = await page.GotoAsync(links[0]);
        Assert.Equal(410, used!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Atbildes jau ir iesniegtas");
    }
}

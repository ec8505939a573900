using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>axe finds nothing on the answering pages (both languages, at 360 px) and on the staff survey pages.</summary>
public sealed class Survey_pages_accessibility(SurveysPortalFixture portal) : IClassFixture<SurveysPortalFixture>
{
    public static TheoryData<bool> Languages => new() { false, true };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_answering_pages_have_no_axe_violations_and_fit_a_360_px_phone(bool english)
    {
        var (_, links) = await portal.OpenSurveyAsync(english ? 2041 : 2040, 2);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync(links[0]);
        if (english)
        {
            await page.Locator("a.language-switch").ClickAsync();
            await page.WaitForURLAsync("**/answer/**");
        }
        Assert.Equal(english ? "en" : "lv", await page.LanguageAsync());

        await page.AssertNoAxeViolationsAsync();
        await AssertFitsAsync(page);

        await page.PressStepButtonAsync("next", "**step=1");
        await page.AssertNoAxeViolationsAsync();
        await AssertFitsAsync(page);

        // The last step sent incomplete: the error summary and the messages by the questions.
        await page.GotoAsync(links[0] + "?step=4");
        await page.Locator("button[name=go][value=submit]").ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        // The page moves back to the first step with a problem; the summary still links to the last step's question.
        Assert.Equal(english ? "Please answer this question." : "Lūdzu, atbildiet uz šo jautājumu.",
            await page.Locator("#q-timely-involvement-error").InnerTextAsync());
        Assert.Equal(1, await page.Locator(".error-summary a[href$='?step=4#q-overall-satisfaction']").CountAsync());
        await page.AssertNoAxeViolationsAsync();
        await AssertFitsAsync(page);

        foreach (var path in new[] { "answer/thanks", "answer/" + new string('A', 43) })
        {
            await page.GotoAsync(path);
            await page.AssertNoAxeViolationsAsync();
            await AssertFitsAsync(page);
        }
        Assert.Equal(english ? "Link not found" : "Saite nav atrasta", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_staff_survey_pages_have_no_axe_violations(bool english)
    {
        var (openId, links) = await portal.OpenSurveyAsync(english ? 2043 : 2042, 1);
        Guid draftId;
        using (var manager = portal.Manager())
        {
            var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(manager, "/api/surveys/from-template", new { year = english ? 2045 : 2044 });
            created.EnsureSuccessStatusCode();
            draftId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<IdOnly>(created.Content))!.Id;
        }
        var (email, password) = await portal.CreateUserAsync([StaffRoles.SurveyManager]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);
        if (english)
        {
            await page.Locator("a.language-switch").ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        foreach (var (path, ready) in new[]
        {
            ("surveys", ".surveys-table"), ("surveys/organisations", ".organisations-table"), ($"surveys/{draftId}", "#save-draft"),
            ($"surveys/{openId}", "#response-rate"), ($"surveys/{openId}/results", "#indicator-share"),
        })
        {
            await page.GotoAsync(path);
            await page.WaitUntilInteractiveAsync();
            await page.Locator(ready).First.WaitForAsync();
            Assert.Equal(english ? "en" : "lv", await page.LanguageAsync());
            await page.AssertNoAxeViolationsAsync();
        }
        Assert.NotEmpty(links);
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at 360 px");

    private sealed record IdOnly(Guid Id);
}

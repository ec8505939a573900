using Microsoft.Playwright;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>What a respondent does on the answering pages, with the keyboard alone.</summary>
public static class SurveyAnswering
{
    public static readonly string[][] TemplateSections =
    [
        ["timely-involvement", "involvement-budget", "involvement-law-drafting", "regular-communication", "feedback-on-input", "understands-municipalities"],
        ["clear-information", "accessible-information", "professional-answers", "polite-answers"],
        ["methodological-support", "simple-reporting"],
    ];

    /// <summary>Tabs into the question's 1–5 group, selects with Space and moves to <paramref name="rating"/> with the arrow keys (which also select).</summary>
    public static async Task RateAsync(this IPage page, string questionId, int rating)
    {
        await page.TabToAsync($"#q-{questionId}-1");
        await page.Keyboard.PressAsync("Space");
        for (var i = 1; i < rating; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }
        Assert.True(await page.Locator($"#q-{questionId}-{rating}").IsCheckedAsync(),
            $"{questionId}: focus on {await page.EvaluateAsync<string>("() => document.activeElement?.id")}, checked "
            + await page.EvaluateAsync<string>("n => [...document.getElementsByName(n)].filter(e => e.checked).map(e => e.value).join()", $"q-{questionId}"));
    }

    /// <summary>Chooses the CSV to import; InputFile hooks its change event after its first render, so a choice made before that is repeated.</summary>
    public static async Task ChooseFileAsync(this IPage page, FilePayload file)
    {
        var import = page.Locator("#import-button");
        for (var attempt = 0; attempt < 10 && !await import.IsEnabledAsync(); attempt++)
        {
            await page.Locator("#import-file").SetInputFilesAsync(file);
            await page.WaitForTimeoutAsync(500);
        }
    }

    /// <summary>Tabs to a step's button (<c>next</c>, <c>back</c>, <c>submit</c>) and presses Enter.</summary>
    public static async Task PressStepButtonAsync(this IPage page, string go, string expectedUrl)
    {
        await page.TabToAsync($"button[name=go][value={go}]", maxStops: 60);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(expectedUrl);
    }
}

using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>What a person does in the portal, in browser steps the tests share.</summary>
public static class PortalPages
{
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("account/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has the focus, as a keyboard user would; fails if it never does.</summary>
    public static async Task TabToAsync(this IPage page, string selector, bool backwards = false, int maxStops = 30)
    {
        for (var stop = 0; stop < maxStops; stop++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{selector} was not reached with {maxStops} presses of Tab on {page.Url}");
    }

    /// <summary>Interactive pages prerender first; clicks only work once the live connection is up.</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync();

    public static async Task<IReadOnlyList<string>> NavigationAsync(this IPage page) =>
        [.. (await page.Locator("nav.portal-nav a .nav-text").AllInnerTextsAsync()).Select(t => t.Trim())];

    public static async Task<string> LanguageAsync(this IPage page) =>
        await page.Locator("html").GetAttributeAsync("lang") ?? "";

    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var found = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html))).ToList();
        Assert.True(found.Count == 0, $"axe found on {page.Url} ({await page.LanguageAsync()}):\n" + string.Join("\n", found));
    }
}

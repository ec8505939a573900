using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>axe-core (WCAG 2.1 A/AA rules and best practices) finds nothing on any page, in either language.</summary>
public sealed class Accessibility(PortalFixture portal) : IClassFixture<PortalFixture>
{
    public static TheoryData<bool> Languages => new() { false, true };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Public_pages_have_no_axe_violations(bool english)
    {
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("");
        if (english)
        {
            await page.Locator("a.language-switch").ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        foreach (var path in new[] { "", "account/signin", "no-such-page", "status/500" })
        {
            await page.GotoAsync(path);
            Assert.Equal(english ? "en" : "lv", await page.LanguageAsync());
            await page.AssertNoAxeViolationsAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Staff_pages_have_no_axe_violations(bool english)
    {
        await using var browser = await portal.OpenAsAdministratorAsync();
        var page = browser.Page;
        if (english)
        {
            await page.Locator("a.language-switch").ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        foreach (var path in new[] { "staff", "indicators", "surveys", "media-events", "admin/users", "admin/audit", "account/password", "account/denied" })
        {
            await page.GotoAsync(path);
            if (await page.Locator("main[data-interactive]").CountAsync() > 0 && path != "account/password" && path != "account/denied")
            {
                await page.WaitUntilInteractiveAsync();
            }
            Assert.Equal(english ? "en" : "lv", await page.LanguageAsync());
            await page.AssertNoAxeViolationsAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_change_access_dialog_has_no_axe_violations(bool english)
    {
        await using var browser = await portal.OpenAsAdministratorAsync();
        var page = browser.Page;
        if (english)
        {
            await page.Locator("a.language-switch").ClickAsync();
            await page.WaitForLoadStateAsync();
        }
        await page.GotoAsync("admin/users");
        await page.WaitUntilInteractiveAsync();

        await page.Locator("table tbody button").First.ClickAsync();
        await page.Locator(".rz-dialog").WaitForAsync();

        await page.AssertNoAxeViolationsAsync();
    }
}

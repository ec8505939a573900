using System.Text.RegularExpressions;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Switching_language(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Latvian_is_the_default_and_english_keeps_the_same_page_and_changes_its_texts()
    {
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("account/signin");
        Assert.Equal("lv", await page.LanguageAsync());
        Assert.Equal("Darbinieku pieslēgšanās", (await page.Locator("h1").InnerTextAsync()).Trim());

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Switch to English" }).ClickAsync();
        await page.WaitForURLAsync("**/account/signin");

        Assert.Equal("en", await page.LanguageAsync());
        Assert.Equal("Staff sign-in", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("E-mail", (await page.Locator("label[for=email]").InnerTextAsync()).Trim());
        Assert.Equal("Password", (await page.Locator("label[for=password]").InnerTextAsync()).Trim());
        Assert.Equal(["Home"], await page.NavigationAsync());
        Assert.Equal("Skip to main content", (await page.Locator(".skip-link").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task The_choice_is_remembered_on_the_next_pages_until_switched_back()
    {
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("");
        await page.Locator("a.language-switch").ClickAsync();
        // The switch is a round trip to the culture endpoint and back; the page's language says it has landed.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GotoAsync("account/signin");
        Assert.Equal("en", await page.LanguageAsync());
        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync("**/account/signin");

        Assert.Equal("lv", await page.LanguageAsync());
        Assert.Equal("Darbinieku pieslēgšanās", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task An_interactive_staff_page_switches_in_place()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Communications], ["KN"]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);
        await page.GotoAsync("indicators");
        await page.WaitUntilInteractiveAsync();

        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync("**/indicators");

        Assert.Equal("en", await page.LanguageAsync());
        Assert.Equal("Indicators dashboard", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(["Staff start", "Indicators dashboard", "Media events"], await page.NavigationAsync());
        Assert.Equal("Sign out", (await page.Locator("header button[type=submit]").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Numbers_and_dates_follow_the_language()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("");
        Assert.Contains("88,8 %", await page.Locator("main").InnerTextAsync());
        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        Assert.Contains("88.8%", await page.Locator("main").InnerTextAsync());
        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        // The home page is for visitors (staff land on their start page), so the dates are read there.
        await page.SignInAsync(email, password);
        Assert.Matches(new Regex(@"Šodien ir [a-zāčēģīķļņšūž]+, \d{4}\. gada \d{1,2}\. [a-zāčēģīķļņšūž]+\."), await page.Locator("main").InnerTextAsync());

        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync("**/staff");
        Assert.Matches(new Regex(@"Today is [A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4}\."), await page.Locator("main").InnerTextAsync());
    }
}

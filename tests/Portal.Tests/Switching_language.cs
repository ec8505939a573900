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

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("lv-LV", "lv")]
    [InlineData("de-DE", "lv")]
    public async Task A_first_visit_follows_the_browsers_language_and_any_other_stays_latvian(string locale, string expected)
    {
        await using var browser = await portal.OpenAsync(locale);
        var page = browser.Page;

        await page.GotoAsync("account/signin");

        Assert.Equal(expected, await page.LanguageAsync());
    }

    [Theory]
    [InlineData("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "en")]
    [InlineData("de-DE,de;q=0.9,lv;q=0.5,en;q=0.4", "lv")]
    [InlineData("en;q=0.3,lv;q=0.8", "lv")]
    [InlineData("*", "lv")]
    public async Task Of_several_preferred_languages_the_first_of_latvian_or_english_by_quality_is_chosen(string acceptLanguage, string expected)
    {
        using var client = new HttpClient { BaseAddress = portal.BaseUrl };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var html = await client.GetStringAsync("account/signin");

        Assert.Contains($"<html lang=\"{expected}\"", html);
    }

    [Theory]
    [InlineData("en-US", "c=lv|uic=lv", "lv")]
    [InlineData("lv-LV", "c=en|uic=en", "en")]
    [InlineData("lv-LV", "c%3Den-GB%7Cuic%3Den-GB", "en")]
    [InlineData("en-US", "c=lv-LV|uic=lv-LV", "lv")]
    public async Task An_explicit_choice_in_the_culture_cookie_wins_over_the_browser_in_its_standard_forms(string locale, string cookie, string expected)
    {
        await using var browser = await portal.OpenAsync(locale);
        await browser.Context.AddCookiesAsync([new() { Name = ".AspNetCore.Culture", Value = cookie, Url = portal.BaseUrl.ToString() }]);
        var page = browser.Page;

        await page.GotoAsync("account/signin");

        Assert.Equal(expected, await page.LanguageAsync());
        Assert.Equal(expected == "en" ? "Staff sign-in" : "Darbinieku pieslēgšanās", (await page.Locator("h1").InnerTextAsync()).Trim());
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
        // A no-break space before the sign, so the figure never wraps apart.
        Assert.Contains("88,8\u00A0%", await page.Locator("main").InnerTextAsync());
        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        Assert.Contains("88.8%", await page.Locator("main").InnerTextAsync());
        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        // Signed in, staff land on their start page, which says the date.
        await page.SignInAsync(email, password);
        Assert.Matches(new Regex(@"Šodien ir [a-zāčēģīķļņšūž]+, \d{4}\. gada \d{1,2}\. [a-zāčēģīķļņšūž]+\."), await page.Locator("main").InnerTextAsync());

        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForURLAsync("**/staff");
        Assert.Matches(new Regex(@"Today is [A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4}\."), await page.Locator("main").InnerTextAsync());
    }
}

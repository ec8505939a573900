using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Navigation_by_role(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_visitor_who_is_not_signed_in_sees_only_the_home_page()
    {
        await using var browser = await portal.OpenAsync();
        await browser.Page.GotoAsync("");

        Assert.Equal(["Sākums"], await browser.Page.NavigationAsync());
    }

    [Fact]
    public async Task Communications_sees_media_events_and_the_dashboard_but_not_surveys_or_users()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Communications], ["KN"]);
        await using var browser = await portal.OpenAsync();
        await browser.Page.SignInAsync(email, password);

        Assert.Equal(["Darba sākums", "Rādītāju pārskats", "Mediju notikumi"], await browser.Page.NavigationAsync());
    }

    [Fact]
    public async Task A_survey_manager_sees_surveys_but_not_media_events()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.SurveyManager]);
        await using var browser = await portal.OpenAsync();
        await browser.Page.SignInAsync(email, password);

        Assert.Equal(["Darba sākums", "Rādītāju pārskats", "Aptaujas"], await browser.Page.NavigationAsync());
    }

    [Fact]
    public async Task The_administrator_sees_every_section()
    {
        await using var browser = await portal.OpenAsync();
        await browser.Page.SignInAsync(PortalFixture.AdminEmail, portal.AdminPassword);

        Assert.Equal(["Darba sākums", "Rādītāju pārskats", "Aptaujas", "Mediju notikumi", "Lietotāji", "Darbību žurnāls"], await browser.Page.NavigationAsync());
    }

    [Fact]
    public async Task A_page_outside_the_users_roles_is_refused_even_by_its_address()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Communications], ["KN"]);
        await using var browser = await portal.OpenAsync();
        await browser.Page.SignInAsync(email, password);

        await browser.Page.GotoAsync("admin/users");

        Assert.Equal("Piekļuve liegta", (await browser.Page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task A_staff_page_sends_a_visitor_to_sign_in_and_back_afterwards()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;

        await page.GotoAsync("indicators");
        Assert.Contains("/account/signin", page.Url);
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/indicators");

        Assert.Equal("Rādītāju pārskats", (await page.Locator("h1").InnerTextAsync()).Trim());
    }
}

using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Signing_in(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_first_administrator_from_configuration_signs_in_and_reaches_the_staff_start_page()
    {
        await using var browser = await portal.OpenAsync();

        await browser.Page.SignInAsync(PortalFixture.AdminEmail, portal.AdminPassword);

        Assert.EndsWith("/staff", browser.Page.Url);
        Assert.Equal("Darba sākums", (await browser.Page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_in_latvian()
    {
        var (email, _) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();

        await browser.Page.SignInAsync(email, "Wrong-password-123");

        Assert.EndsWith("/account/signin", browser.Page.Url);
        Assert.Contains("Nepareizs e-pasts vai parole.", await browser.Page.Locator("main [role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.Page.SignInAsync(email, $"Wrong-password-{attempt}");
        }
        await browser.Page.SignInAsync(email, password);

        Assert.EndsWith("/account/signin", browser.Page.Url);
        Assert.Contains("konts ir uz laiku bloķēts", await browser.Page.Locator("main [role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task Works_with_the_keyboard_alone()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("account/signin");

        await page.TabToAsync("#email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/staff");

        Assert.Equal("Darba sākums", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content()
    {
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync("account/signin");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex=\"-1\"])').className"));

        await page.TabToAsync(".skip-link", backwards: true);
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        await browser.Page.SignInAsync(email, password);

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Atslēgties" }).ClickAsync();
        await browser.Page.WaitForURLAsync(portal.BaseUrl.ToString());
        await browser.Page.GotoAsync("staff");

        Assert.Contains("/account/signin", browser.Page.Url);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Accounts.StaffAccounts>(portal.Host.Services);
        var id = (await accounts.ListAsync()).Single(a => a.Email == email).Id;
        Assert.True((await accounts.SetActiveAsync(id, active: false, new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "someone-else")], "test")))).Succeeded);
        await using var browser = await portal.OpenAsync();

        await browser.Page.SignInAsync(email, password);

        Assert.EndsWith("/account/signin", browser.Page.Url);
    }
}

using Microsoft.Playwright;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Administering_users(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_administrator_creates_a_communications_user_who_then_sees_only_what_the_role_allows()
    {
        var email = $"kn-{Guid.NewGuid():N}"[..12] + "@lm.gov.lv";
        string initialPassword;
        await using (var admin = await portal.OpenAsync())
        {
            var page = admin.Page;
            await page.SignInAsync(PortalFixture.AdminEmail, portal.AdminPassword);
            await page.GotoAsync("admin/users");
            await page.WaitUntilInteractiveAsync();

            await page.Locator("form").GetByLabel("E-pasts", new() { Exact = true }).FillAsync(email);
            await page.Locator("form").GetByLabel("Vārds, uzvārds", new() { Exact = true }).FillAsync("Komunikāciju Speciāliste");
            await page.Locator("form").GetByLabel("Komunikācija", new() { Exact = true }).CheckAsync();
            await page.Locator("form").GetByLabel("KN – Komunikācijas nodaļa").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Izveidot lietotāju" }).ClickAsync();

            initialPassword = (await page.Locator("code.initial-password").InnerTextAsync()).Trim();
            await Assertions.Expect(page.Locator("table")).ToContainTextAsync(email);
        }

        await using var user = await portal.OpenAsync();
        await user.Page.SignInAsync(email, initialPassword);
        // The initial password was seen by the administrator, so the first thing is to replace it.
        Assert.Contains("/account/password", user.Page.Url);
        await user.Page.FillAsync("#current", initialPassword);
        await user.Page.FillAsync("#new", "Jauna-Parole-2026");
        await user.Page.FillAsync("#confirm", "Jauna-Parole-2026");
        await user.Page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(user.Page.Locator("main .rz-alert")).ToContainTextAsync("Parole ir nomainīta.");

        await user.Page.GotoAsync("staff");
        Assert.Equal(["Darba sākums", "Rādītāju pārskats", "Mediju notikumi"], await user.Page.NavigationAsync());
        Assert.Contains("Komunikācija", await user.Page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Radzen_texts_are_latvian_in_the_users_grid_and_form()
    {
        await using var admin = await portal.OpenAsAdministratorAsync();
        var page = admin.Page;
        await page.GotoAsync("admin/users");
        await page.WaitUntilInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Izveidot lietotāju" }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Obligāts lauks");
        await Assertions.Expect(page.Locator(".rz-pager")).ToContainTextAsync("1. lapa no 1");
    }

    [Fact]
    public async Task An_administrator_deactivates_a_user_after_confirming_and_the_user_can_no_longer_sign_in()
    {
        var (email, password) = await portal.CreateUserAsync([ServiceDefaults.Authentication.StaffRoles.Leadership]);
        await using (var admin = await portal.OpenAsync())
        {
            var page = admin.Page;
            await page.SignInAsync(PortalFixture.AdminEmail, portal.AdminPassword);
            await page.GotoAsync("admin/users");
            await page.WaitUntilInteractiveAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = $"Deaktivizēt {email}" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Labi" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Aktivizēt {email}" })).ToBeVisibleAsync();
        }

        await using var user = await portal.OpenAsync();
        await user.Page.SignInAsync(email, password);
        Assert.EndsWith("/account/signin", user.Page.Url);
    }

    [Fact]
    public async Task An_indicator_owner_without_a_unit_is_refused_with_a_reason()
    {
        await using var admin = await portal.OpenAsAdministratorAsync();
        var page = admin.Page;
        await page.GotoAsync("admin/users");
        await page.WaitUntilInteractiveAsync();

        await page.Locator("form").GetByLabel("E-pasts", new() { Exact = true }).FillAsync("owner@lm.gov.lv");
        await page.Locator("form").GetByLabel("Vārds, uzvārds", new() { Exact = true }).FillAsync("Rādītāju Īpašnieks");
        await page.Locator("form").GetByLabel("Rādītāju atbildīgais", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Izveidot lietotāju" }).ClickAsync();

        await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("izvēlieties vismaz vienu struktūrvienību");
        await Assertions.Expect(page.Locator("table")).Not.ToContainTextAsync("owner@lm.gov.lv");
    }
}

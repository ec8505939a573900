using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>The fixture points the portal at closed ports for every service.</summary>
public sealed class When_a_service_is_down(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_page_that_needs_it_says_so_in_the_users_language_and_the_portal_keeps_working()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);

        await page.GotoAsync("indicators");

        await Assertions.Expect(page.Locator("main .service-unavailable")).ToContainTextAsync("Pakalpojums „Rādītāji” pašlaik nav pieejams");
        Assert.DoesNotContain("Exception", await page.ContentAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Darba sākums" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Darba sākums");
    }
}

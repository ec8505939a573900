using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Rebuilding_the_computed_indicators(WholePlatformPortalFixture portal) : IClassFixture<WholePlatformPortalFixture>
{
    [Fact]
    public async Task An_administrator_rebuilds_from_the_sources_and_sees_every_value_confirmed_and_others_are_not_offered_it()
    {
        await portal.LogMediaEventAsync("MediaBriefing", DateTimeOffset.Parse("2026-04-14T10:00:00+03:00"));
        using (var reader = portal.KpiReader())
        {
            await Eventually.ReturnsAsync(() => reader.GetFromJsonAsync<JsonElement>("/api/kpi/indicators/13"),
                i => i.GetProperty("indicator").GetProperty("years").EnumerateArray().Any(y => y.GetProperty("year").GetInt32() == 2026 && y.GetProperty("value").ValueKind == JsonValueKind.Number));
        }

        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using (var leadership = await portal.OpenAsync())
        {
            await leadership.Page.SignInAsync(email, password);
            await leadership.Page.GotoAsync("indicators/review");
            await leadership.Page.WaitUntilInteractiveAsync();
            Assert.Equal(0, await leadership.Page.Locator("a[href='indicators/rebuild']").CountAsync());
        }

        await using var admin = await portal.OpenAsAdministratorAsync();
        var page = admin.Page;
        await page.GotoAsync("indicators/review");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("a[href='indicators/rebuild']").ClickAsync();
        await page.WaitForURLAsync("**/indicators/rebuild");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#rebuild").ClickAsync();

        await Assertions.Expect(page.Locator("#rebuild-status")).ToHaveTextAsync("Pārrēķins pabeigts: visas vērtības sakrīt ar līdzšinējām.");
        await Assertions.Expect(page.Locator("#rebuild-sources")).ToContainTextAsync("Nolasītas 0 aptauju atbildes un 1 mediju notikumi; izlaboti 0 fakti, izņemti 0.");
        var row = page.Locator(".rebuild-table tbody tr").Filter(new() { HasText = "2026" }).Filter(new() { Has = page.Locator("th", new() { HasTextString = "13" }) });
        await Assertions.Expect(row).ToContainTextAsync("Nemainījās");
        await page.AssertNoAxeViolationsAsync();
    }
}

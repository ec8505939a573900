using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// Issue 6's live dashboard end to end on all three services: a partner's answer and a logged media
/// briefing travel outbox → RabbitMQ → aggregator → outbox → RabbitMQ → portal → the open page.
/// (How fast is the benchmark's business; here it must arrive without a reload.)
/// </summary>
public sealed class Watching_the_dashboard_live(WholePlatformPortalFixture portal) : IClassFixture<WholePlatformPortalFixture>
{
    private static ILocator Tile(IPage page, string number) => page.Locator($"article.kpi-tile[data-indicator='{number}']");

    [Fact]
    public async Task A_partners_answer_and_a_media_briefing_move_their_tiles_on_an_open_dashboard()
    {
        var year = DateTime.UtcNow.Year;
        var token = await portal.OpenPartnerSurveyAsync(year);
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);
        await page.GotoAsync("indicators");
        await page.WaitUntilInteractiveAsync();
        var before13 = await Tile(page, "13").Locator(".kpi-value").InnerTextAsync();
        await page.EvaluateAsync("() => window.notReloaded = true");

        await portal.AnswerAsync(token, overall: 5);
        await Expect(Tile(page, "16").Locator(".kpi-value")).ToHaveTextAsync("100,0 %");

        await portal.LogMediaEventAsync("MediaBriefing", DateTimeOffset.UtcNow.AddHours(-1));
        await Expect(Tile(page, "13").Locator(".kpi-value")).Not.ToHaveTextAsync(before13);
        await Expect(Tile(page, "13").Locator(".kpi-value")).ToContainTextAsync("1");

        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
    }
}

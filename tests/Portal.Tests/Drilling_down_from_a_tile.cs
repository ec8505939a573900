using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// What a reader sees behind a computed indicator, on all three services: the drill-down lists exactly
/// what the tile counted, and the media-events pages say the same.
/// </summary>
public sealed class Drilling_down_from_a_tile(WholePlatformPortalFixture portal) : IClassFixture<WholePlatformPortalFixture>
{
    private static readonly int Year = Contracts.StrategyYears.Clamp(Contracts.LatvianTime.Today(TimeProvider.System).Year);

    private async Task<IPage> SignedInAsync(BrowserSession browser)
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership, StaffRoles.Communications], ["KN"]);
        await browser.Page.SignInAsync(email, password);
        return browser.Page;
    }

    [Fact]
    public async Task Indicator_13_lists_the_events_for_the_media_it_counted_and_the_media_events_pages_agree()
    {
        var day = new DateTimeOffset(Year, 1, 5, 10, 0, 0, TimeSpan.FromHours(2));
        var briefing = await portal.LogMediaEventAsync("MediaBriefing", day);
        await portal.LogMediaEventAsync("Interview", day.AddDays(1));
        var news = await portal.LogMediaEventAsync("AchievementNews", day.AddDays(2));
        await portal.LogMediaEventAsync("PressRelease", day.AddDays(3));
        var cancelled = await portal.LogMediaEventAsync("PressConference", day.AddDays(4));
        await portal.WithdrawMediaEventAsync(cancelled, "Atcelta, jo ministrs devās uz reģionālo biroju.");
        using (var reader = portal.KpiReader())
        {
            // The news item and the press release do not count; the withdrawn conference no longer does.
            await Eventually.ReturnsAsync(() => reader.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/13/counted/{Year}"),
                c => c.GetProperty("events").GetArrayLength() == 2 && c.GetProperty("events").EnumerateArray().All(e => e.GetProperty("mediaEventId").GetGuid() != cancelled));
        }
        await using var browser = await portal.OpenAsync();
        var page = await SignedInAsync(browser);

        await page.GotoAsync($"indicators/13?year={Year}");
        await page.WaitUntilInteractiveAsync();
        var tile = page.Locator($".kpi-years tr[data-year='{Year}'] td.num");
        await Expect(tile).ToContainTextAsync("2");
        var rows = page.Locator(".kpi-counted-events tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("#drill-summary")).ToContainTextAsync($"{Year}. gadā: 2");
        await Expect(rows.First.Locator("a")).ToHaveAttributeAsync("href", $"media-events/{briefing}");
        await Expect(rows.First).ToContainTextAsync("Preses brīfings par paveikto");

        // The same two in the media-events list the drill-down opens.
        await page.Locator("#drill-media-events").ClickAsync();
        await page.WaitForURLAsync($"**/media-events?countsFor=13&from={Year}-01-01&to={Year}-12-31");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator(".result-count")).ToHaveTextAsync("Atrasti notikumi: 2");

        // The monthly overview counts as the tile does, and shows the rule.
        await page.GotoAsync("media-events/overview");
        await page.WaitUntilInteractiveAsync();
        if (Year == Contracts.LatvianTime.Today(TimeProvider.System).Year)
        {
            await Expect(page.Locator("#overview-13")).ToContainTextAsync("2");
            await Expect(page.Locator(".overview-months tr[data-month='1'] td").First).ToHaveTextAsync("2");
        }
        await Expect(page.Locator(".rule-types tr[data-type='AchievementNews']")).ToContainTextAsync("14. rādītājs");

        // The news item says why it does not count for 13; the withdrawn event counts for nothing, and its banner reads well.
        await page.GotoAsync($"media-events/{news}");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#counts-for")).ToContainTextAsync("ziņa par sasniegumu (14. rādītājs)");
        await Expect(page.Locator("#counts-for")).ToContainTextAsync("Netiek ieskaitīts 13. rādītājā");
        await page.GotoAsync($"media-events/{cancelled}");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#counts-for")).ToHaveTextAsync("Netiek ieskaitīts: notikums ir atsaukts");
        var banner = await page.Locator(".withdrawn-notice").InnerTextAsync();
        Assert.Contains("reģionālo biroju.", banner);
        Assert.DoesNotContain("..", banner);
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Indicator_16_lists_each_survey_with_its_n_adding_up_to_the_tile()
    {
        var token = await portal.OpenPartnerSurveyAsync(Year);
        await portal.AnswerAsync(token, overall: 5);
        using (var reader = portal.KpiReader())
        {
            await Eventually.ReturnsAsync(() => reader.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/16/counted/{Year}"),
                c => c.GetProperty("surveys").GetArrayLength() == 1 && c.GetProperty("surveys")[0].GetProperty("population").ValueKind == JsonValueKind.Number);
        }
        await using var browser = await portal.OpenAsync();
        var page = await SignedInAsync(browser);

        await page.GotoAsync($"indicators/16?year={Year}");
        await page.WaitUntilInteractiveAsync();

        var survey = page.Locator(".kpi-counted-surveys tbody tr");
        await Expect(survey).ToHaveCountAsync(1);
        await Expect(survey.Locator("a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^surveys/[0-9a-f-]{36}/results$"));
        var n = (await page.Locator(".kpi-counted-surveys tfoot td").Nth(1).InnerTextAsync()).Trim();
        await Expect(page.Locator($".kpi-years tr[data-year='{Year}'] td.num")).ToContainTextAsync($"n = {n}");
        // An invitation survey has a known population, the year's total is the sum, and the total shows the tile's interval.
        var population = (await survey.Locator("td").Nth(2).InnerTextAsync()).Trim();
        Assert.Matches("^[1-9][0-9]*$", population);
        await Expect(page.Locator(".kpi-counted-surveys tfoot td").Nth(2)).ToHaveTextAsync(population);
        await Expect(page.Locator(".kpi-counted-surveys tfoot td").Last).ToContainTextAsync($"n = {n}");
        await page.AssertNoAxeViolationsAsync();
    }
}

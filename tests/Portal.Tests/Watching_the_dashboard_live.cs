using System.Net.Http.Json;
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

    [Fact]
    public async Task The_survey_results_and_indicator_16_show_one_interval_for_one_figure_in_either_language()
    {
        // Three of the invited answer (overall 5, 4 and 2): two thirds, with the finite-population correction.
        var (surveyId, tokens) = await portal.OpenPartnerSurveyAsync(2025, 4);
        foreach (var (token, overall) in tokens.Zip([5, 4, 2]))
        {
            await portal.AnswerAsync(token, overall);
        }
        using (var surveys = portal.SurveysReader())
        using (var kpi = portal.KpiReader())
        {
            var interval = (await surveys.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/surveys/{surveyId}/results")).GetProperty("indicator").GetProperty("interval");
            var expected = $"{Percent(interval.GetProperty("lower"))}/{Percent(interval.GetProperty("upper"))}";
            // The aggregator has the responses and the survey's population (two messages, in either order).
            await StrategyPlatform.TestSupport.Eventually.ReturnsAsync(async () =>
            {
                var year = (await kpi.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/kpi/indicators/16")).GetProperty("indicator").GetProperty("years")
                    .EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2025);
                return year.GetProperty("ciLow").ValueKind == System.Text.Json.JsonValueKind.Number ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year.GetProperty("ciLow").GetDecimal():0.0}/{year.GetProperty("ciHigh").GetDecimal():0.0}") : "";
            }, seen => seen == expected, because: "16 for 2025 has the survey's interval");
        }
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);

        foreach (var (english, interval) in new[] { (false, @"95 % ticamības intervāls (\d+,\d–\d+,\d %)"), (true, @"95% confidence interval (\d+\.\d–\d+\.\d%)") })
        {
            if (english)
            {
                await page.Locator("a.language-switch").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }
            await page.GotoAsync($"surveys/{surveyId}/results");
            await page.WaitUntilInteractiveAsync();
            var results = Text(await page.Locator("#indicator-share").InnerTextAsync());
            await page.GotoAsync("indicators/16");
            await page.WaitUntilInteractiveAsync();
            var indicator = Text(await page.Locator("table.kpi-years tr[data-year='2025']").InnerTextAsync());

            Assert.StartsWith(english ? "66.7% (95% confidence interval " : "66,7 % (95 % ticamības intervāls ", results);
            var fromResults = System.Text.RegularExpressions.Regex.Match(results, interval);
            var fromIndicator = System.Text.RegularExpressions.Regex.Match(indicator, interval);
            Assert.True(fromResults.Success && fromIndicator.Success, $"{results} | {indicator}");
            Assert.Equal(fromResults.Groups[1].Value, fromIndicator.Groups[1].Value);
        }
    }

    private static string Percent(System.Text.Json.JsonElement share) =>
        Math.Round((decimal)share.GetDouble() * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Page text with the no-break spaces (before a per cent sign) read as spaces, and lines joined.</summary>
    private static string Text(string text) => System.Text.RegularExpressions.Regex.Replace(text.Replace('\u00A0', ' '), @"\s+", " ").Trim();
}

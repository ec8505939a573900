using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace StrategyPlatform.Portal.Tests.Look;

/// <summary>
/// Issue 10: the page staff start their day on, per role, on the showcase data. Figures of indicators 13
/// and 14 are compared with what the Kpi service counts (it is the one place they are counted), never
/// with numbers written here. Tests that change data change only what no other test reads.
/// </summary>
[Collection(ShowcaseCollection.Name)]
public sealed class The_staff_start_page(ShowcasePortalFixture portal)
{
    private static int Year => ShowcasePortalFixture.ThisYear;

    private async Task<(BrowserSession Browser, IPage Page)> StartAsync(string email, string password)
    {
        var browser = await portal.OpenAsync("lv-LV");
        await browser.Page.GotoAsync("culture?culture=lv&returnUrl=/");
        await browser.Page.SignInAsync(email, password);
        await browser.Page.GotoAsync("staff");
        await browser.Page.WaitUntilInteractiveAsync();
        return (browser, browser.Page);
    }

    private Task<(BrowserSession Browser, IPage Page)> StartAsync(string role) =>
        StartAsync(portal.Accounts[role].Email, portal.Accounts[role].Password);

    private static async Task<string[]> IndicatorsListedAsync(ILocator list) =>
        await list.Locator("li[data-indicator]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.indicator)");

    private async Task<JsonElement> KpiIndicatorAsync(string number)
    {
        using var reader = portal.KpiReader();
        return (await reader.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}")).GetProperty("indicator");
    }

    private static JsonElement YearOf(JsonElement indicator, int year) =>
        indicator.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year);

    [Fact]
    public async Task Leadership_sees_the_key_indicators_what_is_off_target_and_what_has_no_value_this_year_each_linking_to_its_indicator()
    {
        var (browser, page) = await StartAsync(StaffRoles.Leadership);
        await using var _ = browser;
        var section = page.Locator("section:has(#start-leadership)");

        await Expect(section.Locator("article.kpi-tile")).ToHaveCountAsync(5);
        Assert.Equal(["1", "6", "10", "12a", "16"], await section.Locator("article.kpi-tile").EvaluateAllAsync<string[]>("a => a.map(e => e.dataset.indicator)"));
        // Indicator 1: 11.8 % in the latest year against "at most 11 %".
        var offTarget = section.Locator("ul[aria-labelledby=start-off-target]");
        Assert.Contains("1", await IndicatorsListedAsync(offTarget));
        await Expect(offTarget.Locator("li[data-indicator='1']")).ToContainTextAsync("11,8 %");
        await Expect(offTarget.Locator("li[data-indicator='1'] a")).ToHaveAttributeAsync("href", "indicators/1");
        // 12a has this year's value; 11 (a yearly PDPD figure) has none yet.
        var missing = await IndicatorsListedAsync(section.Locator("ul[aria-labelledby=start-missing]"));
        Assert.Contains("11", missing);
        Assert.DoesNotContain("12a", missing);
        await Expect(page.Locator("#start-surveys, #start-media, #start-unit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_survey_manager_sees_each_open_survey_with_its_response_rate_days_left_and_who_has_not_answered()
    {
        var (browser, page) = await StartAsync(StaffRoles.SurveyManager);
        await using var _ = browser;

        var partner = page.Locator($"li[data-survey='{portal.OpenSurveyId}']");
        await Expect(partner).ToContainTextAsync("62,5 %");
        await Expect(partner).ToContainTextAsync($"atbildējuši {ShowcasePortalFixture.Answered} no {ShowcasePortalFixture.Invited}");
        await Expect(partner.Locator($"a[href='surveys/{portal.OpenSurveyId}']").Last).ToHaveTextAsync("Vēl nav atbildējuši: 3 – saraksts un atgādinājuma teksts");
        await Expect(partner.Locator(".start-days")).ToContainTextAsync("Atlikušas 16 dienas");
        await Expect(page.Locator($"li[data-survey='{portal.CampaignSurveyId}']")).ToContainTextAsync("3 atbildes no atvērtās saites");
        await Expect(page.Locator($"a[href='surveys/{portal.DraftSurveyId}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#start-leadership, #start-media, #start-unit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_communications_unit_sees_this_months_achievement_news_and_proactive_events_against_last_year_as_the_aggregator_counts_them_live()
    {
        var (browser, page) = await StartAsync(StaffRoles.Communications);
        await using var _ = browser;
        var month = ShowcasePortalFixture.Today.Month;
        var newsBefore = YearOf(await KpiIndicatorAsync("14"), Year).GetProperty("monthly")[month - 1].GetInt32();
        var proactive = await KpiIndicatorAsync("13");
        var thisYear = YearOf(proactive, Year).GetProperty("value").GetDecimal();
        var lastYear = YearOf(proactive, Year - 1).GetProperty("value").GetDecimal();

        await Expect(page.Locator("#start-news .start-figure")).ToHaveTextAsync($"{newsBefore} no vismaz 2");
        await Expect(page.Locator("#start-proactive .start-figure")).ToHaveTextAsync($"{thisYear:0}");
        await Expect(page.Locator("#start-proactive")).ToContainTextAsync($"{Year - 1}. gadā kopā: {lastYear:0}");
        await Expect(page.Locator("#start-news a")).ToHaveAttributeAsync("href", "indicators/14");
        await Expect(page.Locator("a[href='media-events/new']").First).ToBeVisibleAsync();

        // Another achievement news item this month reaches the open page through the aggregator, without a reload.
        await page.EvaluateAsync("() => window.notReloaded = true");
        await portal.LogAchievementNewsAsync(DateTimeOffset.UtcNow.AddMinutes(-5));
        await Expect(page.Locator("#start-news .start-figure")).ToHaveTextAsync($"{newsBefore + 1} no vismaz 2");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Expect(page.Locator("#start-leadership, #start-surveys, #start-unit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_indicator_owner_sees_the_units_figures_still_missing_this_year_and_one_entered_meanwhile_leaves_the_list()
    {
        var (browser, page) = await StartAsync(StaffRoles.IndicatorOwner);
        await using var _ = browser;
        var list = page.Locator("ul[aria-labelledby=start-unit-missing]");

        await Expect(list.Locator("li[data-indicator='17b']")).ToHaveCountAsync(1);
        var listed = await IndicatorsListedAsync(list);
        Assert.Contains("1", listed);
        Assert.DoesNotContain("12a", listed); // FVD's
        Assert.DoesNotContain("16", listed); // counted by the platform, not entered
        await Expect(list.Locator("li[data-indicator='17b'] a.rz-button")).ToHaveAttributeAsync("href", "indicators/17b");

        await portal.EnterMeasurementAsync("PDPD", "17b", Year, 62.5m);
        await Expect(list.Locator("li[data-indicator='17b']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#start-leadership, #start-surveys, #start-media")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_person_with_several_roles_sees_the_section_of_each()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership, StaffRoles.Communications], ["KN"]);
        var (browser, page) = await StartAsync(email, password);
        await using var _ = browser;

        await Expect(page.Locator("#start-leadership")).ToBeVisibleAsync();
        await Expect(page.Locator("#start-media")).ToBeVisibleAsync();
        await Expect(page.Locator("#start-surveys, #start-unit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Staff_who_open_the_home_page_land_on_their_start_page()
    {
        var (browser, page) = await StartAsync(StaffRoles.Leadership);
        await using var _ = browser;

        await page.GotoAsync("");

        Assert.EndsWith("/staff", page.Url);
        Assert.Equal("Darba sākums", (await page.Locator("h1").InnerTextAsync()).Trim());
    }
}

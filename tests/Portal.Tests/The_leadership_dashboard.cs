using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace StrategyPlatform.Portal.Tests;

/// <summary>The dashboard on the real Kpi service: its seeded catalogue, values entered, live updates over the broker.</summary>
public sealed class The_leadership_dashboard(KpiPortalFixture portal) : IClassFixture<KpiPortalFixture>
{
    private async Task<(BrowserSession Browser, IPage Page)> SignedInAsync(string role, params string[] units)
    {
        var (email, password) = await portal.CreateUserAsync([role], units);
        var browser = await portal.OpenAsync();
        await browser.Page.SignInAsync(email, password);
        return (browser, browser.Page);
    }

    private static ILocator Tile(IPage page, string number) => page.Locator($"article.kpi-tile[data-indicator='{number}']");

    [Fact]
    public async Task Shows_all_21_indicators_key_ones_first_and_the_activities_with_their_real_baselines()
    {
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;

        await page.GotoAsync("indicators");

        await Expect(page.Locator("article.kpi-tile")).ToHaveCountAsync(21);
        Assert.Equal(["1", "2", "3", "4", "5a", "5b"], await page.Locator("#priority-1 ~ .kpi-tiles article").EvaluateAllAsync<string[]>("a => a.map(e => e.dataset.indicator)"));
        Assert.Equal(["6", "10", "12a"], (await page.Locator("#priority-2 ~ .kpi-tiles article.kpi-key").EvaluateAllAsync<string[]>("a => a.map(e => e.dataset.indicator)")));
        await Expect(Tile(page, "1").Locator(".kpi-trend")).ToContainTextAsync("2023: 10,0 % (bāzes vērtība)");
        await Expect(Tile(page, "12a").Locator(".kpi-trend")).ToContainTextAsync("2023: 348,29 MWh (bāzes vērtība)");
        await Expect(Tile(page, "16").Locator(".kpi-trend")).ToContainTextAsync("2024: 88,8 % (bāzes vērtība)");
        await Expect(Tile(page, "16")).ToContainTextAsync("ne zemāk par bāzes vērtību 88,8 % (2024)");
        await Expect(Tile(page, "3").Locator(".kpi-tile-status")).ToHaveTextAsync("–Vēl nav datu");
        // Indicators 3 and 6 say in Latvian what they count, not just "Skaits".
        await Expect(Tile(page, "3").Locator("h3")).ToContainTextAsync("attīstīto instrumentu skaits");
        await Expect(Tile(page, "6").Locator("h3")).ToContainTextAsync("sadarbības formu skaits");
        await Expect(page.Locator("li.kpi-activity")).ToHaveCountAsync(3);
        await Expect(page.Locator("li.kpi-activity[data-activity='e-learning']")).ToContainTextAsync("darbinieki: 50 no 320");
        await Expect(page.Locator("li.kpi-activity[data-activity='e-learning']")).ToContainTextAsync("iestādes: 25 no 54");
    }

    [Fact]
    public async Task A_PDPD_owner_enters_2025_turnover_of_12_percent_with_the_keyboard_and_the_tile_says_not_achieved()
    {
        var (browser, page) = await SignedInAsync(StaffRoles.IndicatorOwner, "PDPD");
        await using var _ = browser;
        await page.GotoAsync("indicators/1");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#m-year").WaitForAsync();

        await page.TabToAsync("#m-year", maxStops: 80);
        await page.Keyboard.TypeAsync("2025");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("12");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("HOP dati par 2025. gadu");
        await page.TabToAsync(".kpi-enter button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".kpi-form-outcome")).ToHaveTextAsync("Saglabāts: 2025. gads, 12,0 %.");
        await Expect(page.Locator(".kpi-measurements tbody")).ToContainTextAsync("HOP dati par 2025. gadu");
        // The chart's baseline and target lines read as two sentences, a space between them.
        await Expect(page.Locator("p.hint", new() { HasTextString = "Bāzes vērtība" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Bāzes vērtība: .+\(2023\)\. Mērķa līnija: .+\.$"));
        await page.GotoAsync("indicators");
        await Expect(Tile(page, "1").Locator(".kpi-value")).ToHaveTextAsync("12,0 %");
        await Expect(Tile(page, "1").Locator(".kpi-tile-status")).ToContainTextAsync("Nav sasniegts");
    }

    [Fact]
    public async Task Shows_a_value_entered_elsewhere_on_an_open_dashboard_without_reloading()
    {
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;
        await page.GotoAsync("indicators");
        await page.WaitUntilInteractiveAsync();
        await Expect(Tile(page, "12a").Locator(".kpi-value")).ToHaveTextAsync("nav vērtības");
        await page.EvaluateAsync("() => window.notReloaded = true");

        // Another user enters the value in the service; the service publishes IndicatorValueChanged through its outbox.
        await portal.EnterMeasurementAsync("FVD", "12a", 2025, 330.5m);

        await Expect(Tile(page, "12a").Locator(".kpi-value")).ToHaveTextAsync("330,5 MWh");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
    }

    [Fact]
    public async Task Names_who_entered_a_value_even_when_the_portal_has_no_account_for_them()
    {
        // Entered through the service by a caller the portal has no account for; the token carried the name.
        await portal.EnterMeasurementAsync("FVD", "12b", 2025, 2);
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;

        await page.GotoAsync("indicators/12b");
        await page.WaitUntilInteractiveAsync();

        await Expect(page.Locator(".kpi-measurements tbody")).ToContainTextAsync("Test user FVD-owner");
    }

    [Fact]
    public async Task The_review_offers_to_lock_only_a_year_that_has_ended_and_says_when_the_running_one_can_be()
    {
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;
        var running = Contracts.LatvianTime.Today(TimeProvider.System).Year;

        if (Contracts.StrategyYears.Contains(running))
        {
            await page.GotoAsync($"indicators/review/{running}");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.Locator(".kpi-lock-later")).ToContainTextAsync($"31.12.{running}");
            Assert.Equal(0, await page.Locator("form.kpi-lock").CountAsync());
        }
        await page.GotoAsync("indicators/review/2025");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("form.kpi-lock button[type=submit]")).ToBeVisibleAsync();
        // The section's navigation marks the review as the page shown, for any of its years.
        await Expect(page.Locator("nav.section-nav a[href='indicators/review']")).ToHaveAttributeAsync("aria-current", "page");
        Assert.Equal(1, await page.Locator("nav.section-nav a[aria-current=page]").CountAsync());
    }

    [Fact]
    public async Task Review_report_downloads_as_Excel_through_the_portal()
    {
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;

        var response = await page.APIRequest.GetAsync("indicators/review/2025.xlsx?lang=en");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Headers["content-type"]);
        Assert.Contains("strategy-review-2025.xlsx", response.Headers["content-disposition"]);
        Assert.Equal("PK"u8.ToArray(), (await response.BodyAsync())[..2]);
    }

    [Fact]
    public async Task Review_report_lists_every_indicator_for_the_year()
    {
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;

        await page.GotoAsync("indicators/review/2024");

        await Expect(page.Locator("table.kpi-review tbody tr[data-indicator]")).ToHaveCountAsync(21);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Stratēģijas uzraudzības pārskats, 2024");
    }

    [Fact]
    public async Task A_baseline_year_shows_its_baseline_value_on_the_indicators_page_and_in_the_review()
    {
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;

        // Indicator 16's baseline is 88.8 % in 2024; nothing was measured that year.
        await page.GotoAsync("indicators/16");
        var baselineYear = page.Locator("table.kpi-years tr[data-year='2024']");
        await Expect(baselineYear).ToContainTextAsync("88,8 % (bāzes vērtība)");
        await Expect(baselineYear).ToContainTextAsync("bāzes gads");
        await Expect(baselineYear).Not.ToContainTextAsync("nav vērtības");
        await Expect(page.Locator("table.kpi-years tr[data-year='2025']")).ToContainTextAsync("nav vērtības");

        await page.GotoAsync("indicators/review/2024");
        await Expect(page.Locator("table.kpi-review tr[data-indicator='16']")).ToContainTextAsync("88,8 % (bāzes vērtība)");
    }

    [Fact]
    public async Task An_english_dashboard_shows_no_latvian_text_and_labels_a_note_given_only_in_latvian()
    {
        await portal.RecordProgressAsync("respect-code-remote", new { asOf = "2026-09-30", sessions = 3, note = "Trešais attālinātais seminārs notika septembrī." });
        var (browser, page) = await SignedInAsync(StaffRoles.Leadership);
        await using var _ = browser;
        await page.GotoAsync("indicators");
        await page.Locator("a.language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator("article.kpi-tile")).ToHaveCountAsync(21);

        // The seeded note has its English text; a note entered only in Latvian says so and carries lang="lv".
        await Expect(page.Locator("li.kpi-activity[data-activity='e-learning'] .activity-note")).ToHaveTextAsync(
            "50 representatives of 25 state and municipal institutions trained; about 200 representatives of 48 institutions applied (started in February 2026).");
        var remote = page.Locator("li.kpi-activity[data-activity='respect-code-remote'] .activity-note");
        await Expect(remote.Locator(".note-language")).ToHaveTextAsync("In Latvian:");
        await Expect(remote.Locator("[lang=lv]")).ToHaveTextAsync("Trešais attālinātais seminārs notika septembrī.");

        // Nowhere else on the page a Latvian letter, but in text marked Latvian or in proper names, which keep their spelling in English.
        var latvian = await page.EvaluateAsync<string[]>(LatvianTextOutsideLatvianElements);
        Assert.Empty(latvian);
    }

    private const string LatvianTextOutsideLatvianElements = """
        () => {
            const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            const found = [];
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const text = n.textContent.replace(/Cieņas kods|Liepāja|Augšdaugava/g, '');
                if (/[āčēģīķļņšūž]/i.test(text) && n.parentElement.closest('[lang]').lang !== 'lv') found.push(n.textContent.trim());
            }
            return found;
        }
        """;

    public static TheoryData<bool> Languages => new() { false, true };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Pages_have_no_axe_violations(bool english)
    {
        var (browser, page) = await SignedInAsync(StaffRoles.Administrator);
        await using var _ = browser;
        if (english)
        {
            await page.Locator("a.language-switch").ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        foreach (var (path, ready) in new[] { ("indicators", "article.kpi-tile"), ("indicators/1", "#m-year"), ("indicators/16", "table.kpi-series"), ("indicators/review/2025", "table.kpi-review") })
        {
            await page.GotoAsync(path);
            await page.WaitUntilInteractiveAsync();
            await page.Locator(ready).First.WaitForAsync();
            Assert.Equal(english ? "en" : "lv", await page.LanguageAsync());
            await page.AssertNoAxeViolationsAsync();
        }
    }
}

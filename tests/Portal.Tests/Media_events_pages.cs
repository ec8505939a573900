using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Media_events_pages(MediaEventsPortalFixture portal) : IClassFixture<MediaEventsPortalFixture>
{
    public static TheoryData<bool> Languages => new() { false, true };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Have_no_axe_violations_with_content_and_with_validation_errors(bool english)
    {
        var id = await portal.CreateEventAsync("Ministre par darba samaksas pārredzamību", "Interview", DateTimeOffset.Now.AddDays(-1));
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Communications], ["KN"]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);
        if (english)
        {
            await page.Locator("a.language-switch").ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        foreach (var (path, ready) in new[]
        {
            ("media-events", "main table a[href^='media-events/']"), ($"media-events/{id}", "#history-title"),
            ("media-events/calendar", "table.month-grid"), ("media-events/overview", ".rule-types"),
            ("media-events/campaigns", "#new-campaign-title"), ("media-events/import", "#import-file"), ("media-events/new", "#title"),
        })
        {
            await page.GotoAsync(path);
            await page.WaitUntilInteractiveAsync();
            await page.Locator(ready).First.WaitForAsync();
            Assert.Equal(english ? "en" : "lv", await page.LanguageAsync());
            await page.AssertNoAxeViolationsAsync();
            // The section's own navigation marks the page shown (none on an event's page, which is not one of its links).
            var current = await page.Locator("nav.section-nav a[aria-current=page]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(path == $"media-events/{id}" ? [] : [path], current);
        }
        // ... visibly, and it follows a navigation inside the live page.
        await page.GotoAsync("media-events/overview");
        await page.WaitUntilInteractiveAsync();
        var overview = page.Locator("nav.section-nav a[href='media-events/overview']");
        Assert.NotEqual("none", await overview.EvaluateAsync<string>("a => getComputedStyle(a).boxShadow"));
        await page.Locator("nav.section-nav a[href='media-events/calendar']").ClickAsync();
        await Assertions.Expect(page.Locator("nav.section-nav a[href='media-events/calendar']")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(overview).Not.ToHaveAttributeAsync("aria-current", "page");
        // The counting rule is on the pages in the page's language: a news item is indicator 14's, not 13's.
        await page.GotoAsync("media-events/overview");
        await page.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator(".rule-types tr[data-type='AchievementNews']")).ToContainTextAsync(english ? "counts for indicator 14" : "skaita 14. rādītājs");
        await Assertions.Expect(page.Locator(".rule-types tr[data-type='PressConference']")).ToContainTextAsync(english ? "yes" : "jā");
        await page.GotoAsync("media-events/new");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#type").SelectOptionAsync("OpinionArticle");
        await Assertions.Expect(page.Locator("#type-hint")).ToContainTextAsync(english ? "Does not count for indicator 13" : "Netiek ieskaitīts 13. rādītājā");

        await page.Locator("main button[type=submit]").ClickAsync();
        await page.Locator("#title-error").WaitForAsync();
        await page.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task A_communications_user_creates_an_event_with_the_keyboard_alone_and_sees_the_services_messages_by_the_fields()
    {
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Communications], ["KN"]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);
        await page.GotoAsync("media-events/new");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("#title").WaitForAsync();

        // Sent empty first: the service's 400 comes back beside each field it names.
        await page.TabToAsync("main button[type=submit]", maxStops: 60);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#title-error")).ToContainTextAsync("Ievadiet nosaukumu");
        await Assertions.Expect(page.Locator("#type-error")).ToContainTextAsync("Izvēlieties notikuma veidu");
        await Assertions.Expect(page.Locator("#startsAt-error")).ToBeVisibleAsync();
        Assert.Equal("true", await page.Locator("#title").GetAttributeAsync("aria-invalid"));

        await page.TabToAsync("#title", backwards: true, maxStops: 60);
        await page.Keyboard.TypeAsync("Mediju brokastis par sociālo pakalpojumu katalogu");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Mediju brokastis");
        await page.Keyboard.PressAsync("Tab");
        // Each part of the date and time (whatever order the browser's locale shows them in) set from today.
        for (var part = 0; part < 6; part++)
        {
            await page.Keyboard.PressAsync("ArrowUp");
            await page.Keyboard.PressAsync("ArrowRight");
        }
        await page.TabToAsync("#goal-8");
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("#coverageLinks");
        await page.Keyboard.TypeAsync("not a link");
        await page.TabToAsync("main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#coverageLinks-error")).ToContainTextAsync("1. saite nav tīmekļa adrese");

        await page.TabToAsync("#coverageLinks", backwards: true);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("https://www.lsm.lv/raksts/brokastis");
        await page.TabToAsync("main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/media-events/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mediju brokastis par sociālo pakalpojumu katalogu");
        await Assertions.Expect(page.Locator("#history-title")).ToBeVisibleAsync();
        using var editor = portal.Editor();
        var saved = await editor.GetFromJsonAsync<JsonElement>($"/api/media-events/{page.Url[^36..]}");
        var e = saved.GetProperty("event");
        Assert.Equal("InformalMeetingWithJournalists", e.GetProperty("type").GetString());
        Assert.Equal([8], e.GetProperty("goals").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal("https://www.lsm.lv/raksts/brokastis", e.GetProperty("coverageLinks")[0].GetString());
        Assert.True(e.GetProperty("countsAsProactive").GetBoolean());
    }

    [Fact]
    public async Task Leadership_reads_the_list_but_is_offered_no_changes_and_cannot_open_the_form()
    {
        await portal.CreateEventAsync("Preses relīze par budžetu", "PressRelease", DateTimeOffset.Now.AddDays(-2));
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Leadership]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);

        await page.GotoAsync("media-events");
        await page.WaitUntilInteractiveAsync();

        await Assertions.Expect(page.Locator("main table a[href^='media-events/']").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("a[href='media-events/new']").CountAsync());
        Assert.Contains("Mediju notikumi", await page.NavigationAsync());
        var href = await page.Locator("a[href^='media-events/export.xlsx']").GetAttributeAsync("href");
        var export = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, export.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Headers["content-type"]);
        Assert.Equal("PK"u8.ToArray(), (await export.BodyAsync())[..2]);
        await page.GotoAsync("media-events/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Piekļuve liegta");
    }

    [Fact]
    public async Task A_csv_with_two_bad_rows_is_reported_by_line_and_nothing_is_imported()
    {
        using var editor = portal.Editor();
        var before = (await editor.GetFromJsonAsync<JsonElement>("/api/media-events?includeWithdrawn=true&take=1")).GetProperty("total").GetInt32();
        var (email, password) = await portal.CreateUserAsync([StaffRoles.Communications], ["KN"]);
        await using var browser = await portal.OpenAsync();
        var page = browser.Page;
        await page.SignInAsync(email, password);
        await page.GotoAsync("media-events/import");
        await page.WaitUntilInteractiveAsync();

        var csv = "startsAt;type;title;estimatedReach\n2024-03-01 10:00;Interview;Intervija LTV;1000\n2024-03-02 10:00;NoSuchType;Slikts veids;10\n"
            + "2024-03-03 10:00;Interview;;-5\n2024-03-04 10:00;PressRelease;Relīze;0\n";
        var file = new FilePayload { Name = "vesture.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) };
        var import = page.Locator("main button[type=submit]");
        // InputFile hooks its change event after its first render; a file chosen before that is not seen, so choose again.
        for (var attempt = 0; attempt < 10 && !await import.IsEnabledAsync(); attempt++)
        {
            await page.Locator("#import-file").SetInputFilesAsync(file);
            await page.WaitForTimeoutAsync(500);
        }
        await import.ClickAsync();

        var report = page.Locator("table.import-report tbody");
        await Assertions.Expect(report).ToBeVisibleAsync();
        var lines = (await report.Locator("tr td:first-child").AllInnerTextsAsync()).Select(l => l.Trim()).Distinct().ToList();
        Assert.Equal(["3", "4"], lines);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nekas nav importēts");
        var after = (await editor.GetFromJsonAsync<JsonElement>("/api/media-events?includeWithdrawn=true&take=1")).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }
}

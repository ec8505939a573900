using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests.Look;

/// <summary>
/// Issue 10: the portal once rendered as unstyled HTML (a premium theme's stylesheet and icon font
/// answered 404) while every test and axe passed. This tour opens every page a role may open, in
/// both languages, and fails on any failed sub-request, a missing theme, an icon shown as its word,
/// or sideways scrolling at 1280 px or 360 px. With <c>PORTAL_SCREENSHOTS</c> set to a folder, the
/// same tour writes the screenshots of <c>scripts/screenshots.sh</c>.
/// </summary>
[Collection(ShowcaseCollection.Name)]
public sealed class Every_page_looks_finished(ShowcasePortalFixture portal)
{
    public const string Anonymous = "Anonymous";

    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS");

    public static TheoryData<string, string> Tours()
    {
        var tours = new TheoryData<string, string>();
        foreach (var role in new[] { Anonymous }.Concat(StaffRoles.All))
        {
            tours.Add(role, "lv");
            tours.Add(role, "en");
        }
        return tours;
    }

    [Theory]
    [MemberData(nameof(Tours))]
    public async Task Every_page_of_the_role_loads_all_its_assets_shows_the_theme_and_icons_and_fits_1280_and_360_px(string role, string language)
    {
        await using var session = await portal.OpenAsync(language == "lv" ? "lv-LV" : "en-GB");
        await session.Page.GotoAsync($"culture?culture={language}&returnUrl=/");
        if (role != Anonymous)
        {
            var (email, password) = portal.Accounts[role];
            await session.Page.SignInAsync(email, password);
        }

        var problems = new List<string>();
        var visited = 0;
        foreach (var stop in PortalTour.For(portal, role == Anonymous ? null : role, language))
        {
            await using var probe = await LookProbe.OpenAsync(session.Context);
            await probe.Page.SetViewportSizeAsync(1280, 900);
            await probe.VisitAsync(stop);
            Assert.Equal(language, await probe.Page.LanguageAsync());
            var wide = await probe.MeasureAsync();
            if (ChecksAccessibility(stop) && language == "en")
            {
                await probe.Page.AssertNoAxeViolationsAsync();
            }
            await ScreenshotAsync(probe.Page, stop, role, language, 1280);
            await probe.Page.SetViewportSizeAsync(360, 780);
            await probe.Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"); // the page's resize handlers ran
            var narrow = await probe.MeasureAsync();
            if (ChecksAccessibility(stop) && language == "lv")
            {
                await probe.Page.AssertNoAxeViolationsAsync();
            }
            await ScreenshotAsync(probe.Page, stop, role, language, 360);

            problems.AddRange(probe.FailedRequests.Concat(wide.Problems()).Concat(narrow.Problems()).Distinct().Select(p => $"/{stop.Path}: {p}"));
            visited++;
        }

        Assert.True(visited > 0);
        Assert.True(problems.Count == 0, $"{role} ({language}) saw {problems.Count} problems:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// axe on the pages no other test checks as they look here: the start page of every role with its data, and
    /// pages whose tables scroll in their own box on a phone. (The Accessibility tests and each feature's own
    /// tests check the other pages; axe costs about 3 s a page on the build machine, so not every stop twice.)
    /// In English at 1280 px, in Latvian at 360 px.
    /// </summary>
    private static bool ChecksAccessibility(TourStop stop) => stop.Name is "start" or "review" or "survey-open" or "answer-step-1";

    /// <summary>One screenshot per page, language and width (staff pages as the Administrator sees them, the start page per role).</summary>
    private static async Task ScreenshotAsync(IPage page, TourStop stop, string role, string language, int width)
    {
        if (string.IsNullOrEmpty(ScreenshotFolder) || !(stop.IsPublic || role == StaffRoles.Administrator || stop.Name == "start"))
        {
            return;
        }
        var who = stop.Name == "start" ? $"-{role}" : "";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{stop.Name}{who}-{language}-{width}.png"), FullPage = true });
        if (stop.Name == "review" && width == 1280)
        {
            // The monitoring group prints the review: how it looks on paper (A4 landscape is about 1120 px at 96 dpi).
            await page.SetViewportSizeAsync(1120, 790);
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{stop.Name}-print-{language}.png"), FullPage = true });
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
            await page.SetViewportSizeAsync(1280, 900);
        }
    }
}

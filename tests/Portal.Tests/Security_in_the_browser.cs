using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>
/// In a real browser: every page works under the portal's Content-Security-Policy (Blazor's live connection,
/// Radzen's components) and the browser reports no violation; text someone stored as markup is shown as text.
/// </summary>
public sealed class Security_in_the_browser(WholePlatformPortalFixture portal) : IClassFixture<WholePlatformPortalFixture>
{
    private const string Markup = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    /// <summary>Records what the browser reports: a blocked script, style or connection, and console errors.</summary>
    private const string Watch = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task Every_page_works_under_the_content_security_policy_and_the_browser_reports_no_violation()
    {
        var token = await portal.OpenPartnerSurveyAsync(2026);
        await using var browser = await portal.OpenAsync();
        await browser.Context.AddInitScriptAsync(Watch);
        var page = browser.Page;
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Text}");
            }
        };

        foreach (var path in new[] { "", "account/signin", $"answer/{token}", "no-such-page" })
        {
            await VisitAsync(page, path, interactive: false);
        }
        await page.SignInAsync(PortalFixture.AdminEmail, portal.AdminPassword);
        foreach (var path in new[]
        {
            "staff", "indicators", "indicators/16", "indicators/review/2025", "indicators/rebuild", "surveys", "surveys/organisations",
            "media-events", "media-events/calendar", "media-events/overview", "media-events/campaigns", "media-events/new", "media-events/import",
            "admin/users", "admin/audit", "account/password",
        })
        {
            await VisitAsync(page, path, interactive: path != "account/password");
        }
        // A Radzen dialog and a grid's paging work too (they run Radzen's script).
        await page.GotoAsync("admin/users");
        await page.WaitUntilInteractiveAsync();
        await page.Locator("table tbody button").First.ClickAsync();
        await page.Locator(".rz-dialog").WaitForAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        var refused = errors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || e.Contains("Refused to", StringComparison.Ordinal));
        Assert.True(!refused.Any(), string.Join("\n", refused));

        // The policy is what stops an injected script: one without the response's nonce is refused, and the browser says so.
        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }
            """);
        await page.WaitForFunctionAsync("window.__violations.length > 0");
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__injected"));
        Assert.StartsWith("script-src", (await page.EvaluateAsync<string[]>("window.__violations")).Single());
    }

    private static async Task VisitAsync(IPage page, string path, bool interactive)
    {
        await page.GotoAsync(path);
        if (interactive)
        {
            // The live connection (a WebSocket to the portal) is up: the policy let Blazor's script and connection through.
            await page.WaitUntilInteractiveAsync();
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var violations = await page.EvaluateAsync<string[]>("window.__violations");
        Assert.True(violations.Length == 0, $"{path}: {string.Join("; ", violations)}");
    }

    [Fact]
    public async Task Markup_someone_stored_is_shown_as_text_on_the_pages_and_never_runs()
    {
        using var communications = portal.AsStaff(portal.MediaEvents, [StaffRoles.Communications], ["KN"]);
        var logged = await communications.PostAsJsonAsync("/api/media-events", new
        {
            startsAt = DateTimeOffset.Parse("2026-03-10T10:00:00+02:00"), type = "MediaBriefing", title = Markup, summary = Markup, goals = new[] { 8 },
            outlets = new[] { "LSM" }, estimatedReach = 100, coverageLinks = Array.Empty<string>(),
        });
        logged.EnsureSuccessStatusCode();
        var eventId = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var manager = portal.AsStaff(portal.Surveys, [StaffRoles.SurveyManager]);
        var (surveyId, tokens) = await SurveyRespondents.OpenPartnerSurveyAsync(manager, 2026, 1);
        using var respondent = portal.Surveys.CreateClient();
        await SurveyRespondents.AnswerLinkAsync(respondent, tokens[0], 4, comment: Markup);

        await using var browser = await portal.OpenAsAdministratorAsync();
        var page = browser.Page;
        foreach (var (path, shown) in new[] { ($"media-events/{eventId}", "main"), ("media-events?from=2026-03-01&to=2026-03-31", "main"), ($"surveys/{surveyId}/results", "main") })
        {
            await page.GotoAsync(path);
            await page.WaitUntilInteractiveAsync();
            await page.GetByText("window.__xss=1", new() { Exact = false }).First.WaitForAsync();
            Assert.Contains("<script>window.__xss=1</script>", await page.Locator(shown).InnerTextAsync());
            Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
            Assert.Equal(0, await page.Locator("main script, main img[src='x']").CountAsync());
        }
    }
}

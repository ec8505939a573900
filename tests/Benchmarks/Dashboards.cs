using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// Signed-in staff with the indicators dashboard open in a real browser (Debian's Chromium), each in a session
/// of its own: an indicator owner enters a new figure through the KPI API, and every open dashboard must show it.
/// Timed from the request to the moment each page shows the new value, as the page itself observes it.
/// </summary>
internal static class Dashboards
{
    /// <summary>How long a session is given to show a change before it counts as not shown.</summary>
    public static readonly TimeSpan ShowTimeout = TimeSpan.FromSeconds(30);

    public static async Task<double[]> MeasureAsync(BenchmarkApp app, int sessions, int changes, string output)
    {
        using var leadership = app.Client("kpi", ["Leadership"]);
        var indicators = await leadership.GetFromJsonAsync<JsonElement>("/api/kpi/indicators");
        var indicator = indicators.EnumerateArray().First(i => i.GetProperty("origin").GetString() == "Entered" && i.GetProperty("unit").GetString() == "Percent");
        var number = indicator.GetProperty("number").GetString()!;
        var unit = indicator.GetProperty("responsibleUnits")[0].GetString()!;
        using var owner = app.Client("kpi", ["IndicatorOwner"], [unit]);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--renderer-process-limit=6", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var portal = app.App.GetEndpoint("web", "http").ToString();
        var signIn = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal });
        var first = await signIn.NewPageAsync();
        await first.GotoAsync("account/signin");
        await first.FillAsync("#email", BenchmarkApp.AdminEmail);
        await first.FillAsync("#password", app.AdminPassword);
        await first.Locator("main button[type=submit]").ClickAsync();
        await first.WaitForURLAsync(url => !url.Contains("signin", StringComparison.Ordinal));
        var signedIn = await signIn.StorageStateAsync();

        var value = $"[data-indicator=\"{number}\"] .kpi-value";
        var pages = new List<IPage>();
        for (var i = 0; i < sessions; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal, StorageState = signedIn });
            var page = await context.NewPageAsync();
            await page.GotoAsync("indicators");
            try
            {
                await page.Locator(value).WaitForAsync(new() { Timeout = 120_000 });
            }
            catch (TimeoutException)
            {
                // What the session saw instead, so the reason is in the output rather than guessed.
                var screenshot = Path.GetFullPath(Path.Combine(output, "benchmark-dashboard-failure.png"));
                Directory.CreateDirectory(output);
                await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
                var text = await page.Locator("main").First.InnerTextAsync(new() { Timeout = 5_000 });
                throw new InvalidOperationException(
                    $"Dashboard session {i + 1} at {page.Url} did not show indicator {number} within 120 s; it showed: {text[..Math.Min(text.Length, 400)]} (screenshot {screenshot})");
            }
            pages.Add(page);
        }

        var shown = new List<double>();
        for (var k = 0; k < changes; k++)
        {
            var figure = 21 + k; // two digits each, so no figure's digits begin another's
            // Each page watches for the figure itself (a MutationObserver, stamped with the shared wall clock), armed
            // before the change: polling 50 pages every 20 ms from here spent the two cores the portal needed.
            await Task.WhenAll(pages.Select(page => page.EvaluateAsync("""
                ([selector, figure, timeout]) => {
                    const shows = () => (document.querySelector(selector)?.textContent ?? '').replace(/[^0-9]/g, '').startsWith(figure);
                    window.__benchmarkShown = new Promise(resolve => {
                        const observer = new MutationObserver(() => { if (shows()) { observer.disconnect(); resolve(Date.now()); } });
                        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
                        setTimeout(() => { observer.disconnect(); resolve(shows() ? Date.now() : null); }, timeout);
                    });
                }
                """, new object[] { value, figure.ToString(), ShowTimeout.TotalMilliseconds })));
            var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            using var entered = await owner.PostAsJsonAsync($"/api/kpi/indicators/{number}/measurements",
                new { year = 2027, value = figure, comment = "benchmark", reason = "benchmark" });
            entered.EnsureSuccessStatusCode();
            var times = await Task.WhenAll(pages.Select(async page =>
                // Never shown: longer than any wait, so a p95 it reaches is no figure.
                await page.EvaluateAsync<double?>("() => window.__benchmarkShown") is { } at ? at - started : double.PositiveInfinity));
            shown.AddRange(times);
            await Task.Delay(1000);
        }
        return [.. shown];
    }
}

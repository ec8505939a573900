using Microsoft.Playwright;

namespace StrategyPlatform.Portal.Tests.Look;

/// <summary>What a person would see wrong on a page, as the browser measured it (filled from JSON, hence the setters).</summary>
public sealed class LookReport
{
    public bool ThemeVariables { get; set; }
    public string BodyFont { get; set; } = "";
    public string BodyMargin { get; set; } = "";
    public List<string> UnstyledButtons { get; set; } = [];
    public int Icons { get; set; }
    public bool IconFontLoaded { get; set; }
    public List<string> IconsShownAsWords { get; set; } = [];
    public int ScrollWidth { get; set; }
    public int ViewportWidth { get; set; }

    /// <summary>Everything wrong with the page in words (empty when it looks as designed).</summary>
    public IEnumerable<string> Problems()
    {
        if (!ThemeVariables)
        {
            yield return "the theme's stylesheet is not applied (no --rz-primary)";
        }
        if (BodyFont.StartsWith("\"Times", StringComparison.Ordinal) || BodyFont.StartsWith("Times", StringComparison.Ordinal) || BodyMargin == "8px")
        {
            yield return $"the body has the browser's default look ({BodyFont}, margin {BodyMargin})";
        }
        foreach (var button in UnstyledButtons)
        {
            yield return $"a primary button has the browser's default look: {button}";
        }
        if (Icons > 0 && !IconFontLoaded)
        {
            yield return "the icon font is not loaded";
        }
        foreach (var icon in IconsShownAsWords)
        {
            yield return $"an icon shows as its word: {icon}";
        }
        if (ScrollWidth > ViewportWidth)
        {
            yield return $"the page scrolls sideways at {ViewportWidth} px ({ScrollWidth} px wide)";
        }
    }
}

/// <summary>
/// Opens one page in its own tab and records every sub-request that failed or answered 4xx/5xx
/// (stylesheets, fonts, scripts, images), then measures the look: theme applied, icon font loaded,
/// no sideways scrolling. The page's own document may answer 404 (the not-found page does).
/// </summary>
public sealed class LookProbe : IAsyncDisposable
{
    private readonly List<string> failedRequests = [];

    private LookProbe(IPage page)
    {
        Page = page;
        page.RequestFailed += (_, request) => Record($"{request.Method} {request.Url} failed: {request.Failure}", request);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsThePageItself(response.Request))
            {
                Record($"{response.Request.Method} {response.Url} answered {response.Status}", response.Request);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> FailedRequests
    {
        get
        {
            lock (failedRequests)
            {
                return [.. failedRequests];
            }
        }
    }

    public static async Task<LookProbe> OpenAsync(IBrowserContext context) => new(await context.NewPageAsync());

    private static bool IsThePageItself(IRequest request) => request.IsNavigationRequest && request.ResourceType == "document";

    private void Record(string failure, IRequest request)
    {
        // The live connection's long-poll and the circuit's socket end when the tab closes; that is no missing asset.
        if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
        {
            return;
        }
        lock (failedRequests)
        {
            failedRequests.Add(failure);
        }
    }

    /// <summary>Opens <paramref name="stop"/> and waits until it shows its content (live pages: connected and loaded).</summary>
    public async Task VisitAsync(TourStop stop)
    {
        await Page.GotoAsync(stop.Path);
        if (stop.Live)
        {
            await Page.WaitUntilInteractiveAsync();
        }
        await Page.WaitForFunctionAsync("""
            () => ![...document.querySelectorAll('main [role=status]')].some(e => /^(Ielādē|Loading)…$/.test(e.textContent.trim()))
            """);
        if (stop.Act is { } act)
        {
            await act(Page);
        }
        // fonts.ready covers only loads already begun: icons that an interactive page renders a moment later,
        // or a theme stylesheet the circuit re-attaches, start the icon font's load after it resolved (seen on
        // a loaded build machine). So wait, a bounded while, for the face to load as a person would; a face
        // that never loads is then measured and reported as not loaded.
        try
        {
            await Page.WaitForFunctionAsync($$"""
                () => !document.querySelector('.rzi, .rz-icon, i.notranslate') || ({{IconFontWorks}})()
                """, null, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            // Measured and reported by MeasureAsync.
        }
        await Page.EvaluateAsync("() => document.fonts.ready");
    }

    /// <summary>Measures the page as it is now, at its current width.</summary>
    public async Task<LookReport> MeasureAsync() => System.Text.Json.JsonSerializer.Deserialize<LookReport>(
        await Page.EvaluateAsync<string>(Measure), System.Text.Json.JsonSerializerOptions.Web)!;

    /// <summary>
    /// Whether the icon font draws a ligature as one glyph, as a person sees it: a word set in the icon face
    /// is about one em wide when the font works and many ems in a fallback font. (document.fonts' status proved
    /// no judge on a loaded build machine: it reported the face not loaded on pages whose icons it drew.) The
    /// probe element asks for the font like any icon does.
    /// </summary>
    private const string IconFontWorks = """
        () => {
          const probe = document.createElement('span');
          probe.textContent = 'manage_accounts';
          probe.style.cssText = 'font-family:"Material Symbols";font-size:24px;font-feature-settings:"liga";position:absolute;left:0;top:0;visibility:hidden;white-space:nowrap';
          document.body.appendChild(probe);
          const works = probe.getBoundingClientRect().width < 48;
          probe.remove();
          return works;
        }
        """;

    private static readonly string Measure = MeasureScript.Replace("ICONFONTWORKS", IconFontWorks.Trim(), StringComparison.Ordinal);

    private const string MeasureScript = """
        () => {
          const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          const body = getComputedStyle(document.body);
          const buttons = [...document.querySelectorAll('.rz-button.rz-primary:not(.rz-variant-text):not(.rz-variant-outlined)')].filter(visible)
            .filter(b => { const s = getComputedStyle(b); return s.backgroundColor === 'rgb(239, 239, 239)' || s.backgroundColor === 'rgba(0, 0, 0, 0)' || s.borderRadius === '0px'; })
            .map(b => b.outerHTML.slice(0, 120));
          const icons = [...document.querySelectorAll('.rzi, .rz-icon, i.notranslate')].filter(visible);
          const words = icons.filter(i => i.getBoundingClientRect().width > parseFloat(getComputedStyle(i).fontSize) * 1.6)
            .map(i => `${i.textContent.trim()} (${Math.round(i.getBoundingClientRect().width)} px)`);
          const iconFont = (ICONFONTWORKS)();
          return JSON.stringify({
            themeVariables: getComputedStyle(document.documentElement).getPropertyValue('--rz-primary').trim() !== '',
            bodyFont: body.fontFamily, bodyMargin: body.margin, unstyledButtons: buttons,
            icons: icons.length, iconFontLoaded: iconFont, iconsShownAsWords: words,
            // The document, and the layout's own scrolling body: neither may scroll sideways (a wide table may, inside its own box).
            scrollWidth: window.innerWidth + Math.max(document.documentElement.scrollWidth - window.innerWidth,
              ...[...document.querySelectorAll('.rz-body')].map(e => e.scrollWidth - e.clientWidth)),
            viewportWidth: window.innerWidth,
          });
        }
        """;

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}

using Microsoft.AspNetCore.Components;

namespace StrategyPlatform.Portal.Components.Layout;

/// <summary>Whether a navigation link leads to the page shown, so it can say so (<c>aria-current="page"</c>).</summary>
public static class CurrentPage
{
    /// <param name="href">The link's base-relative address ("" is the home page).</param>
    /// <param name="below">Also the pages under it: the main navigation's "indicators" on <c>indicators/16</c>, the review on <c>indicators/review/2025</c>.</param>
    public static bool Is(NavigationManager navigation, string href, bool below)
    {
        var path = navigation.ToBaseRelativePath(navigation.Uri).Split('?', '#')[0];
        return path == href || below && href.Length > 0 && path.StartsWith(href + "/", StringComparison.Ordinal);
    }
}

using Microsoft.AspNetCore.Localization;

namespace StrategyPlatform.Portal.Localization;

public static class CultureEndpoints
{
    public const string Path = "/culture";

    /// <summary>The language switch: remembers the choice in the culture cookie for a year and returns to the same page.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (string? culture, string? returnUrl, HttpContext context) =>
        {
            if (PortalCultures.Normalize(culture) is { } chosen)
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            }
            return TypedResults.LocalRedirect(SafeLocal(returnUrl));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Only a path on this site: an open redirect would let a link send users elsewhere.</summary>
    public static string SafeLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";

    /// <summary>The switch's link for the page at <paramref name="relativeUri"/> ("" for the home page).</summary>
    public static string SwitchLink(string culture, string relativeUri) =>
        $"{Path}?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString("/" + relativeUri)}";
}

using Microsoft.AspNetCore.Localization;

namespace StrategyPlatform.Portal.Localization;

/// <summary>
/// Chooses a request's language: an explicit choice first (the culture cookie the language switch sets,
/// also in the short standard form <c>c=en|uic=en</c> or <c>c=lv|uic=lv</c>), else on a first visit the
/// browser's <c>Accept-Language</c> (the first of Latvian or English it prefers, by quality), else Latvian.
/// </summary>
/// <remarks>
/// ASP.NET Core's own providers would pass <c>en</c> or <c>en-US</c> through unmatched (the portal's
/// English is <c>en-GB</c>) and so fall back to Latvian; every value is mapped to the portal's cultures here.
/// </remarks>
public sealed class PortalCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult((FromCookie(httpContext) ?? FromAcceptLanguage(httpContext)) is { } culture ? new ProviderCultureResult(culture) : null);

    private static string? FromCookie(HttpContext httpContext) =>
        httpContext.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } value
        && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed
            ? PortalCultures.Normalize(parsed.UICultures.FirstOrDefault().Value ?? parsed.Cultures.FirstOrDefault().Value)
            : null;

    private static string? FromAcceptLanguage(HttpContext httpContext) =>
        httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not <= 0)
            .OrderByDescending(l => l.Quality ?? 1) // a stable sort: equal qualities keep the browser's order
            .Select(l => PortalCultures.Normalize(l.Value.Value))
            .FirstOrDefault(c => c is not null);
}

using Microsoft.AspNetCore.Localization;
using StrategyPlatform.Portal.Localization;

namespace Microsoft.Extensions.Hosting;

internal static class LocalizationExtensions
{
    /// <summary>Latvian by default; the culture cookie (set by the language switch) chooses English.</summary>
    public static void AddPortalLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<Radzen.ILocalizer, RadzenLatvianTexts>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Cultures[0]);
            options.SupportedCultures = [.. PortalCultures.Cultures];
            options.SupportedUICultures = [.. PortalCultures.Cultures];
            // Only the cookie: the browser's Accept-Language must not override the ministry's default language.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }
}

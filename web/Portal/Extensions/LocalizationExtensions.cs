using Microsoft.AspNetCore.Localization;
using StrategyPlatform.Portal.Localization;

namespace Microsoft.Extensions.Hosting;

internal static class LocalizationExtensions
{
    /// <summary>Latvian by default; the culture cookie (the language switch), else the browser's Accept-Language, chooses English.</summary>
    public static void AddPortalLocalization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<Radzen.ILocalizer, RadzenLatvianTexts>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Cultures[0]);
            options.SupportedCultures = [.. PortalCultures.Cultures];
            options.SupportedUICultures = [.. PortalCultures.Cultures];
            // An explicit choice wins; a first visit follows the browser; anything but Latvian or English stays Latvian.
            options.RequestCultureProviders = [new PortalCultureProvider()];
        });
    }
}

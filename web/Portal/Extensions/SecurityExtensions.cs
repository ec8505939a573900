using StrategyPlatform.Portal.Security;
using StrategyPlatform.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

internal static class SecurityExtensions
{
    /// <summary>Input limits and rate limits (as in every service), the antiforgery cookie Secure over HTTPS, a year of HSTS.</summary>
    public static void AddPortalSecurity(this IHostApplicationBuilder builder)
    {
        builder.AddInputLimits();
        builder.AddPortalRateLimits();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.AddTelemetryRedaction();
    }

    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseInputLimits();
        return app;
    }
}

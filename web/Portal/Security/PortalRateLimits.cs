using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace StrategyPlatform.Portal.Security;

/// <summary>
/// Per client address: sign-in attempts (on top of the account lockout after 5 failures, which stops
/// guessing one password but not trying many accounts), and the public survey pages. Beyond them a browser
/// gets the status page, an API client 429 ProblemDetails, both with <c>Retry-After</c>.
/// Behind a reverse proxy, forward the client's address (ForwardedHeaders) or every client is one.
/// </summary>
public static class PortalRateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicPages = "public-pages";

    public static void AddPortalRateLimits(this IHostApplicationBuilder builder)
    {
        var signIns = builder.Configuration.GetValue("Portal:RateLimits:SignInsPerMinute", 10);
        var pages = builder.Configuration.GetValue("Portal:RateLimits:PublicPagesPerMinute", 120);
        builder.Services.AddRateLimiter(options =>
        {
            // Only the posts are attempts; showing the form again after a failure is not.
            options.AddPolicy(SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => PerMinute(signIns))
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(PublicPages, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => PerMinute(pages)));
        });
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}

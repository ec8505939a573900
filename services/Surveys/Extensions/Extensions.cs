using System.Threading.RateLimiting;
using StrategyPlatform.ServiceDefaults.Security;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Surveys;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidation();
        builder.AddDefaultAuthentication();
        builder.Services.AddAuthorizationBuilder().AddSurveyPolicies();
        builder.AddNpgsqlDataSource("surveysdb", configureDataSourceBuilder: NpgsqlDefaults.Apply);
        builder.AddDatabaseMigrations(typeof(Extensions).Assembly);
        builder.AddMessaging();
        builder.AddIdempotentRequests();
        builder.AddAuditTrail();
        builder.Services.AddSingleton<InvitationIssuer>();
        builder.Services.AddSingleton<ResponseWriter>();
        // Null without ConnectionStrings:mail: the service runs, and a mailing is refused saying why.
        builder.Services.AddSingleton(services => StrategyPlatform.Surveys.Mailings.MailSettings.Read(services.GetRequiredService<IConfiguration>())!);
        builder.Services.AddSingleton<StrategyPlatform.Surveys.Mailings.MailingSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StrategyPlatform.Surveys.Mailings.MailingSender>());
        builder.AddInputLimits();
        builder.Services.AddTelemetryRedaction();
        builder.AddPublicRateLimits();
    }

    /// <summary>
    /// The public endpoints' limits, beyond which they answer 429 ProblemDetails. The service sits behind
    /// the portal, which limits each client address; here the limits are per link and per survey
    /// (<c>Surveys:Links:PermitsPerMinute</c>, default 60 writes and twice as many reads; open-link
    /// submissions <c>Surveys:OpenLink:PermitsPerMinute</c>, default 60), and all public requests
    /// together (<c>Surveys:Public:PermitsPerSecond</c>, default 200), which keeps a flood of guessed
    /// links from taking the database from everyone else.
    /// </summary>
    private static void AddPublicRateLimits(this IHostApplicationBuilder builder)
    {
        var openLink = builder.Configuration.GetValue("Surveys:OpenLink:PermitsPerMinute", 60);
        var perLink = builder.Configuration.GetValue("Surveys:Links:PermitsPerMinute", 60);
        var total = builder.Configuration.GetValue("Surveys:Public:PermitsPerSecond", 200);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Microsoft.AspNetCore.Builder.OpenLinkApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.RouteValues["surveyId"]?.ToString() ?? "",
                _ => PerMinute(openLink)));
            options.AddPolicy(Microsoft.AspNetCore.Builder.AnsweringApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                $"{http.Request.Method}:{http.Request.RouteValues["token"] ?? http.Request.RouteValues["surveyId"]}",
                _ => PerMinute(HttpMethods.IsGet(http.Request.Method) ? perLink * 2 : perLink)));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
                    ? RateLimitPartition.GetNoLimiter("staff")
                    : RateLimitPartition.GetTokenBucketLimiter("public", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = total * 2, TokensPerPeriod = total, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0,
                    }));
        });
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}

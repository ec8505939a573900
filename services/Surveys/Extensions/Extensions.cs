using System.Threading.RateLimiting;
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
        builder.AddNpgsqlDataSource("surveysdb", configureDataSourceBuilder: NpgsqlTracing.WithinTracesOnly);
        builder.AddDatabaseMigrations(typeof(Extensions).Assembly);
        builder.AddMessaging();
        builder.Services.AddSingleton<InvitationIssuer>();
        builder.Services.AddSingleton<ResponseWriter>();
        builder.AddOpenLinkRateLimit();
    }

    /// <summary>Open-link submissions per survey and minute (<c>Surveys:OpenLink:PermitsPerMinute</c>, default 60); beyond it 429.</summary>
    private static void AddOpenLinkRateLimit(this IHostApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("Surveys:OpenLink:PermitsPerMinute", 60);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Microsoft.AspNetCore.Builder.OpenLinkApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.RouteValues["surveyId"]?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}

using StrategyPlatform.Kpi.Consumers;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidation();
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDataSource("kpidb");
        builder.AddDatabaseMigrations(typeof(Extensions).Assembly);
        builder.AddMessaging(bus => bus.AddConsumer<SurveyResponseCounter>());
    }
}

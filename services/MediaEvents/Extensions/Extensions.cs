using StrategyPlatform.MediaEvents.Counting;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.MediaEvents.Files;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidation();
        builder.AddDefaultAuthentication();
        builder.AddInputLimits();
        builder.AddNpgsqlDataSource("mediadb", configureDataSourceBuilder: NpgsqlDefaults.Apply);
        builder.AddDatabaseMigrations(typeof(Extensions).Assembly);
        builder.AddMessaging();
        builder.AddIdempotentRequests();
        builder.AddAuditTrail();
        builder.Services.AddSingleton<MediaEventWriter>();
        builder.Services.AddSingleton<MediaEventImport>();
        // A new counting rule is applied once the schema exists; readiness waits for it.
        builder.Services.AddSingleton<CountingRuleChange>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CountingRuleChange>());
        builder.Services.AddHealthChecks().AddCheck<CountingRuleChange>("counting-rule", tags: ["ready"]);
    }
}

using MassTransit;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.Kpi.Consumers;
using StrategyPlatform.Kpi.Sources;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidation();
        builder.AddDefaultAuthentication();
        builder.AddInputLimits();
        builder.AddNpgsqlDataSource("kpidb", configureDataSourceBuilder: NpgsqlDefaults.Apply);
        builder.AddDatabaseMigrations(typeof(Extensions).Assembly);
        builder.AddAuditTrail();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<SurveyResponseRecorder, SurveyResponseRecorderDefinition>();
            bus.AddConsumer<MediaEventRecorder>();
        });

        builder.Services.AddSingleton<ResponseFactWriter>();
        builder.Services.AddSingleton<StatusPublisher>();
        builder.Services.AddSingleton<ComputedValues>();
        builder.Services.AddSingleton<PendingRecounts>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PendingRecounts>());
        builder.Services.AddSingleton<SnapshotCache>();
        builder.Services.AddSingleton<KpiServices>();
        builder.Services.AddSingleton<Replay>();
        // The replay's sources, found as Aspire names them (services__surveys__http__0, services__mediaevents__http__0).
        builder.Services.AddHttpClient(SourceFeeds.Surveys, c => c.BaseAddress = new("https+http://surveys"));
        builder.Services.AddHttpClient(SourceFeeds.MediaEvents, c => c.BaseAddress = new("https+http://mediaevents"));
        builder.Services.AddSingleton<SourceFeeds>();
        // The catalogue is seeded once the schema exists; readiness waits for it, so nobody sees an empty dashboard.
        builder.Services.AddSingleton<CatalogueSeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogueSeeder>());
        builder.Services.AddHealthChecks().AddCheck<CatalogueSeeder>("indicator-catalogue", tags: ["ready"]);
    }
}

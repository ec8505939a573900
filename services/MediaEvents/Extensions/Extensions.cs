using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.MediaEvents.Files;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidation();
        builder.AddDefaultAuthentication();
        builder.AddNpgsqlDataSource("mediadb", configureDataSourceBuilder: NpgsqlTracing.WithinTracesOnly);
        builder.AddDatabaseMigrations(typeof(Extensions).Assembly);
        builder.AddMessaging();
        builder.Services.AddSingleton<MediaEventWriter>();
        builder.Services.AddSingleton<MediaEventImport>();
    }
}

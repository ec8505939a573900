using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.ServiceDefaults.Data;

namespace Microsoft.Extensions.Hosting;

public static class MigrationExtensions
{
    /// <summary>
    /// Applies the plain SQL migrations embedded in <paramref name="assembly"/> (under <c>Data/Migrations</c>)
    /// at start-up to the service's <see cref="Npgsql.NpgsqlDataSource"/> (Aspire.Npgsql's
    /// <c>AddNpgsqlDataSource</c>); readiness stays unhealthy until they are applied.
    /// </summary>
    public static TBuilder AddDatabaseMigrations<TBuilder>(this TBuilder builder, System.Reflection.Assembly assembly) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddMigrationSource(new MigrationSource(assembly.GetName().Name!, assembly, ".Data.Migrations."));
        return builder;
    }

    internal static IServiceCollection AddMigrationSource(this IServiceCollection services, MigrationSource source)
    {
        services.AddSingleton(source);
        if (services.All(d => d.ServiceType != typeof(DatabaseInitializer)))
        {
            services.AddSingleton<DatabaseInitializer>();
            services.AddSingleton<IDatabaseReadiness>(sp => sp.GetRequiredService<DatabaseInitializer>());
            services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
            services.AddHealthChecks().AddCheck<DatabaseInitializerHealthCheck>("migrations", tags: ["ready"]);
        }
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Data;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlExtensions
{
    /// <summary>
    /// What Aspire.Npgsql gives a service: one pooled <see cref="NpgsqlDataSource"/> from
    /// <c>ConnectionStrings:{name}</c>, a readiness check, and tracing (the "Npgsql" source is
    /// added in <see cref="ServiceDefaultsExtensions.ConfigureOpenTelemetry"/>).
    /// </summary>
    public static TBuilder AddNpgsqlDataSource<TBuilder>(this TBuilder builder, string connectionName) where TBuilder : IHostApplicationBuilder
    {
        // Read when first resolved, not now, so a test host or a configuration provider added later still applies.
        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set. Run the platform through the AppHost, or set ConnectionStrings__{connectionName}."))
        {
            Name = connectionName,
        }.Build());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"postgres-{connectionName}",
            sp => new NpgsqlHealthCheck(sp.GetRequiredService<NpgsqlDataSource>()),
            HealthStatus.Unhealthy,
            ["ready"]));
        return builder;
    }

    /// <summary>
    /// Applies the plain SQL migrations embedded in <paramref name="assembly"/> (under <c>Data/Migrations</c>)
    /// at start-up; readiness stays unhealthy until they are applied.
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

internal sealed class NpgsqlHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", ex);
        }
    }
}

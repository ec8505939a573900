using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StrategyPlatform.LocalServers;

internal static class ResourceHealthChecks
{
    /// <summary>Registers the check with the AppHost's health checks and makes the resource's health (and so WaitFor) follow it.</summary>
    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> resource, string key, Func<T, IHealthCheck> check) where T : IResource
    {
        var target = resource.Resource;
        resource.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => check(target), null, null));
        return resource.WithHealthCheck(key);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace StrategyPlatform.Platform.Tests;

internal static class ServiceProviderExtensions
{
    public static string GetConnectionString(this IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)!;
}

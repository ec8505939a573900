using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace StrategyPlatform.AppHost;

internal static class LocalDefaults
{
    /// <summary>
    /// What a launch profile would set, as defaults under every other source, so that environment variables
    /// and command-line arguments still win (a launch profile's values would override the user's environment):
    /// the dashboard on plain HTTP (there is no trusted development certificate), no call home, and a stop
    /// (Ctrl+C, SIGTERM) that returns only once DCP has stopped every process, rather than leaving it to DCP
    /// to finish after the AppHost has exited.
    /// </summary>
    public static IDistributedApplicationBuilder WithLocalDefaults(this IDistributedApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = "http://localhost:18888",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:18889",
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                ["ASPIRE_VERSION_CHECK_DISABLED"] = "true",
                ["ASPIRE_DASHBOARD_TELEMETRY_OPTOUT"] = "true",
                ["DcpPublisher:WaitForResourceCleanup"] = "true",
            },
        });
        return builder;
    }
}

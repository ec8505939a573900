using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace StrategyPlatform.TestSupport;

/// <summary>A service of the platform running in the test process, on the real servers.</summary>
public sealed class ServiceHost<TEntry>(IDictionary<string, string?> settings, SpanCollection spans)
    : WebApplicationFactory<TEntry> where TEntry : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The services need nothing from their content root but appsettings.json, which is copied beside
        // the test assembly; the factory's default guess (a folder named after the assembly) does not exist.
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
    }

    /// <summary>Where a service started with real HTTP listens (<c>http://127.0.0.1:port</c>), as another service would be told.</summary>
    public string Address
    {
        get
        {
            using var probe = CreateClient();
            return probe.BaseAddress!.GetLeftPart(UriPartial.Authority);
        }
    }

    public async Task WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var client = CreateClient();
        var last = "";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            using var response = await client.GetAsync("/health");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            last = await response.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }
        throw new TimeoutException($"{typeof(TEntry).Name} did not become healthy: {last}");
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Security.Tests;

/// <summary>The portal in-process on the in-memory test server: every request here is plain HTTP, no browser.</summary>
public sealed class PortalServer(IDictionary<string, string?> settings, SpanCollection spans, string environment = "Development")
    : WebApplicationFactory<Portal.PortalApp>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
    }

    /// <summary>A client that keeps its cookies and does not follow redirects, so a test sees where it is sent.</summary>
    public HttpClient Browser(string baseAddress = "http://localhost/", bool handleCookies = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies, BaseAddress = new Uri(baseAddress) });
}

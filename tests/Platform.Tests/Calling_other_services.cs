using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

/// <summary>How a service's HTTP clients (ServiceDefaults' standard resilience handler) treat the services they call.</summary>
public sealed class Calling_other_services
{
    [Fact]
    public async Task A_service_that_is_down_opens_its_own_circuit_and_not_the_healthy_services()
    {
        await using var healthy = await HealthyServiceAsync();
        using var host = Caller();
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();
        var down = ClosedPortUrl();

        // Enough failing calls to the service that is down to open a circuit (the standard breaker wants 100
        // attempts in its 30 s window with a tenth of them failing), as the portal makes while the KPI service is down.
        var failures = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            using var kpi = factory.CreateClient("kpi");
            return await Record.ExceptionAsync(() => kpi.GetAsync(down));
        }));
        Assert.Contains(failures, e => e is BrokenCircuitException);

        // The healthy service is still called: the portal showed it as unavailable while one circuit served both.
        using var mediaEvents = factory.CreateClient("mediaevents");
        using var response = await mediaEvents.GetAsync(healthy.Urls.First());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static IHost Caller()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Polly"] = "None" });
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        return builder.Build();
    }

    private static async Task<WebApplication> HealthyServiceAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        return app;
    }

    private static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
    }
}

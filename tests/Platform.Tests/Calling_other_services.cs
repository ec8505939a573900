using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
        var down = Exporting_telemetry.ClosedPortUrl();

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

    [Fact]
    public async Task Retries_a_read_and_a_keyed_change_but_never_sends_an_unkeyed_change_twice()
    {
        var attempts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using var busy = await ServiceAsync(app => app.MapMethods("/{what}", ["GET", "POST"], (string what, HttpContext http) =>
        {
            attempts.AddOrUpdate(what, 1, (_, n) => n + 1);
            // Busy, try again at once: the standard retry honours Retry-After, so the test needs no waiting.
            http.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }));
        using var host = Caller();
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("mediaevents");
        var service = new Uri(busy.Urls.First());

        (await client.GetAsync(new Uri(service, "read"))).Dispose();
        (await client.PostAsync(new Uri(service, "create"), new StringContent("{}"))).Dispose();
        using var keyed = new HttpRequestMessage(HttpMethod.Post, new Uri(service, "keyed-create")) { Content = new StringContent("{}") };
        keyed.Headers.Add(StrategyPlatform.ServiceDefaults.Idempotency.IdempotentRequest.Header, "k-1");
        (await client.SendAsync(keyed)).Dispose();

        // The standard handler's three retries for what is safe to repeat; a POST without a key had committed, perhaps.
        Assert.Equal(4, attempts["read"]);
        Assert.Equal(1, attempts["create"]);
        Assert.Equal(4, attempts["keyed-create"]);
    }

    private static IHost Caller()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Polly"] = "None" });
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        return builder.Build();
    }

    private static Task<WebApplication> HealthyServiceAsync() => ServiceAsync(app => app.MapGet("/", () => "ok"));

    private static async Task<WebApplication> ServiceAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}

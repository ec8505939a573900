using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StrategyPlatform.Benchmarks;

/// <summary>
/// An OTLP/HTTP endpoint that accepts and drops everything. The services export their traces, metrics
/// and logs as in production (serialised and sent), without a collector or dashboard on the same two
/// cores deciding the figures.
/// </summary>
internal sealed class NullCollector : IAsyncDisposable
{
    private readonly WebApplication app;

    private NullCollector(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<NullCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            http.Response.ContentType = "application/x-protobuf"; // an empty Export…ServiceResponse
        });
        await app.StartAsync();
        return new NullCollector(app, app.Urls.First());
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

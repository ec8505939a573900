using System.Net;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

/// <summary>What a service sends out besides its work: telemetry to the collector it is given, and nothing to anyone else.</summary>
public sealed class Exporting_telemetry
{
    [Fact]
    public async Task To_an_unreachable_collector_fails_once_per_batch_without_retries_or_error_logs()
    {
        var logs = new RecordedLogs();
        using var host = Service(logs, unreachableCollector: true);
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();

        using var exporter = factory.CreateClient("OtlpTraceExporter");
        await Assert.ThrowsAsync<HttpRequestException>(() => exporter.GetAsync(ClosedPortUrl()));
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) || e.Level >= LogLevel.Warning);

        // Any other client keeps the standard resilience handler: it retries, and says so.
        using var other = factory.CreateClient("a-service-client");
        await Assert.ThrowsAnyAsync<Exception>(() => other.GetAsync(ClosedPortUrl()));
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal));
    }

    [Fact]
    public void Of_MassTransits_usage_is_turned_off()
    {
        using var host = Service(new RecordedLogs(), unreachableCollector: false);

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }

    [Fact]
    public void Leaves_out_the_portal_circuits_plumbing_but_keeps_clicks_and_the_work_under_a_dropped_invocation()
    {
        using var host = Service(new RecordedLogs(), unreachableCollector: false);
        _ = host.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>();
        using var signalR = new System.Diagnostics.ActivitySource("Microsoft.AspNetCore.SignalR.Server");
        using var application = new System.Diagnostics.ActivitySource(host.Services.GetRequiredService<IHostEnvironment>().ApplicationName);

        using (var acknowledgement = HubInvocation(signalR, "OnRenderCompleted"))
        {
            Assert.False(acknowledgement?.Recorded ?? false);
            // A page's OnAfterRenderAsync runs inside the acknowledgement: what it does is still traced.
            using var work = application.StartActivity("load the campaigns");
            Assert.True(work?.Recorded);
        }
        using (var answer = HubInvocation(signalR, "EndInvokeJSFromDotNet"))
        {
            Assert.False(answer?.Recorded ?? false);
        }
        using (var click = HubInvocation(signalR, "DispatchBrowserEvent"))
        {
            Assert.True(click?.Recorded);
        }
    }

    private static System.Diagnostics.Activity? HubInvocation(System.Diagnostics.ActivitySource source, string method) =>
        source.StartActivity("Microsoft.AspNetCore.SignalR.Server.InvocationIn", System.Diagnostics.ActivityKind.Server, parentContext: default,
            tags: [new("rpc.method", method), new("rpc.system", "signalr"), new("rpc.service", "Microsoft.AspNetCore.Components.Server.ComponentHub")]);

    private static IHost Service(RecordedLogs logs, bool unreachableCollector)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = unreachableCollector ? ClosedPortUrl() : null,
            ["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:1/",
        });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.AddServiceDefaults();
        builder.AddMessagingSubscriber(_ => { });
        return builder.Build();
    }

    /// <summary>A loopback address nothing listens on (the port was free a moment ago).</summary>
    internal static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
    }

    private sealed record Entry(string Category, LogLevel Level, string Message);

    private sealed class RecordedLogs : ILoggerProvider
    {
        private readonly List<Entry> entries = [];

        public IReadOnlyList<Entry> Entries
        {
            get
            {
                lock (entries)
                {
                    return [.. entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, RecordedLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (logs.entries)
                {
                    logs.entries.Add(new Entry(category, logLevel, formatter(state, exception)));
                }
            }
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Polly;
using Polly.Retry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Messaging;
using StrategyPlatform.ServiceDefaults.Telemetry;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What Aspire's ServiceDefaults project gives every service: telemetry, health checks, service
/// discovery, resilient HttpClients and ProblemDetails. Kept in Aspire's shape so the services run
/// unchanged under Aspire or Kubernetes.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";
    /// <summary>A check that is reported in logs but does not decide readiness (e.g. the portal's live-update listener).</summary>
    public const string OptionalTag = "optional";
    /// <summary>
    /// A check of how the service is doing rather than whether it can work (an outbox backlog, failed messages):
    /// its Degraded shows in <c>/health</c> and the dashboard, but the service stays ready (200).
    /// </summary>
    public const string OperationalTag = "operational";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        // Every 400 has the same shape: an errors map and a codes map (Api/FieldErrors.cs).
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = FieldErrors.AddMissingCodes);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Enums travel by name: readable in ProblemDetails, logs and other services' code.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // One pipeline, and so one circuit breaker, per service called: registered here, the standard handler is
            // a single pipeline for every client (dotnet/extensions#5021), and a service that is down (the KPI
            // service) opened the circuit for the healthy ones too: the portal showed media events as unavailable.
            http.AddStandardResilienceHandler(o => o.Retry.ShouldHandle = RetryOnlyWhatIsSafeToRepeat(o.Retry.ShouldHandle)).SelectPipelineByAuthority();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// A request that timed out may still have committed on the other side: sent again, a POST would create a
    /// second media event or response. So only safe methods are retried, and a request that changes something
    /// only when it carries an <c>Idempotency-Key</c> (the service then answers a repeat with the first result).
    /// </summary>
    private static Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> RetryOnlyWhatIsSafeToRepeat(
        Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> transient) => args =>
            args.Context.GetRequestMessage() is { } request
            && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
                || request.Headers.Contains(StrategyPlatform.ServiceDefaults.Idempotency.IdempotentRequest.Header))
                ? transient(args)
                : ValueTask.FromResult(false);

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(OutboxDiagnostics.Name)
                // The SDK sets aside room for its cardinality limit (2,000 attribute sets) in every metric stream up
                // front: ~16 MB of large-object heap per process over our ~80 instruments (issue 13's memory profile).
                // Ours have a few dozen sets at most; what would pass the limit is still counted, under an overflow set.
                .AddView(instrument => new MetricStreamConfiguration
                {
                    CardinalityLimit = instrument.Name == "http.server.request.duration" ? 1000 : 200,
                }))
            .WithTracing(tracing => tracing
                .SetSampler(CircuitPlumbingSampler.For())
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit")
                .AddSource(OutboxDiagnostics.Name)
                // Probes hit these every few seconds, and every page load fetches a dozen stylesheets, scripts
                // and fonts; tracing them would drown real requests.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path) && !IsStaticAsset(context.Request.Path))
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => !IsProbe(request.RequestUri?.AbsolutePath)));
        // Npgsql's own traces and metrics come with Aspire.Npgsql's AddNpgsqlDataSource.

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
            builder.AddQuietTelemetryExport();
        }
        return builder;
    }

    /// <summary>
    /// Telemetry export is best effort: the exporter already retries a few times and then drops the batch.
    /// Its HTTP clients must not also get the standard resilience handler from <c>ConfigureHttpClientDefaults</c>,
    /// which with an unreachable collector logged a Polly error with a stack trace every few seconds, and
    /// their per-request information lines (one per batch) would drown the service's own log.
    /// </summary>
    private static void AddQuietTelemetryExport(this IHostApplicationBuilder builder)
    {
        foreach (var exporter in OtlpExporterClients)
        {
            // Experimental in name only: made for removing what ConfigureHttpClientDefaults added, as here.
#pragma warning disable EXTEXP0001
            builder.Services.AddHttpClient(exporter).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
            builder.Logging.AddFilter($"System.Net.Http.HttpClient.{exporter}", LogLevel.Warning);
        }
    }

    /// <summary>The names the OTLP exporter asks IHttpClientFactory for, one per signal.</summary>
    private static readonly string[] OtlpExporterClients = ["OtlpTraceExporter", "OtlpMetricExporter", "OtlpLogExporter"];

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);

    /// <summary>The portal's static files: Blazor's and Radzen's under <c>_framework</c>/<c>_content</c>, its own by extension.</summary>
    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || Path.GetExtension(path.Value) is ".css" or ".js" or ".woff2" or ".woff" or ".png" or ".svg" or ".ico" or ".map";

    private static bool IsProbe(string? path) => path is not null && IsProbe(new PathString(path));

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Error handling and the probes. <c>/health</c> is readiness (every check: database reachable,
    /// migrations applied, broker connected); <c>/alive</c> is liveness (the process answers).
    /// Both are mapped in every environment because orchestrators probe production too.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(OptionalTag),
            // The writer sets the status: 503 unless every check that decides readiness is Healthy (a Degraded
            // one means "still starting" there), 200 with an operational check Degraded.
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        return app;
    }
}

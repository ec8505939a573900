using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StrategyPlatform.AppHost;

/// <summary>
/// A service's health as its <c>/health</c> tells it, for the dashboard and for <c>WaitFor</c>: Unhealthy while it
/// is not ready (503, with the checks that say why), Healthy once ready, and Degraded when it is ready but an
/// operational check is not (an outbox backlog, parked or failed messages), with that check's description, so the
/// dashboard names the queue and the count. Aspire's plain HTTP check would see only the 200.
/// </summary>
/// <remarks>
/// The first ready answer counts as Healthy whatever it says: <c>WaitFor</c> waits for Healthy, and a portal must
/// start even when a service comes up with a failed message from before; from the next check on, Degraded shows.
/// </remarks>
internal sealed class ServiceHealthCheck(Func<Uri> health) : IHealthCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private volatile bool seenReady;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.GetAsync(health(), cancellationToken);
            var report = await ReadAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Unhealthy(report?.Describe(c => c.Status != nameof(HealthStatus.Healthy)) ?? $"/health answered {(int)response.StatusCode}.");
            }
            var first = !seenReady;
            seenReady = true;
            return first || report?.Status != nameof(HealthStatus.Degraded)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded(report.Describe(c => c.Status != nameof(HealthStatus.Healthy)));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"/health did not answer: {e.Message}");
        }
    }

    private static async Task<Report?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Report>(JsonSerializerOptions.Web, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Check(string Status, string? Description);

    private sealed record Report(string Status, Dictionary<string, Check> Checks)
    {
        public string Describe(Func<Check, bool> which) =>
            string.Join(" ", Checks.Where(c => which(c.Value)).Select(c => $"{c.Key}: {c.Value.Description ?? c.Value.Status}"));
    }
}

internal static class ServiceHealthExtensions
{
    /// <summary>The service's <c>/health</c> as <see cref="ServiceHealthCheck"/> reads it, checked on its endpoint as Aspire's HTTP check is.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceHealthCheck(this IResourceBuilder<ProjectResource> project)
    {
        var endpoint = project.GetEndpoint("http");
        var key = $"{project.Resource.Name}_health";
        project.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, new ServiceHealthCheck(() => new Uri(new Uri(endpoint.Url), "/health")), failureStatus: null, tags: null));
        return project.WithHealthCheck(key);
    }
}

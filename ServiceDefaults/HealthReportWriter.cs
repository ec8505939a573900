using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Writes the readiness report as JSON, one entry per check, so an operator sees which dependency is down. The
/// status code says whether the service can work: 503 while any check that decides readiness is not Healthy
/// (a dependency down, still starting), 200 otherwise, also when an operational check (a backlog, failed
/// messages) is Degraded, which the body's status and the check's description then say.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var ready = report.Entries.Values
            .Where(e => !e.Tags.Contains(ServiceDefaultsExtensions.OperationalTag))
            .All(e => e.Status == HealthStatus.Healthy);
        context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        var body = new
        {
            // Ready with an operational check failing is "Degraded", however badly that check failed.
            status = !ready ? nameof(HealthStatus.Unhealthy) : report.Status == HealthStatus.Healthy ? nameof(HealthStatus.Healthy) : nameof(HealthStatus.Degraded),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message, data = e.Value.Data.Count == 0 ? null : e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

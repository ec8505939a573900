using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace StrategyPlatform.ServiceDefaults.Security;

/// <summary>
/// Refusals written before any endpoint runs. An API caller gets ProblemDetails with the field at fault;
/// a browser asking for a page gets the status alone, so the portal's status page explains it in the
/// reader's language.
/// </summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, Dictionary<string, string[]> errors, string? detail = null,
        IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        if (WantsPage(context.Request))
        {
            return;
        }
        var problem = new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        // As JSON even to a client that asked only for HTML (a form post): the refusal must be readable, not a 500.
        await TypedResults.Problem(problem).ExecuteAsync(context);
    }

    public static Task TooManyRequestsAsync(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.", [],
            $"Too many requests from here in a short time. Try again in {retryAfter} seconds.",
            new Dictionary<string, object?> { ["retryAfter"] = retryAfter });
    }

    /// <summary>A browser navigating (a GET asking for HTML first); an API client asks for JSON or anything, a form post gets ProblemDetails.</summary>
    private static bool WantsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
        && !accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase));
}

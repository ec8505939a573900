using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace StrategyPlatform.ServiceDefaults.Api;

/// <summary>
/// The database went away under a request (a restart, a failover, a broken connection): the request's
/// transaction did not commit, so nothing of it was kept. The caller is told so with a 503 ProblemDetails and
/// <c>Retry-After</c>, not a 500, so a client (the portal, a respondent's browser) knows it may simply try again.
/// </summary>
internal sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnreachable(exception))
        {
            return false;
        }
        logger.LogWarning("{Method} {Path} answered 503: the database is unreachable ({Error})", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database is not reachable.",
                Detail = "Nothing of this request was saved. Try again in a few seconds.",
            },
        });
    }

    /// <summary>A connection that could not be opened or was lost (Npgsql's transient errors, a pool that timed out).</summary>
    private static bool IsUnreachable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => true, // admin shutdown, crash shutdown, cannot connect now
        NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException } => true,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };
}

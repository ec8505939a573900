using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace StrategyPlatform.ServiceDefaults.Api;

/// <summary>
/// A body that cannot be read (malformed JSON, an unknown enum value, a wrong type) is the
/// caller's mistake: answer 400 ProblemDetails naming the field at fault instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var field = FieldOf(badRequest.InnerException as JsonException) ?? "body";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [badRequest.InnerException is JsonException ? $"The value of '{field}' is not valid." : badRequest.Message],
            })
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
            },
            Exception = exception,
        });
    }

    /// <summary>"$.ratings[0].value" becomes "ratings[0].value", the same naming the validators use.</summary>
    private static string? FieldOf(JsonException? json) =>
        json?.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
}

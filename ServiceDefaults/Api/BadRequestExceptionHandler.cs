using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace StrategyPlatform.ServiceDefaults.Api;

/// <summary>
/// A body that cannot be read (malformed JSON, an unknown enum value, a wrong type) is the
/// caller's mistake: answer 400 ProblemDetails naming the field at fault instead of a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var field = FieldOf(badRequest.InnerException as JsonException) ?? ParameterOf(badRequest.Message) ?? "body";
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [badRequest.InnerException is Security.RejectedValueException rejected ? rejected.Message.Split(" Path:")[0]
                : field == "body" ? badRequest.Message : $"The value of '{field}' is not valid."],
        })
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Extensions = { [FieldErrors.CodesExtension] = new Dictionary<string, string[]> { [field] = [badRequest.InnerException is Security.RejectedValueException ? ErrorCodes.Invalid : ErrorCodes.Unreadable] } },
        };
        // A client that accepts only HTML (a browser's form post) still gets the refusal, as JSON, not the error page's 500.
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        }
        return true;
    }

    /// <summary>A query or route value that does not convert: 'Failed to bind parameter "Tone? tone" from "Loud".' names "tone".</summary>
    private static string? ParameterOf(string message) =>
        BindFailure().Match(message) is { Success: true } match ? match.Groups["name"].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[^" ]+)" from""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    /// <summary>"$.ratings[0].value" becomes "ratings[0].value", the same naming the validators use.</summary>
    private static string? FieldOf(JsonException? json) =>
        json?.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
}

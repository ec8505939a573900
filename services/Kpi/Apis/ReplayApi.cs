using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Kpi.Sources;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

public static class ReplayApi
{
    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/kpi").WithTags("Replay").RequireAuthorization(StaffPolicies.Administer)
            .MapPost("replay", RunReplay);
        return app;
    }

    /// <summary>Rebuilds indicators 13–16 and reports live and rebuilt values side by side.</summary>
    /// <param name="from"><c>sources</c> (default): read the Surveys and MediaEvents services' feeds first; <c>facts</c>: recount the stored facts only.</param>
    public static async Task<Results<Ok<ReplayResult>, ValidationProblem, ProblemHttpResult>> RunReplay(
        Replay replay, HttpContext http, ClaimsPrincipal user, CancellationToken ct, string? from = null)
    {
        if (!Enum.TryParse<ReplaySource>(from ?? nameof(ReplaySource.Sources), ignoreCase: true, out var source) || int.TryParse(from, out _))
        {
            return FieldErrors.Problem("from", ErrorCodes.NotOffered, "from must be 'sources' or 'facts'.");
        }
        try
        {
            // The caller is an Administrator; the sources are read on their behalf, with their token.
            return TypedResults.Ok(await replay.RunAsync(source, http.Request.Headers.Authorization.ToString(), AuditActor.From(user), ct));
        }
        catch (SourceUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "A source service could not be read; nothing was changed.",
                extensions: new Dictionary<string, object?> { ["source"] = e.Service });
        }
    }
}

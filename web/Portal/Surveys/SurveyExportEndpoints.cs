using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.Portal.Surveys;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Survey exports (responses or summary, CSV or Excel) as plain links the browser downloads, fetched from
/// the service with the signed-in user's token.
/// </summary>
public static class SurveyExportEndpoints
{
    public static IEndpointRouteBuilder MapSurveyExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("surveys/{id:guid}/export/{what:regex(^(responses|summary)$)}.{format:regex(^(csv|xlsx)$)}", ExportAsync)
            .RequireAuthorization(SurveyAccess.ReadResults);
        return app;
    }

    private static async Task<IResult> ExportAsync(Guid id, string what, string format, SurveysClient client, CancellationToken ct)
    {
        var result = await client.ExportAsync(id, what, format, ct);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName),
            ServiceOutcome.NotFound => Results.NotFound(),
            ServiceOutcome.Forbidden => Results.Forbid(),
            _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }
}

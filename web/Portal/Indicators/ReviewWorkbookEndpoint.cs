using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The monitoring group's review report as Excel: a plain link the browser downloads, fetched from the
/// Kpi service with the signed-in user's token.
/// </summary>
public static class ReviewWorkbookEndpoint
{
    public static IEndpointRouteBuilder MapReviewWorkbook(this IEndpointRouteBuilder app)
    {
        app.MapGet("indicators/review/{year:int}.xlsx", DownloadAsync).RequireAuthorization(StaffPolicies.Staff);
        return app;
    }

    private static async Task<IResult> DownloadAsync(int year, string? lang, KpiClient kpi, CancellationToken ct)
    {
        var result = await kpi.ReviewWorkbookAsync(year, lang == "en" ? "en" : "lv", ct);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName),
            ServiceOutcome.Invalid or ServiceOutcome.NotFound => Results.NotFound(),
            ServiceOutcome.Forbidden => Results.Forbid(),
            _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }
}

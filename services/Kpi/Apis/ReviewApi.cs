using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Reviews;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Files;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

public static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/kpi/reviews").WithTags("Review report").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("{year:int}", GetReview);
        api.MapGet("{year:int}.xlsx", GetReviewWorkbook);
        return app;
    }

    public static async Task<Results<Ok<ReviewReport>, ValidationProblem>> GetReview(int year, KpiServices services, CancellationToken ct) =>
        InvalidYear(year) is { } invalid ? invalid : TypedResults.Ok(await ReviewReports.BuildAsync(services.Db, year, services.Clock.GetUtcNow(), ct));

    /// <param name="lang">lv (default, the ministry's language) or en.</param>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetReviewWorkbook(
        int year, string? lang, ClaimsPrincipal user, KpiServices services, CancellationToken ct)
    {
        if (InvalidYear(year) is { } invalid)
        {
            return invalid;
        }
        if (lang is not (null or "lv" or "en"))
        {
            return FieldErrors.Problem("lang", ErrorCodes.NotOffered, "Use lv or en.");
        }
        var report = await ReviewReports.BuildAsync(services.Db, year, services.Clock.GetUtcNow(), ct);
        var name = lang == "en" ? $"strategy-review-{year}.xlsx" : $"strategijas-parskats-{year}.xlsx";
        await services.Audit.RecordAsync(AuditActor.From(user), "export.review-workbook", year.ToString(System.Globalization.CultureInfo.InvariantCulture), new { lang = lang ?? "lv" }, ct);
        return TypedResults.File(ReviewWorkbook.Write(report, lang ?? "lv"), Xlsx.ContentType, name);
    }

    private static ValidationProblem? InvalidYear(int year) => StrategyYears.Contains(year) ? null
        : FieldErrors.Problem("year", ErrorCodes.OutOfRange, $"The strategy's years are {StrategyYears.Range}.");
}

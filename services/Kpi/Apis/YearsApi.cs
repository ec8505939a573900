using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Years;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The strategy's years and their locks; the rules of a lock are in <see cref="YearLocks"/>.</summary>
public static class YearsApi
{
    public static IEndpointRouteBuilder MapYearsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/kpi/years").WithTags("Years");
        api.MapGet("", ListYears).RequireAuthorization(StaffPolicies.Staff);
        api.MapPost("{year:int}/lock", LockYear).RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator, StaffRoles.Leadership));
        api.MapDelete("{year:int}/lock", UnlockYear).RequireAuthorization(StaffPolicies.Administer);
        return app;
    }

    public sealed record LockRequest([MaxLength(2000)] string? Note);

    public static async Task<Ok<IReadOnlyList<YearView>>> ListYears(KpiServices services, CancellationToken ct)
    {
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await YearLocks.ListAsync(connection, null, services.Clock, ct));
    }

    public static async Task<Results<Ok<YearView>, ValidationProblem, ProblemHttpResult>> LockYear(
        int year, LockRequest? request, ClaimsPrincipal user, KpiServices services, CancellationToken ct) =>
        Answer(await YearLocks.LockAsync(services.Db, services.Clock, year, request?.Note, Actor.From(user),
            tx => services.Audit.RecordAsync(tx, AuditActor.From(user), "year.locked", year.ToString(CultureInfo.InvariantCulture), new { request?.Note }, ct), ct));

    public static async Task<Results<Ok<YearView>, ValidationProblem, ProblemHttpResult>> UnlockYear(int year, ClaimsPrincipal user, KpiServices services, CancellationToken ct) =>
        Answer(await YearLocks.UnlockAsync(services.Db, services.Clock, year,
            tx => services.Audit.RecordAsync(tx, AuditActor.From(user), "year.unlocked", year.ToString(CultureInfo.InvariantCulture), null, ct), ct));

    private static Results<Ok<YearView>, ValidationProblem, ProblemHttpResult> Answer(YearLockOutcome outcome) => outcome switch
    {
        YearLockOutcome.Done done => TypedResults.Ok(done.Year),
        YearLockOutcome.NotEnded notEnded => TypedResults.Problem(
            $"{notEnded.LastDay.Year} runs until {notEnded.LastDay:dd.MM.yyyy} (Latvian time). A year is locked once it has ended and been reviewed; until then the review report shows where it stands.",
            statusCode: StatusCodes.Status409Conflict, title: "The year has not ended yet.",
            extensions: new Dictionary<string, object?> { ["year"] = notEnded.LastDay.Year, ["endsOn"] = notEnded.LastDay }),
        _ => FieldErrors.Problem("year", ErrorCodes.OutOfRange, $"The strategy's years are {StrategyYears.Range}."),
    };
}

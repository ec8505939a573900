using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Locking a year after the monitoring group's review: its values become final (statuses turn
/// into achieved / not achieved) and only an Administrator can still correct them, with a reason.
/// </summary>
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

    public sealed record YearView(int Year, bool Locked, string? LockedBy, DateTime? LockedAt, string? Note);

    public sealed record LockRequest([MaxLength(2000)] string? Note);

    public static async Task<Ok<IReadOnlyList<YearView>>> ListYears(KpiServices services, CancellationToken ct)
    {
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        var locks = (await connection.QueryAsync<YearView>(new CommandDefinition(
            "SELECT year, true AS Locked, locked_by AS LockedBy, locked_at AS LockedAt, note FROM year_locks", cancellationToken: ct))).ToDictionary(l => l.Year);
        return TypedResults.Ok<IReadOnlyList<YearView>>(Enumerable.Range(2024, 4)
            .Select(y => locks.GetValueOrDefault(y) ?? new YearView(y, false, null, null, null)).ToList());
    }

    public static async Task<Results<Ok<YearView>, ValidationProblem>> LockYear(int year, LockRequest? request, ClaimsPrincipal user, KpiServices services, CancellationToken ct)
    {
        if (year is < 2023 or > 2027)
        {
            return FieldErrors.Problem("year", ErrorCodes.OutOfRange, "The strategy's years are 2023–2027.");
        }
        await using (var connection = await services.Db.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO year_locks (year, locked_by, locked_at, note) VALUES (@year, @by, @now, @note) ON CONFLICT (year) DO NOTHING",
                new { year, by = user.UserId() ?? "unknown", now = services.Clock.GetUtcNow(), note = request?.Note }, cancellationToken: ct));
        }
        await services.Statuses.RefreshAllAsync(ct);
        var years = (await ListYears(services, ct)).Value!;
        return TypedResults.Ok(years.Single(y => y.Year == year));
    }

    public static async Task<NoContent> UnlockYear(int year, KpiServices services, CancellationToken ct)
    {
        await using (var connection = await services.Db.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM year_locks WHERE year = @year", new { year }, cancellationToken: ct));
        }
        await services.Statuses.RefreshAllAsync(ct);
        return TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Apis;
using StrategyPlatform.Kpi.Computed;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The drill-down of a computed indicator (13–16): exactly the items counted for a year — media
/// events, or surveys with their n — and the value they make, counted the same way as the tile.
/// </summary>
public static class CountedApi
{
    public static IEndpointRouteBuilder MapCountedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/kpi/indicators").WithTags("Indicators").RequireAuthorization(StaffPolicies.Staff)
            .MapGet("{number}/counted/{year:int}", Counted);
        return app;
    }

    /// <param name="PerMonth">Indicator 14's "at least N a month", as this count judged it.</param>
    public sealed record CountedView(
        string Number, int Year, decimal? Value, int? N, int? Positive, int? Responses, decimal? CiLow, decimal? CiHigh, int[]? Monthly, int? PerMonth,
        IReadOnlyList<CountedMediaEvent> Events, IReadOnlyList<CountedSurvey> Surveys);

    public static async Task<Results<Ok<CountedView>, NotFound, ValidationProblem>> Counted(string number, int year, KpiServices services, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return FieldErrors.Problem("year", ErrorCodes.OutOfRange, "Give a year from 2000 to 2100.");
        }
        var snapshot = await services.SnapshotAsync(ct);
        if (snapshot.Find(number) is not { } entry || !ComputedIndicators.IsComputed(number))
        {
            return TypedResults.NotFound();
        }
        // One snapshot for the list and the value, even while consumers write.
        await using var connection = await services.Db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (items, value) = await ComputedIndicators.CountAsync(connection, tx, entry.Definition, year, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new CountedView(number, year, value?.Value, value?.Counted, value?.Positive, value?.Responses, value?.CiLow, value?.CiHigh,
            value?.Monthly, number == StrategyIndicators.AchievementNews ? entry.Definition.Target.PerMonth : null,
            items.Events, items.Surveys));
    }
}

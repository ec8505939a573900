using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents.Replay;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The replay feed: what the KPI aggregator needs to rebuild indicators 13 and 14 from this service.</summary>
public static class FactsFeedApi
{
    public static IEndpointRouteBuilder MapFactsFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/media-events").WithTags("Replay").RequireAuthorization(StaffPolicies.Staff)
            .MapGet("facts", Facts);
        return app;
    }

    /// <param name="afterId">The <c>nextAfterId</c> of the previous page; left out for the first page.</param>
    /// <param name="take">Events per page, 1–1000 (1000 when left out).</param>
    public static async Task<Results<Ok<MediaEventFactsPage>, ValidationProblem>> Facts(
        NpgsqlDataSource db, CancellationToken ct, Guid? afterId = null, int take = FactsFeed.MaxTake) =>
        take is < 1 or > FactsFeed.MaxTake
            ? FieldErrors.Problem("take", ErrorCodes.OutOfRange, $"take must be between 1 and {FactsFeed.MaxTake}.")
            : TypedResults.Ok(await FactsFeed.PageAsync(db, afterId, take, ct));
}

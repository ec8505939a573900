using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Replay;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The replay feed: what the KPI aggregator needs to rebuild indicators 15 and 16 from this service.</summary>
public static class ResponseFactsApi
{
    public static IEndpointRouteBuilder MapResponseFactsApi(this IEndpointRouteBuilder app)
    {
        // Administrators only: the aggregator reads it with the token of the Administrator who started the replay.
        var api = app.MapGroup("api/surveys").WithTags("Replay").RequireAuthorization(StaffPolicies.Administer);
        api.MapGet("response-facts", ResponseFacts);
        api.MapGet("populations", Populations);
        return app;
    }

    /// <summary>The invited population of every opened invitation survey, as <see cref="SurveyPopulationChanged"/> would tell it now.</summary>
    public static async Task<Ok<SurveyPopulationsFeed>> Populations(NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(new SurveyPopulationsFeed(await SurveyPopulations.AllAsync(connection, clock.GetUtcNow(), ct)));
    }

    /// <param name="afterId">The <c>nextAfterId</c> of the previous page; left out for the first page.</param>
    /// <param name="take">Responses per page, 1–1000 (1000 when left out).</param>
    public static async Task<Results<Ok<SurveyResponseFactsPage>, ValidationProblem>> ResponseFacts(
        NpgsqlDataSource db, CancellationToken ct, Guid? afterId = null, int take = ResponseFactsFeed.MaxTake) =>
        take is < 1 or > ResponseFactsFeed.MaxTake
            ? FieldErrors.Problem("take", ErrorCodes.OutOfRange, $"take must be between 1 and {ResponseFactsFeed.MaxTake}.")
            : TypedResults.Ok(await ResponseFactsFeed.PageAsync(db, afterId, take, ct));
}

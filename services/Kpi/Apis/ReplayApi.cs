using Microsoft.AspNetCore.Http.HttpResults;
using StrategyPlatform.Kpi.Values;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

public static class ReplayApi
{
    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/kpi").WithTags("Replay").RequireAuthorization(StaffPolicies.Administer)
            .MapPost("replay", RunReplay);
        return app;
    }

    public static async Task<Ok<ReplayResult>> RunReplay(Replay replay, CancellationToken ct) => TypedResults.Ok(await replay.RunAsync(ct));
}

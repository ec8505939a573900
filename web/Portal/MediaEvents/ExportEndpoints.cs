using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The media-events list as CSV or Excel: a plain link the browser downloads (keyboard and screen
/// readers need nothing special), fetched from the service with the signed-in user's token.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapMediaEventsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("media-events/export.{format:regex(^(csv|xlsx)$)}", ExportAsync).RequireAuthorization(StaffPolicies.ReadMediaEvents);
        return app;
    }

    private static async Task<IResult> ExportAsync(string format, HttpRequest request, MediaEventsClient client, CancellationToken ct)
    {
        var result = await client.ExportAsync(request.QueryString.Value?.TrimStart('?') ?? "", format, ct);
        return result.Outcome switch
        {
            ServiceOutcome.Ok => Results.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName),
            ServiceOutcome.Invalid => Results.StatusCode(StatusCodes.Status400BadRequest),
            ServiceOutcome.Forbidden => Results.Forbid(),
            _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace StrategyPlatform.ServiceDefaults.Authentication;

/// <summary>
/// 401 and 403 from a service carry ProblemDetails like every other refusal. The authorization middleware
/// runs before the app's status-code pages, so without this they would be bare status codes.
/// </summary>
internal sealed class ProblemDetailsForRefusals(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await standard.HandleAsync(next, context, policy, authorizeResult);
        if ((authorizeResult.Challenged || authorizeResult.Forbidden) && !context.Response.HasStarted)
        {
            var challenged = context.Response.StatusCode == StatusCodes.Status401Unauthorized;
            await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = context.Response.StatusCode,
                    Title = challenged ? "A valid staff token is required." : "Your roles do not allow this.",
                    Detail = challenged
                        ? "Call through the portal, signed in; a missing, expired or wrongly signed token is refused."
                        : "The portal offers only what your roles allow; ask an Administrator if you need more.",
                },
            });
        }
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using StrategyPlatform.Portal.Data;
using StrategyPlatform.ServiceDefaults.Audit;

namespace StrategyPlatform.Portal.Accounts;

/// <summary>Sign-out and the optional OpenID Connect round trip; the sign-in form itself is a static page (Components/Pages/Account/SignIn.razor).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Reached before signing in (the external round trip) or to end a session: open to all.
        var account = app.MapGroup("/account").AllowAnonymous();
        // A form post that must carry an antiforgery token, so another site cannot sign a user out.
        account.MapPost("/signout", async Task<IResult> (SignInManager<StaffUser> signIn, HttpContext context, IAuditTrail audit) =>
        {
            // The antiforgery middleware only records its verdict; an endpoint that binds no form must act on it.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form has expired; reload the page and sign out again.");
            }
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsync(AuditActor.From(context.User), "account.signed-out", context.User.Identity.Name);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        // Without a ministry identity provider there is nothing to challenge: the addresses do not exist (404, not a 500).
        if (OpenIdConnectSignIn.IsConfigured(app.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            account.MapGet("/external", (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = $"/account/external/callback?returnUrl={Uri.EscapeDataString(Localization.CultureEndpoints.SafeLocal(returnUrl))}" },
                [OpenIdConnectSignIn.Scheme]));
            account.MapGet("/external/callback", ExternalCallbackAsync);
        }
        return app;
    }

    private static async Task<IResult> ExternalCallbackAsync(
        string? returnUrl, HttpContext context, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInAudit audit)
    {
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        var email = external.Principal?.FindFirstValue(ClaimTypes.Email) ?? external.Principal?.FindFirstValue("email");
        if (email is null || await users.FindByEmailAsync(email) is not { IsActive: true } user)
        {
            await audit.RecordAsync(email ?? "(no e-mail)", Microsoft.AspNetCore.Identity.SignInResult.NotAllowed, "ministry account");
            return TypedResults.LocalRedirect("/account/signin?external=unknown");
        }
        await signIn.SignInAsync(user, isPersistent: false, OpenIdConnectSignIn.Scheme);
        await audit.RecordAsync(email, Microsoft.AspNetCore.Identity.SignInResult.Success, "ministry account");
        return TypedResults.LocalRedirect(Localization.CultureEndpoints.SafeLocal(returnUrl));
    }
}

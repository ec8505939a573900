using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using StrategyPlatform.Portal.Data;

namespace StrategyPlatform.Portal.Accounts;

/// <summary>Sign-out and the optional OpenID Connect round trip; the sign-in form itself is a static page (Components/Pages/Account/SignIn.razor).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        // A form post with an antiforgery token, so another site cannot sign a user out.
        account.MapPost("/signout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        });
        account.MapGet("/external", (string? returnUrl) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = $"/account/external/callback?returnUrl={Uri.EscapeDataString(Localization.CultureEndpoints.SafeLocal(returnUrl))}" },
            [OpenIdConnectSignIn.Scheme]));
        account.MapGet("/external/callback", ExternalCallbackAsync);
        return app;
    }

    private static async Task<IResult> ExternalCallbackAsync(string? returnUrl, HttpContext context, SignInManager<StaffUser> signIn, UserManager<StaffUser> users)
    {
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        var email = external.Principal?.FindFirstValue(ClaimTypes.Email) ?? external.Principal?.FindFirstValue("email");
        if (email is null || await users.FindByEmailAsync(email) is not { IsActive: true } user)
        {
            return TypedResults.LocalRedirect("/account/signin?external=unknown");
        }
        await signIn.SignInAsync(user, isPersistent: false, OpenIdConnectSignIn.Scheme);
        return TypedResults.LocalRedirect(Localization.CultureEndpoints.SafeLocal(returnUrl));
    }
}

using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Microsoft.Extensions.Hosting;

internal static class OpenIdConnectSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Authentication:OpenIdConnect:Authority"]);

    /// <summary>
    /// The ministry's identity provider, switched on purely by configuration
    /// (<c>Authentication:OpenIdConnect:Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>). It only proves who
    /// the person is: roles and units stay with the local account of the same e-mail, which an Administrator creates.
    /// </summary>
    public static void AddOpenIdConnectIfConfigured(this IHostApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration))
        {
            return;
        }
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, options =>
        {
            builder.Configuration.GetSection("Authentication:OpenIdConnect").Bind(options);
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.Scope.Add("email");
            options.CallbackPath = "/signin-oidc";
        });
    }
}

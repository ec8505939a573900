using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    /// <summary>
    /// A service trusts staff calls only with a valid, unexpired bearer token signed with
    /// <c>Jwt:SigningKey</c>, carrying the user's id, roles and units. Also registers the shared
    /// staff policies and the token issuer (used by the portal and by tests).
    /// </summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<StaffTokenOptions>().BindConfiguration(StaffTokenOptions.Section);
        builder.Services.AddSingleton<StaffTokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<StaffTokenOptions>>((jwt, staff) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = staff.Value.Issuer,
                    ValidAudience = staff.Value.Audience,
                    IssuerSigningKey = StaffTokenIssuer.SigningKey(staff.Value),
                    NameClaimType = "name",
                    RoleClaimType = ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        // An endpoint that declares nothing still needs a valid staff token: a new one cannot slip in unprotected.
        // Public endpoints (answering by link, open links, the probes) say so with AllowAnonymous.
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemDetailsForRefusals>();
        builder.Services.AddAuthorizationBuilder().AddStaffPolicies()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>The staff policies; the portal adds them to its own cookie-based authorization too.</summary>
    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(StaffPolicies.Staff, p => p.RequireAuthenticatedUser())
        .AddPolicy(StaffPolicies.ManageSurveys, p => p.RequireRole(StaffRoles.SurveyManager, StaffRoles.Administrator))
        .AddPolicy(StaffPolicies.ManageMediaEvents, p => p.RequireRole(StaffRoles.Communications, StaffRoles.Administrator))
        .AddPolicy(StaffPolicies.ReadMediaEvents, p => p.RequireRole(StaffRoles.Communications, StaffRoles.Leadership, StaffRoles.Administrator))
        .AddPolicy(StaffPolicies.EnterMeasurements, p => p.RequireRole(StaffRoles.IndicatorOwner, StaffRoles.Administrator))
        .AddPolicy(StaffPolicies.Administer, p => p.RequireRole(StaffRoles.Administrator));

    /// <summary>The responsible units the user acts for (the Administrator acts for all).</summary>
    public static IReadOnlySet<string> Units(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Administrator)
            ? ResponsibleUnits.All.ToHashSet()
            : user.FindAll(StaffClaims.Unit).Select(c => c.Value).ToHashSet();

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
}

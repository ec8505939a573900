using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StrategyPlatform.Portal.Accounts;
using StrategyPlatform.Portal.Data;

namespace Microsoft.Extensions.Hosting;

internal static class AccountExtensions
{
    /// <summary>Staff accounts: ASP.NET Core Identity in portaldb, a sign-in cookie, the shared staff policies.</summary>
    public static void AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("portaldb", configureDataSourceBuilder: NpgsqlDefaults.Apply);
        builder.AddDatabaseMigrations(typeof(PortalDbContext).Assembly);
        builder.AddAuditTrail();
        builder.Services.AddDbContext<PortalDbContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));

        builder.Services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = true; // "confirmed" = active, see ActiveUserConfirmation
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                // Length over composition rules (NIST SP 800-63B), but keep mixed case and a digit.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddUserConfirmation<ActiveUserConfirmation>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "StrategyPlatform.Staff";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.HttpOnly = true;
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        // A deactivated user (security stamp changed) loses the session within minutes, not hours.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        builder.Services.AddAuthorizationBuilder().AddStaffPolicies();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingStaffStateProvider>();

        builder.Services.AddSingleton<StaffAccounts>();
        builder.Services.AddScoped<SignInAudit>();
        builder.Services.AddScoped<StrategyPlatform.Portal.Audit.AuditTrails>();
        builder.Services.AddSingleton<AdminBootstrapper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AdminBootstrapper>());
        builder.Services.AddHealthChecks().AddCheck<AdminBootstrapper>("staff-accounts", tags: ["ready"]);
        builder.AddOpenIdConnectIfConfigured();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StrategyPlatform.Portal.Data;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Data;

namespace StrategyPlatform.Portal.Accounts;

/// <summary>
/// Once the schema exists: creates the staff roles, and the first Administrator from
/// <c>Bootstrap:AdminEmail</c> / <c>Bootstrap:AdminPassword</c> when no such account exists. There is no
/// default password in code; an existing account is never reset (its owner may have changed it).
/// Readiness stays unhealthy until this is done, so nobody reaches a sign-in page that cannot work.
/// </summary>
internal sealed class AdminBootstrapper(
    IServiceScopeFactory scopes,
    IDatabaseReadiness database,
    IConfiguration configuration,
    IAuditTrail audit,
    ILogger<AdminBootstrapper> logger) : BackgroundService, IHealthCheck
{
    // Degraded while starting (readiness is 503 all the same); Unhealthy is kept for a real failure.
    private HealthCheckResult status = HealthCheckResult.Degraded("Staff accounts not initialised yet.");

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.WaitAsync(stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            await EnsureAdministratorAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
            status = HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            status = HealthCheckResult.Unhealthy("Staff accounts could not be initialised.", ex);
            logger.LogCritical(ex, "Staff accounts could not be initialised.");
        }
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    private async Task EnsureAdministratorAsync(UserManager<StaffUser> users)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("Bootstrap:AdminEmail / Bootstrap:AdminPassword are not set; no first Administrator is created.");
            return;
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, StaffRoles.Administrator));
        await audit.RecordAsync(AuditActor.System, "user.created", email, new { displayName = admin.DisplayName, roles = new[] { StaffRoles.Administrator } });
        logger.LogInformation("Created the first Administrator {Email}.", email);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Data;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.ServiceDefaults.Audit;
using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Portal.Accounts;

public sealed record StaffAccount(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Units, bool IsActive);

public sealed record StaffAccess(IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Units);

public sealed record AccountChange(bool Succeeded, IReadOnlyList<string> Errors, string? InitialPassword = null)
{
    public static AccountChange Failed(params string[] errors) => new(false, errors);
}

/// <summary>
/// What the Administrator page does with accounts. Each call gets its own scope (and DbContext), because an
/// interactive page lives for the whole circuit and a long-lived DbContext would serve stale data.
/// </summary>
/// <remarks>
/// Every change goes into the portal's audit trail: who (the acting Administrator, or the platform itself
/// for the first Administrator), what, and the account's access before and after.
/// </remarks>
public sealed class StaffAccounts(IServiceScopeFactory scopes, IStringLocalizer<SharedResource> text, IAuditTrail audit)
{
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var units = await db.UserClaims.Where(c => c.ClaimType == StaffClaims.Unit).Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(ct);
        return users.Select(u => new StaffAccount(u.Id, u.Email ?? "", u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            [.. units.Where(c => c.UserId == u.Id).Select(c => c.ClaimValue!).Order()],
            u.IsActive)).ToList();
    }

    /// <summary>
    /// "Name (e-mail)" for the given account ids: the services record who did what by the stable id in the
    /// token, and the portal, which owns the accounts, shows people by name.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : $"{u.DisplayName} ({u.Email})", ct);
    }

    /// <param name="actingUser">The Administrator creating it; null for the platform's own set-up.</param>
    public async Task<AccountChange> CreateAsync(string email, string displayName, StaffAccess access, ClaimsPrincipal? actingUser = null)
    {
        if (Validate(access) is { } invalid)
        {
            return invalid;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var password = InitialPassword.Create();
        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName.Trim(), MustChangePassword = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Failed(created);
        }
        var assigned = await AssignAsync(users, user, access);
        if (!assigned.Succeeded)
        {
            return assigned;
        }
        await audit.RecordAsync(actingUser is null ? AuditActor.System : AuditActor.From(actingUser), "user.created", user.Email,
            new { displayName = user.DisplayName, roles = access.Roles.Order(), units = access.Units.Order() });
        return assigned with { InitialPassword = password };
    }

    public async Task<AccountChange> UpdateAccessAsync(string userId, StaffAccess access, ClaimsPrincipal actingUser)
    {
        if (Validate(access) is { } invalid)
        {
            return invalid;
        }
        if (userId == actingUser.UserId() && !access.Roles.Contains(StaffRoles.Administrator))
        {
            return AccountChange.Failed(text["Admin.CannotDemoteSelf"]);
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AccountChange.Failed(text["Admin.UserNotFound"]);
        }
        var before = new
        {
            roles = (await users.GetRolesAsync(user)).Order().ToList(),
            units = (await users.GetClaimsAsync(user)).Where(c => c.Type == StaffClaims.Unit).Select(c => c.Value).Order().ToList(),
        };
        var changed = await AssignAsync(users, user, access);
        if (changed.Succeeded)
        {
            await audit.RecordAsync(AuditActor.From(actingUser), "user.access-changed", user.Email,
                new { before, after = new { roles = access.Roles.Order(), units = access.Units.Order() } });
        }
        return changed;
    }

    public async Task<AccountChange> SetActiveAsync(string userId, bool active, ClaimsPrincipal actingUser)
    {
        if (userId == actingUser.UserId() && !active)
        {
            return AccountChange.Failed(text["Admin.CannotDeactivateSelf"]);
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return AccountChange.Failed(text["Admin.UserNotFound"]);
        }
        user.IsActive = active;
        var updated = await users.UpdateAsync(user);
        // A new security stamp ends the user's open sessions at the next validation.
        var change = updated.Succeeded ? ToChange(await users.UpdateSecurityStampAsync(user)) : Failed(updated);
        if (change.Succeeded)
        {
            await audit.RecordAsync(AuditActor.From(actingUser), active ? "user.activated" : "user.deactivated", user.Email);
        }
        return change;
    }

    private AccountChange? Validate(StaffAccess access) =>
        access.Roles.Count == 0 ? AccountChange.Failed(text["Admin.RoleRequired"])
        : access.Roles.Contains(StaffRoles.IndicatorOwner) && access.Units.Count == 0 ? AccountChange.Failed(text["Admin.UnitRequired"])
        : null;

    private static async Task<AccountChange> AssignAsync(UserManager<StaffUser> users, StaffUser user, StaffAccess access)
    {
        var roles = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, roles.Except(access.Roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, access.Roles.Intersect(StaffRoles.All).Except(roles));
        }
        var units = (await users.GetClaimsAsync(user)).Where(c => c.Type == StaffClaims.Unit).ToList();
        if (result.Succeeded && units.Count > 0)
        {
            result = await users.RemoveClaimsAsync(user, units);
        }
        var wanted = access.Units.Intersect(ResponsibleUnits.All).Select(u => new Claim(StaffClaims.Unit, u)).ToList();
        if (result.Succeeded && wanted.Count > 0)
        {
            result = await users.AddClaimsAsync(user, wanted);
        }
        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }
        return ToChange(result);
    }

    private static AccountChange ToChange(IdentityResult result) => result.Succeeded ? new(true, []) : Failed(result);

    private static AccountChange Failed(IdentityResult result) => new(false, [.. result.Errors.Select(e => e.Description)]);
}

using Microsoft.AspNetCore.Identity;
using StrategyPlatform.Portal.Data;
using StrategyPlatform.ServiceDefaults.Audit;

namespace StrategyPlatform.Portal.Accounts;

/// <summary>
/// Sign-ins in the portal's audit trail: who signed in (their roles at that moment), and every refused
/// attempt with the e-mail tried, why it was refused and from which address. The page tells the person
/// only "did not work"; the Administrator reading the trail needs to tell a typo from a guessing run.
/// </summary>
public sealed class SignInAudit(IAuditTrail audit, UserManager<StaffUser> users, IHttpContextAccessor http)
{
    public async Task RecordAsync(string email, SignInResult result, string method = "password")
    {
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var attempted = email.Length > 254 ? email[..254] : email;
        var user = await users.FindByNameAsync(attempted);
        if (result.Succeeded && user is not null)
        {
            await audit.RecordAsync(new AuditActor(user.Id, user.Email, [.. (await users.GetRolesAsync(user)).Order()]), "account.signed-in", user.Email,
                new { method, client });
            return;
        }
        var reason = user is null ? "unknown account" : result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "account not active" : "wrong password";
        await audit.RecordAsync(new AuditActor("anonymous", null, []), result.IsLockedOut ? "account.locked-out" : "account.sign-in-failed", attempted,
            new { method, reason, client });
    }

    public Task PasswordChangedAsync(StaffUser user) =>
        audit.RecordAsync(new AuditActor(user.Id, user.Email, []), "account.password-changed", user.Email);
}

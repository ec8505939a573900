using Microsoft.AspNetCore.Identity;
using StrategyPlatform.Portal.Data;

namespace StrategyPlatform.Portal.Accounts;

/// <summary>Identity refuses sign-in ("not allowed") to an account an Administrator has deactivated.</summary>
internal sealed class ActiveUserConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(user.IsActive);
}

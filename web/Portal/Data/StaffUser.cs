using Microsoft.AspNetCore.Identity;

namespace StrategyPlatform.Portal.Data;

/// <summary>A ministry staff member with a local account. Units are stored as "unit" user claims, roles as Identity roles.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated user cannot sign in; the account is kept so its history stays attributable.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Set when an Administrator creates the account with an initial password, cleared by the first change.</summary>
    public bool MustChangePassword { get; set; }
}

using System.Security.Claims;
using Microsoft.Extensions.Hosting;

namespace StrategyPlatform.ServiceDefaults.Authentication;

/// <summary>
/// Who made a change: the user id from the token, and the name it carries, kept beside the id so a
/// record still says who it was when the portal cannot name the account (removed, or a caller
/// other than the portal).
/// </summary>
public sealed record Actor(string Id, string? Name)
{
    public static Actor From(ClaimsPrincipal user) => new(user.UserId() ?? "unknown", user.Identity?.Name);
}

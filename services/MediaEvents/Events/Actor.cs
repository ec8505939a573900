using System.Security.Claims;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>Who made a change: the user id from the token, and the display name the history shows.</summary>
public sealed record Actor(string Id, string? Name)
{
    public static Actor From(ClaimsPrincipal user) => new(user.UserId() ?? "unknown", user.Identity?.Name);
}

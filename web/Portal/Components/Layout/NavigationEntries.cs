using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Portal.Components.Layout;

/// <summary>One entry of the sidebar: shown only to users the policy admits (null = everyone).</summary>
public sealed record NavigationEntry(string Href, string TextKey, string Icon, string? Policy);

/// <summary>
/// The portal's sidebar. A feature adds its entry here with the same policy that protects its page
/// (<c>[Authorize(Policy = ...)]</c>), so the menu never offers a page the user would be refused.
/// </summary>
public static class NavigationEntries
{
    public static readonly IReadOnlyList<NavigationEntry> All =
    [
        new("", "Nav.Home", "home", null),
        new("staff", "Nav.StaffStart", "dashboard", StaffPolicies.Staff),
        new("indicators", "Nav.Indicators", "monitoring", StaffPolicies.Staff),
        new("surveys", "Nav.Surveys", "quiz", StrategyPlatform.Portal.Surveys.SurveyAccess.ReadResults),
        new("media-events", "Nav.MediaEvents", "campaign", StaffPolicies.ReadMediaEvents),
        new("admin/users", "Nav.Users", "manage_accounts", StaffPolicies.Administer),
        new("admin/audit", "Nav.Audit", "history", StaffPolicies.Administer),
    ];
}

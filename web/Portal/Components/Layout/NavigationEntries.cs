using StrategyPlatform.ServiceDefaults.Authentication;

namespace StrategyPlatform.Portal.Components.Layout;

/// <summary>One entry of the navigation: shown only to users the policy admits (null = everyone).</summary>
/// <param name="SignedOutOnly">Only for visitors who are not signed in (the public home page: staff start at their own page).</param>
public sealed record NavigationEntry(string Href, string TextKey, string Icon, string? Policy, bool SignedOutOnly = false);

/// <summary>
/// The portal's navigation. A feature adds its entry here with the same policy that protects its page
/// (<c>[Authorize(Policy = ...)]</c>), so the menu never offers a page the user would be refused.
/// </summary>
public static class NavigationEntries
{
    public static readonly IReadOnlyList<NavigationEntry> All =
    [
        new("", "Nav.Home", "home", null, SignedOutOnly: true),
        new("staff", "Nav.StaffStart", "space_dashboard", StaffPolicies.Staff),
        new("indicators", "Nav.Indicators", "monitoring", StaffPolicies.Staff),
        new("surveys", "Nav.Surveys", "quiz", StrategyPlatform.Portal.Surveys.SurveyAccess.ReadResults),
        new("media-events", "Nav.MediaEvents", "campaign", StaffPolicies.ReadMediaEvents),
        new("admin/users", "Nav.Users", "manage_accounts", StaffPolicies.Administer),
        new("admin/audit", "Nav.Audit", "history", StaffPolicies.Administer),
    ];
}

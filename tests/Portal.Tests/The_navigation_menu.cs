using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StrategyPlatform.Portal.Components.Layout;
using StrategyPlatform.Portal.Localization;
using StrategyPlatform.Portal.Surveys;
using StrategyPlatform.ServiceDefaults.Authentication;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>The menu asks the real staff policies, so a role sees exactly the sections its pages admit.</summary>
public sealed class The_navigation_menu : BunitContext
{
    private readonly BunitCulture culture = new(PortalCultures.English);

    public The_navigation_menu()
    {
        Services.AddLocalization();
        Services.AddAuthorizationBuilder().AddStaffPolicies().AddSurveyPolicies();
        // The real evaluator, not bUnit's stand-in: the point is to test the real policies.
        Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IReadOnlyList<string> EntriesFor(params string[] roles)
    {
        var user = roles.Length == 0
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
        var menu = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(new AuthenticationState(user)))
            .AddChildContent<NavMenu>());
        return [.. menu.FindAll("nav a .nav-text").Select(a => a.TextContent.Trim())];
    }

    [Fact]
    public void Shows_a_visitor_only_the_home_page() =>
        Assert.Equal(["Home"], EntriesFor());

    [Fact]
    public void Shows_leadership_what_it_reads_including_survey_results_but_not_users() =>
        Assert.Equal(["Staff start", "Indicators dashboard", "Surveys", "Media events"], EntriesFor(StaffRoles.Leadership));

    [Fact]
    public void Shows_communications_the_media_events() =>
        Assert.Equal(["Staff start", "Indicators dashboard", "Media events"], EntriesFor(StaffRoles.Communications));

    [Fact]
    public void Shows_a_user_with_several_roles_the_sections_of_each() =>
        Assert.Equal(["Staff start", "Indicators dashboard", "Surveys", "Media events"], EntriesFor(StaffRoles.SurveyManager, StaffRoles.Communications));

    [Fact]
    public void Shows_the_administrator_everything() =>
        Assert.Equal(["Staff start", "Indicators dashboard", "Surveys", "Media events", "Users", "Audit trail"], EntriesFor(StaffRoles.Administrator));

    [Fact]
    public void Marks_the_current_section_for_assistive_technology()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("media-events/new");
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, StaffRoles.Communications)], "test"));
        var menu = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(new AuthenticationState(user)))
            .AddChildContent<NavMenu>());

        Assert.Equal(["Media events"], menu.FindAll("a[aria-current=page] .nav-text").Select(a => a.TextContent.Trim()));
    }

    protected override void Dispose(bool disposing)
    {
        culture.Dispose();
        base.Dispose(disposing);
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.Portal.Components.Layout;
using StrategyPlatform.Portal.Localization;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class The_language_switch : BunitContext
{
    public The_language_switch() => Services.AddLocalization();

    [Fact]
    public void On_a_latvian_page_offers_english_and_returns_to_the_same_page_and_query()
    {
        using var _ = new BunitCulture(PortalCultures.Latvian);
        Services.GetRequiredService<NavigationManager>().NavigateTo("surveys/42?tab=questions");

        var link = Render<LanguageSwitch>().Find("a");

        Assert.Equal("English", link.TextContent);
        Assert.Equal("en", link.GetAttribute("lang"));
        Assert.Equal("/culture?culture=en-GB&returnUrl=%2Fsurveys%2F42%3Ftab%3Dquestions", link.GetAttribute("href"));
    }

    [Fact]
    public void On_an_english_page_offers_latvian()
    {
        using var _ = new BunitCulture(PortalCultures.English);

        var link = Render<LanguageSwitch>().Find("a");

        Assert.Equal("Latviešu", link.TextContent);
        Assert.Equal("lv", link.GetAttribute("lang"));
        Assert.Equal("/culture?culture=lv-LV&returnUrl=%2F", link.GetAttribute("href"));
    }

    [Fact]
    public void Follows_client_side_navigation_so_it_always_returns_to_the_current_page()
    {
        using var _ = new BunitCulture(PortalCultures.Latvian);
        var component = Render<LanguageSwitch>();

        Services.GetRequiredService<NavigationManager>().NavigateTo("media-events");

        component.WaitForAssertion(() => Assert.EndsWith("returnUrl=%2Fmedia-events", component.Find("a").GetAttribute("href")));
    }

    [Theory]
    [InlineData("/staff?x=1", "/staff?x=1")]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    public void Only_returns_to_a_page_of_the_portal(string? returnUrl, string expected) =>
        Assert.Equal(expected, CultureEndpoints.SafeLocal(returnUrl));
}

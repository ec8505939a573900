using Bunit;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.Portal.Components.Pages.Surveys;
using StrategyPlatform.Portal.Localization;
using StrategyPlatform.Portal.ServiceClients;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class The_category_breakdown : BunitContext
{
    public The_category_breakdown() => Services.AddLocalization();

    private static readonly CategoryResult[] Categories =
    [
        new("Ngo", new("NVO", "NGO"), false, 7, 1.0),
        new("Municipality", new("Pašvaldība", "Municipality"), true, null, null, "Derivable"),
        new("SubordinateInstitution", new("Padotības iestāde", "Subordinate institution"), true, null, null, "FewerThanThreshold"),
        new("StateInstitution", new("Cita ministrija", "Another ministry"), false, 0, null),
    ];

    private string Row(IRenderedComponent<CategoryBreakdown> table, string category) =>
        table.Find($"tr[data-category={category}]").TextContent.Trim();

    [Fact]
    public void Says_why_each_hidden_group_is_hidden_and_that_an_empty_one_had_no_responses()
    {
        using var _ = new BunitCulture(PortalCultures.English);

        var table = Render<CategoryBreakdown>(p => p.Add(c => c.Categories, Categories));

        Assert.Contains("worked out from the total and the other groups", Row(table, "Municipality"));
        Assert.DoesNotContain("fewer than", Row(table, "Municipality"));
        Assert.Contains("fewer than 5 responses", Row(table, "SubordinateInstitution"));
        Assert.Contains("no responses", Row(table, "StateInstitution"));
        Assert.Contains("100.0%", Row(table, "Ngo"));
    }

    [Fact]
    public void Says_it_in_latvian_on_a_latvian_page()
    {
        using var _ = new BunitCulture(PortalCultures.Latvian);

        var table = Render<CategoryBreakdown>(p => p.Add(c => c.Categories, Categories));

        Assert.Contains("varētu aprēķināt no kopskaita", Row(table, "Municipality"));
        Assert.Contains("mazāk nekā 5 atbildes", Row(table, "SubordinateInstitution"));
        Assert.Contains("nav atbilžu", Row(table, "StateInstitution"));
    }
}

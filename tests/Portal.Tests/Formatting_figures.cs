using System.Xml.Linq;
using StrategyPlatform.Portal.Localization;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>One figure is written one way in each language, on every page (PortalFormat), and Latvian texts quote „…”.</summary>
public sealed class Formatting_figures
{
    private const string NoBreakSpace = "\u00A0";

    [Fact]
    public void Latvian_writes_a_comma_and_a_no_break_space_before_the_per_cent_sign()
    {
        using var _ = new BunitCulture(PortalCultures.Latvian);

        Assert.Equal($"60,0{NoBreakSpace}%", PortalFormat.Share(0.6));
        Assert.Equal($"60,0{NoBreakSpace}%", PortalFormat.Percent(60m));
        Assert.Equal($"57,9–62,0{NoBreakSpace}%", PortalFormat.ShareInterval(0.5786, 0.6204));
        Assert.Equal($"1{NoBreakSpace}234", PortalFormat.Count(1234));
        Assert.Equal($"348,29", PortalFormat.Number(348.29m));
        Assert.Equal("+4,2", PortalFormat.Points(4.24));
        Assert.Equal("−1,0", PortalFormat.Points(-1.0));
        Assert.Equal("–", PortalFormat.Share(null));
    }

    [Fact]
    public void English_writes_a_point_and_the_sign_right_after_the_number()
    {
        using var _ = new BunitCulture(PortalCultures.English);

        Assert.Equal("60.0%", PortalFormat.Share(0.6));
        Assert.Equal("52.0%", PortalFormat.Percent(52m));
        Assert.Equal("57.9–62.0%", PortalFormat.ShareInterval(0.5786, 0.6204));
        Assert.Equal("1,234", PortalFormat.Count(1234));
        Assert.Equal("3.94", PortalFormat.Fixed(3.9375));
    }

    [Fact]
    public void Latvian_texts_quote_with_low_and_high_marks_and_english_ones_with_curly_marks()
    {
        var resources = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "web", "Portal", "Resources");
        string[] Values(string file) => [.. XDocument.Load(Path.Combine(resources, file)).Root!.Elements("data").Select(d => d.Element("value")!.Value)];

        // A Latvian quotation opens with „ and closes with ”; straight quotes or English “…” are not Latvian.
        Assert.DoesNotContain(Values("SharedResource.resx"), v => v.Contains('"') || v.Contains('“'));
        Assert.DoesNotContain(Values("SharedResource.en.resx"), v => v.Contains('"') || v.Contains('„'));
    }
}

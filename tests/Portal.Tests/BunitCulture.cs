using System.Globalization;

namespace StrategyPlatform.Portal.Tests;

/// <summary>Runs a bUnit test in one of the portal's cultures and restores the thread's culture afterwards.</summary>
public sealed class BunitCulture : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public BunitCulture(string name)
    {
        var chosen = Localization.PortalCultures.Cultures.Single(c => c.Name == name);
        CultureInfo.CurrentCulture = chosen;
        CultureInfo.CurrentUICulture = chosen;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}

using System.Globalization;

namespace StrategyPlatform.Portal.Localization;

/// <summary>The portal's languages: Latvian (the default) and English.</summary>
public static class PortalCultures
{
    public const string Latvian = "lv-LV";
    public const string English = "en-GB";

    public static readonly IReadOnlyList<string> All = [Latvian, English];

    /// <summary>
    /// The culture objects the portal runs with. Latvian writes a space before the percent sign
    /// (<c>88,8 %</c>), which .NET's lv-LV data omits, so the portal's Latvian culture adds it.
    /// </summary>
    public static readonly IReadOnlyList<CultureInfo> Cultures = [CreateLatvian(), CultureInfo.GetCultureInfo(English)];

    private static CultureInfo CreateLatvian()
    {
        var latvian = new CultureInfo(Latvian);
        latvian.NumberFormat.PercentPositivePattern = 0; // "n %"
        latvian.NumberFormat.PercentNegativePattern = 0; // "-n %"
        return CultureInfo.ReadOnly(latvian);
    }

    public static bool IsLatvian(CultureInfo culture) => culture.TwoLetterISOLanguageName == "lv";

    /// <summary>The culture a switch on a page in <paramref name="current"/> leads to.</summary>
    public static string Other(CultureInfo current) => IsLatvian(current) ? English : Latvian;

    /// <summary>The portal's culture for a culture or language name (<c>en</c>, <c>en-US</c>, <c>lv-LV</c>); null for any other language.</summary>
    public static string? Normalize(string? culture) =>
        culture?.Split('-', '_')[0] is { Length: 2 } language
            ? All.FirstOrDefault(c => string.Equals(c[..2], language, StringComparison.OrdinalIgnoreCase))
            : null;
}

using System.Globalization;

namespace StrategyPlatform.Portal.Localization;

/// <summary>
/// How every page writes numbers, shares and intervals, in the page's culture: Latvian
/// <c>60,0 %</c>, <c>57,9–62,0 %</c>, <c>1 234</c>; English <c>60.0%</c>, <c>57.9–62.0%</c>,
/// <c>1,234</c>. One place, so the survey results, the dashboard and the review write the same figure
/// the same way. (Quotation marks belong to the sentences in the resources: „…” in Latvian, “…” in English.)
/// </summary>
/// <remarks>
/// Latvian puts a space before the per cent sign; it is a no-break space here, so a line never
/// breaks between a number and its sign (.NET's own Latvian data writes <c>60,0%</c>). Shares and
/// per cents always show one decimal, the precision the indicators are computed to.
/// </remarks>
public static class PortalFormat
{
    /// <summary>What a page shows where there is no figure.</summary>
    public const string Missing = "–";

    private const char NoBreakSpace = '\u00A0';

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private static bool IsLatvian => PortalCultures.IsLatvian(CultureInfo.CurrentUICulture);

    private static string PercentSign => IsLatvian ? $"{NoBreakSpace}%" : "%";

    /// <summary>A value already in per cent: 60 → <c>60,0 %</c> / <c>60.0%</c>.</summary>
    public static string Percent(decimal? percent, int decimals = 1) =>
        percent is { } p ? p.ToString("N" + decimals, Culture) + PercentSign : Missing;

    /// <summary>A share as a fraction: 0.6 → <c>60,0 %</c> / <c>60.0%</c>.</summary>
    public static string Share(double? fraction, int decimals = 1) =>
        fraction is { } f ? Percent((decimal)Math.Round(f * 100, decimals, MidpointRounding.AwayFromZero), decimals) : Missing;

    /// <summary>An interval of per cents, the sign once at its end: <c>57,9–62,0 %</c> / <c>57.9–62.0%</c>.</summary>
    public static string PercentInterval(decimal low, decimal high, int decimals = 1) =>
        $"{low.ToString("N" + decimals, Culture)}–{high.ToString("N" + decimals, Culture)}{PercentSign}";

    /// <summary>An interval of shares given as fractions.</summary>
    public static string ShareInterval(double low, double high, int decimals = 1) =>
        PercentInterval((decimal)Math.Round(low * 100, decimals, MidpointRounding.AwayFromZero), (decimal)Math.Round(high * 100, decimals, MidpointRounding.AwayFromZero), decimals);

    /// <summary>A number with up to <paramref name="maxDecimals"/> decimals and the culture's grouping: <c>1 234,5</c> / <c>1,234.5</c>.</summary>
    public static string Number(decimal? value, int maxDecimals = 2) =>
        value is { } v ? v.ToString("#,0." + new string('#', maxDecimals), Culture) : Missing;

    /// <summary>A number with exactly <paramref name="decimals"/> decimals (a mean: <c>3,94</c>).</summary>
    public static string Fixed(double? value, int decimals = 2) => value is { } v ? v.ToString("N" + decimals, Culture) : Missing;

    /// <summary>A signed difference in percentage points: <c>+4,2</c> / <c>−1.0</c> (a true minus sign).</summary>
    public static string Points(double? value, int decimals = 1) =>
        value is { } v ? (v > 0 ? "+" : v < 0 ? "−" : "") + Math.Abs(v).ToString("N" + decimals, Culture) : Missing;

    /// <summary>A count with the culture's grouping: <c>1 234</c> / <c>1,234</c>.</summary>
    public static string Count(long? value) => value is { } v ? v.ToString("N0", Culture) : Missing;

    /// <summary>A day in the culture's short form: <c>15.03.2026</c> / <c>15/03/2026</c>.</summary>
    public static string Date(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue).ToString("d", Culture) ?? "";

    /// <summary>A period of days: <c>01.03.2026 – 31.03.2026</c>; empty when neither end is known.</summary>
    public static string Period(DateOnly? from, DateOnly? to) => from is null && to is null ? "" : $"{Date(from)} – {Date(to)}";
}

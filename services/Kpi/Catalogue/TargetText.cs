using System.Globalization;

namespace StrategyPlatform.Kpi.Catalogue;

/// <summary>The target rule said in words, in Latvian and English, for tiles and the review report.</summary>
public static class TargetText
{
    private static readonly CultureInfo Lv = CultureInfo.GetCultureInfo("lv-LV");

    public static LocalizedText Of(IndicatorDefinition d)
    {
        var x = d.Target.Value;
        var y = d.TargetYear;
        string Amount(decimal? v, CultureInfo c) => v is null ? "" : v.Value.ToString("0.##", c) + Suffix(d.Unit, c == Lv);
        string Base(CultureInfo c) => d.Baseline is { } b ? $"{Amount(b.Value, c)} ({b.Year})" : "";
        return d.Target.Kind switch
        {
            TargetRuleKind.AtMost => new($"ne vairāk kā {Amount(x, Lv)} gadā", $"at most {Amount(x, CultureInfo.InvariantCulture)} a year"),
            TargetRuleKind.AtLeast => new($"vismaz {Amount(x, Lv)} gadā", $"at least {Amount(x, CultureInfo.InvariantCulture)} a year"),
            TargetRuleKind.NotBelowBaseline => new($"{y}. gadā ne zemāk par bāzes vērtību {Base(Lv)}", $"by {y} not below the baseline {Base(CultureInfo.InvariantCulture)}"),
            TargetRuleKind.LowerThanBaseline => new($"{y}. gadā zemāk par bāzes vērtību {Base(Lv)}", $"by {y} lower than the baseline {Base(CultureInfo.InvariantCulture)}"),
            TargetRuleKind.HigherThanBaseline => new($"{y}. gadā augstāk par bāzes vērtību {Base(Lv)}", $"by {y} higher than the baseline {Base(CultureInfo.InvariantCulture)}"),
            TargetRuleKind.HigherThanPreviousYear => new("katru gadu vairāk nekā iepriekšējā gadā", "every year more than the year before"),
            TargetRuleKind.AtLeastPerMonth => new($"vismaz {x:0.##} katrā mēnesī", $"at least {x:0.##} every month"),
            TargetRuleKind.DoneByYear => new($"izpildīts līdz {y}. gadam", $"done by {y}"),
            TargetRuleKind.HigherInYearThanFirstMeasurement => new($"{y}. gadā augstāk nekā pirmajā mērījumā", $"higher in {y} than at the first measurement"),
            _ => new("", ""),
        };
    }

    // Latvian writes "11 %", English "11%" (as the portal's figures); a no-break space keeps number and unit on one line.
    private static string Suffix(IndicatorUnit unit, bool latvian) => unit switch
    {
        IndicatorUnit.Percent => latvian ? "\u00A0%" : "%",
        IndicatorUnit.MWh => "\u00A0MWh",
        _ => "",
    };
}

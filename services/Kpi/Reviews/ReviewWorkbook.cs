using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.ServiceDefaults.Files;

namespace StrategyPlatform.Kpi.Reviews;

/// <summary>The review report as an Excel workbook, in Latvian or English; numbers stay numbers.</summary>
public static class ReviewWorkbook
{
    public static byte[] Write(ReviewReport report, string language)
    {
        var lv = language == "lv";
        string[] header = lv
            ? ["Nr.", "Prioritāte", "Galvenais rādītājs", "Snieguma rādītājs", "Bāzes vērtība", "Bāzes gads", "Mērķis", $"Vērtība {report.Year}", "n", "95 % TI no", "95 % TI līdz", "Statuss", "Izmaiņas", "Atbildīgais", "Komentārs"]
            : ["No.", "Priority", "Key indicator", "Indicator", "Baseline", "Baseline year", "Target", $"Value {report.Year}", "n", "95 % CI low", "95 % CI high", "Status", "Change", "Responsible", "Comment"];
        var rows = report.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Number, r.Priority, r.IsKey ? (lv ? "jā" : "yes") : "", lv ? r.Indicator.Lv : r.Indicator.En,
            r.Baseline?.Value, r.Baseline?.Year, lv ? r.Target.Lv : r.Target.En, r.Value, r.N, r.CiLow, r.CiHigh,
            StatusLabel(r.Status, lv), r.Change is { } c ? ChangeLabel(c, lv) : null, string.Join(", ", r.ResponsibleUnits), r.Comment,
        ]);
        return Xlsx.Write(new XlsxSheet(lv ? $"Pārskats {report.Year}" : $"Review {report.Year}", header, rows));
    }

    public static string StatusLabel(KpiStatus status, bool lv) => status switch
    {
        KpiStatus.Achieved => lv ? "Sasniegts" : "Achieved",
        KpiStatus.OnTrack => lv ? "Virzās uz mērķi" : "On track",
        KpiStatus.AtRisk => lv ? "Apdraudēts" : "At risk",
        KpiStatus.NotAchieved => lv ? "Nav sasniegts" : "Not achieved",
        _ => lv ? "Vēl nav datu" : "No data yet",
    };

    private static string ChangeLabel(ValueChange change, bool lv) => change switch
    {
        ValueChange.Rise => lv ? "pieaugums" : "rise",
        ValueChange.Fall => lv ? "samazinājums" : "fall",
        ValueChange.Same => lv ? "bez izmaiņām" : "no change",
        _ => lv ? "statistiskās kļūdas robežās" : "within the margin of error",
    };
}

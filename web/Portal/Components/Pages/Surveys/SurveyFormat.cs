using System.Globalization;

namespace StrategyPlatform.Portal.Components.Pages.Surveys;

/// <summary>Numbers and dates of the survey pages in the page's culture (lv: 88,8 %, 15.03.2026).</summary>
public static class SurveyFormat
{
    public static string Period(DateOnly? from, DateOnly? to) =>
        from is null && to is null ? "" : $"{Date(from)} – {Date(to)}";

    public static string Date(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue).ToString("d", CultureInfo.CurrentCulture) ?? "";

    public static string Share(double? share) => share?.ToString("P1", CultureInfo.CurrentCulture) ?? "–";

    public static string Number(double? value, string format = "N2") => value?.ToString(format, CultureInfo.CurrentCulture) ?? "–";

    /// <summary>A CSV (";"-separated, as Excel in Latvia opens it) as a data link, so downloading needs no script.</summary>
    public static string CsvDataUri(IEnumerable<IEnumerable<string>> rows) =>
        "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + string.Join("\r\n",
            rows.Select(r => string.Join(';', r.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")))));
}

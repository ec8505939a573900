namespace StrategyPlatform.Portal.Components.Pages.Surveys;

/// <summary>What the survey pages need beyond <c>Localization.PortalFormat</c>'s figures.</summary>
public static class SurveyFormat
{
    /// <summary>A CSV (";"-separated, as Excel in Latvia opens it) as a data link, so downloading needs no script.</summary>
    public static string CsvDataUri(IEnumerable<IEnumerable<string>> rows) =>
        "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + string.Join("\r\n",
            rows.Select(r => string.Join(';', r.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")))));
}

using System.Globalization;
using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Components.Pages.Staff;

/// <summary>What the start page counts with: the ministry's today, a year's figures of an indicator, plural words.</summary>
public static class StartFormat
{
    private static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    /// <summary>Today as the ministry's clocks show it (Europe/Riga), whatever the server's time zone.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Riga).DateTime);

    public static KpiYear? YearOf(KpiIndicator indicator, int year) => indicator.Years.FirstOrDefault(y => y.Year == year);

    public static bool HasValue(KpiIndicator indicator, int year) => YearOf(indicator, year)?.Value is not null;

    /// <summary>Off target by the service's own judgement of its latest value: at risk, or not achieved.</summary>
    public static bool IsOffTarget(KpiIndicator indicator) => indicator.Current.Status is "AtRisk" or "NotAchieved";

    /// <summary>Whether a count takes the singular: Latvian "1 diena, 21 diena, 11 dienas"; English "1 day".</summary>
    public static bool IsSingular(int n) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "lv" ? n % 10 == 1 && n % 100 != 11 : n == 1;

    /// <summary>"otrdiena, 2026. gada 1. decembris" / "Tuesday, 1 December 2026": .NET's Latvian data capitalises the weekday, which Latvian does not.</summary>
    public static string LongDate(DateOnly date)
    {
        var text = date.ToDateTime(TimeOnly.MinValue).ToString("D", CultureInfo.CurrentCulture);
        return CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "lv" ? char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..] : text;
    }

    public static string MonthName(int month) => CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(month);
}

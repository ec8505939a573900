using System.Globalization;
using Microsoft.Extensions.Localization;
using StrategyPlatform.Contracts;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.Portal.Localization;

namespace StrategyPlatform.Portal.Components.Pages.Indicators;

/// <summary>How the indicator pages say values, statuses and texts in the current language.</summary>
public static class IndicatorFormat
{
    public static bool IsLatvian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "lv";

    public static string Text(KpiText? text) => text is null ? "" : IsLatvian ? text.Lv : text.En;

    /// <summary>A value in the indicator's unit, written by <see cref="PortalFormat"/> (lv: <c>88,8 %</c>, en: <c>88.8%</c>).</summary>
    public static string Value(IStringLocalizer<SharedResource> T, string unit, decimal? value)
    {
        if (value is not { } v)
        {
            return T["Kpi.NoValue"];
        }
        return unit switch
        {
            "Percent" => PortalFormat.Percent(v),
            "MWh" => T["Kpi.Unit.MWh", PortalFormat.Number(v)],
            "YesNo" => v > 0 ? T["Kpi.Yes"] : T["Kpi.No"],
            "NewsPerMonth" => T["Kpi.Unit.MonthsMet", PortalFormat.Count((long)v)],
            _ => PortalFormat.Number(v),
        };
    }

    /// <summary>
    /// What a year shows: its own value; for the baseline year without one, the baseline, marked as such
    /// (the strategy's table states it, so "no value" would be wrong); else "no value".
    /// </summary>
    public static string YearValue(IStringLocalizer<SharedResource> T, string unit, decimal? value, KpiBaseline? baseline, int year) =>
        value is null && baseline?.Year == year ? $"{Value(T, unit, baseline.Value)} ({T["Kpi.BaselineShort"]})" : Value(T, unit, value);

    /// <summary>A year that has no value of its own but is the baseline year: it shows the baseline, not a status.</summary>
    public static bool IsBaselineYear(decimal? value, KpiBaseline? baseline, int year) => value is null && baseline?.Year == year;

    /// <summary>A survey value's n and 95 % interval, written as the survey's results write theirs.</summary>
    public static string Interval(IStringLocalizer<SharedResource> T, string unit, int n, decimal low, decimal high) =>
        T["Kpi.Interval", PortalFormat.Count(n), unit == "Percent" ? PortalFormat.PercentInterval(low, high) : $"{Value(T, unit, low)}–{Value(T, unit, high)}"];

    public static string Status(IStringLocalizer<SharedResource> T, string status) => T[$"Kpi.Status.{status}"];

    public static string StatusClass(string status) => status switch
    {
        "Achieved" => "status-achieved",
        "OnTrack" => "status-on-track",
        "AtRisk" => "status-at-risk",
        "NotAchieved" => "status-not-achieved",
        _ => "status-no-data",
    };

    public static string Baseline(IStringLocalizer<SharedResource> T, KpiIndicator i) =>
        i.Baseline is { } b ? T["Kpi.BaselineOf", Value(T, i.Unit, b.Value), b.Year]
        : i.FirstMeasuredYear is { } first ? T["Kpi.MeasuredFrom", first]
        : Text(i.BaselineNote) is { Length: > 0 } note ? note : T["Kpi.NoBaseline"];

    /// <summary>The sparkline's text alternative: every year from the baseline to 2027 with its value.</summary>
    public static string Trend(IStringLocalizer<SharedResource> T, KpiIndicator i) =>
        T["Kpi.TrendText", string.Join("; ", i.Sparkline.Select(p => $"{p.Year}: {Value(T, i.Unit, p.Value)}{(p.IsBaseline ? " (" + T["Kpi.BaselineShort"] + ")" : "")}"))];

    /// <summary>
    /// The account the Kpi service records for what it seeded from the strategy itself (the catalogue's first
    /// versions, the activities' first progress; its <c>Catalogue/CatalogueSeeder</c>): no person, so the pages name it
    /// in their own language rather than show the id.
    /// </summary>
    public const string SeedAccount = "seed";

    /// <summary>
    /// Who did something: the portal's name for the account, else the name the service kept from
    /// the caller's token, else the bare id; the seed is "the strategy's table" in the page's language.
    /// </summary>
    public static string Person(IStringLocalizer<SharedResource> T, IReadOnlyDictionary<string, string> names, string id, string? keptName) =>
        id == SeedAccount ? T["Kpi.SeedAccount"] : names.GetValueOrDefault(id) ?? (string.IsNullOrWhiteSpace(keptName) ? id : keptName);

    /// <summary>A moment as the ministry's clocks show it (Europe/Riga), in the current culture.</summary>
    public static string Moment(DateTime utc) => LatvianTime.LocalFromUtc(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The horizontal line the chart draws for the target, where the rule has one.</summary>
    public static decimal? TargetLine(KpiIndicator i) => i.Target.Kind switch
    {
        "AtMost" or "AtLeast" => i.Target.Value,
        "AtLeastPerMonth" => 12,
        "DoneByYear" => 1,
        _ => null,
    };
}

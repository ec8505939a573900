using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Apis;

public sealed record YearStatusView(
    int Year, decimal? Value, KpiStatus Status, ValueChange? Change, bool Locked, int? DefinitionVersion,
    int? N = null, int? Positive = null, int? Responses = null, decimal? CiLow = null, decimal? CiHigh = null, int[]? Monthly = null);

/// <param name="BreakBefore">The definition changed since the previous point: the series is not comparable across it.</param>
public sealed record SeriesPoint(int Year, decimal? Value, bool IsBaseline, bool BreakBefore);

public sealed record IndicatorSummary(
    string Number, int Priority, IReadOnlyList<int> Goals, bool IsKey, IndicatorUnit Unit,
    LocalizedText Result, LocalizedText Indicator, Baseline? Baseline, LocalizedText? BaselineNote, int? FirstMeasuredYear,
    TargetRule Target, int TargetYear, LocalizedText TargetText, LocalizedText DataSource,
    IReadOnlyList<string> ResponsibleUnits, LocalizedText? ResponsibleNote, MeasurementFrequency Frequency, ValueOrigin Origin,
    int Version, YearStatusView Current, IReadOnlyList<YearStatusView> Years, IReadOnlyList<SeriesPoint> Sparkline, bool Accumulates);

public static class IndicatorViews
{
    public static IndicatorSummary Summary(KpiSnapshot snapshot, CatalogueEntry entry)
    {
        var d = entry.Definition;
        var values = snapshot.ValuesOf(d.Number);
        var years = StrategyYears.All.Select(y => Year(snapshot, d, y)).ToList();
        var thisYear = StrategyYears.Clamp(snapshot.Clock.CurrentYear);
        var current = years.LastOrDefault(y => y.Value is not null) ?? years.Single(y => y.Year == thisYear);
        return new IndicatorSummary(d.Number, d.Priority, d.Goals, d.IsKey, d.Unit, d.Result, d.Indicator, d.Baseline, d.BaselineNote,
            d.FirstMeasuredYear, d.Target, d.TargetYear, TargetText.Of(d), d.DataSource, d.ResponsibleUnits, d.ResponsibleNote,
            d.Frequency, d.Origin, entry.Version, current, years, Series(d, values), d.Accumulates);
    }

    public static YearStatusView Year(KpiSnapshot snapshot, IndicatorDefinition d, int year)
    {
        var values = snapshot.ValuesOf(d.Number);
        var status = StatusRules.Judge(d, year, values, snapshot.Clock);
        var change = ValueChanges.Of(d, year, values);
        var locked = snapshot.Clock.IsLocked(year);
        return values.TryGetValue(year, out var v)
            ? new YearStatusView(year, v.Value, status, change, locked, v.DefinitionVersion, v.Counted, v.Positive, v.Responses, v.CiLow, v.CiHigh, v.Monthly)
            : new YearStatusView(year, null, status, null, locked, null);
    }

    /// <summary>From the baseline year (or the first measured year) to the strategy's last year, for the tile's sparkline.</summary>
    public static IReadOnlyList<SeriesPoint> Series(IndicatorDefinition d, IReadOnlyDictionary<int, YearValue> values)
    {
        var first = new[] { d.Baseline?.Year, d.FirstMeasuredYear, values.Keys.DefaultIfEmpty(StrategyYears.First).Min(), StrategyYears.First }.OfType<int>().Min();
        var points = new List<SeriesPoint>();
        int? lastVersion = null;
        for (var year = first; year <= StrategyYears.Last; year++)
        {
            if (values.TryGetValue(year, out var v))
            {
                points.Add(new SeriesPoint(year, v.Value, false, lastVersion is not null && lastVersion != v.DefinitionVersion));
                lastVersion = v.DefinitionVersion;
            }
            else
            {
                var isBaseline = d.Baseline?.Year == year;
                points.Add(new SeriesPoint(year, isBaseline ? d.Baseline!.Value : null, isBaseline, false));
            }
        }
        return points;
    }

    /// <summary>The dashboard's order: by priority, key indicators first, then the strategy table's order.</summary>
    public static IEnumerable<CatalogueEntry> DashboardOrder(IEnumerable<CatalogueEntry> entries) =>
        entries.OrderBy(e => e.Definition.Priority).ThenByDescending(e => e.Definition.IsKey).ThenBy(e => e.SortOrder);
}

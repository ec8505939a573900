using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Status;

public enum ValueChange { Rise, Fall, Same, WithinMarginOfError }

/// <summary>
/// How a year's value compares with the previous known point (the previous year with a value, or
/// the baseline). Survey values do not call a difference a rise or a fall when the 95 % intervals
/// overlap (or the interval contains the baseline): that is within the margin of error.
/// </summary>
public static class ValueChanges
{
    public static (decimal Value, int Year, YearValue? Point)? Reference(IndicatorDefinition d, int year, IReadOnlyDictionary<int, YearValue> values)
    {
        var earlier = values.Values.Where(v => v.Year < year).MaxBy(v => v.Year);
        if (earlier is not null && (d.Baseline is null || earlier.Year >= d.Baseline.Year))
        {
            return (earlier.Value, earlier.Year, earlier);
        }
        return d.Baseline is { } b && b.Year < year ? (b.Value, b.Year, null) : null;
    }

    public static ValueChange? Of(IndicatorDefinition d, int year, IReadOnlyDictionary<int, YearValue> values)
    {
        if (!values.TryGetValue(year, out var current) || Reference(d, year, values) is not { } reference)
        {
            return null;
        }
        if (current.HasInterval)
        {
            var (low, high) = reference.Point is { HasInterval: true } p ? (p.CiLow!.Value, p.CiHigh!.Value) : (reference.Value, reference.Value);
            var overlap = current.CiLow <= high && low <= current.CiHigh;
            if (overlap)
            {
                return ValueChange.WithinMarginOfError;
            }
        }
        return current.Value.CompareTo(reference.Value) switch
        {
            > 0 => ValueChange.Rise,
            < 0 => ValueChange.Fall,
            _ => ValueChange.Same,
        };
    }
}

using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Status;

/// <summary>
/// Judges an indicator for a year from its typed target rule.
/// <list type="bullet">
/// <item>No value for the year: <c>NoDataYet</c>.</item>
/// <item>A complete year (ended, or locked after review) gets a final verdict: <c>Achieved</c> or <c>NotAchieved</c>.</item>
/// <item>A year still running, or a year before the target year of a rule judged at the target
/// year (not below / lower / higher than the baseline, higher than the first measurement): <c>OnTrack</c>
/// when the value already meets the end target, otherwise <c>AtRisk</c>.</item>
/// <item>Counts that accumulate during the year (higher than the previous year) are projected to
/// the full year from the share of the year elapsed before comparing.</item>
/// <item>Done-by-year: done is <c>Achieved</c> in any year; not done is <c>OnTrack</c> before the
/// deadline year, <c>AtRisk</c> during it and <c>NotAchieved</c> after it.</item>
/// <item>Survey values with a 95 % interval meet "not below the baseline" unless the whole interval
/// is below it, and "higher than the baseline" only when the whole interval is above it.</item>
/// </list>
/// </summary>
public static class StatusRules
{
    public static KpiStatus Judge(IndicatorDefinition d, int year, IReadOnlyDictionary<int, YearValue> values, YearClock clock)
    {
        if (!values.TryGetValue(year, out var v))
        {
            return KpiStatus.NoDataYet;
        }
        var complete = clock.IsComplete(year);
        var target = d.Target.Value ?? 0m;
        return d.Target.Kind switch
        {
            TargetRuleKind.AtMost => Verdict(complete, v.Value <= target),
            TargetRuleKind.AtLeast => Verdict(complete, v.Value >= target),
            TargetRuleKind.AtLeastPerMonth => PerMonth(v, year, target == 0 ? 1 : target, clock),
            TargetRuleKind.HigherThanPreviousYear => HigherThanPrevious(d, v, values, clock),
            TargetRuleKind.DoneByYear => v.Value >= 1 ? KpiStatus.Achieved
                : year < d.TargetYear ? KpiStatus.OnTrack : Verdict(complete, false),
            TargetRuleKind.HigherInYearThanFirstMeasurement => TowardTarget(d, year, complete, AboveFirst(v, values)),
            _ => d.Baseline is { } b ? TowardTarget(d, year, complete, MeetsBaselineRule(d.Target.Kind, v, b.Value)) : KpiStatus.NoDataYet,
        };
    }

    private static KpiStatus Verdict(bool complete, bool met) => (complete, met) switch
    {
        (true, true) => KpiStatus.Achieved,
        (true, false) => KpiStatus.NotAchieved,
        (false, true) => KpiStatus.OnTrack,
        (false, false) => KpiStatus.AtRisk,
    };

    private static KpiStatus TowardTarget(IndicatorDefinition d, int year, bool complete, bool met) =>
        year < d.TargetYear ? (met ? KpiStatus.OnTrack : KpiStatus.AtRisk) : Verdict(complete, met);

    private static bool MeetsBaselineRule(TargetRuleKind kind, YearValue v, decimal baseline) => kind switch
    {
        TargetRuleKind.NotBelowBaseline => v.HasInterval ? v.CiHigh >= baseline : v.Value >= baseline,
        TargetRuleKind.HigherThanBaseline => v.HasInterval ? v.CiLow > baseline : v.Value > baseline,
        TargetRuleKind.LowerThanBaseline => v.HasInterval ? v.CiHigh < baseline : v.Value < baseline,
        _ => false,
    };

    private static bool AboveFirst(YearValue v, IReadOnlyDictionary<int, YearValue> values)
    {
        var first = values.Values.MinBy(x => x.Year)!;
        // The first measurement is the reference itself: nothing to fall behind yet.
        return first.Year == v.Year || v.Value > first.Value;
    }

    private static KpiStatus HigherThanPrevious(IndicatorDefinition d, YearValue v, IReadOnlyDictionary<int, YearValue> values, YearClock clock)
    {
        if (ValueChanges.Reference(d, v.Year, values) is not { } previous)
        {
            return KpiStatus.NoDataYet;
        }
        if (clock.IsComplete(v.Year))
        {
            return Verdict(true, v.Value > previous.Value);
        }
        var elapsed = clock.ElapsedShare(v.Year);
        var projected = elapsed <= 0 ? v.Value : v.Value / elapsed;
        return Verdict(false, v.Value > previous.Value || projected > previous.Value);
    }

    private static KpiStatus PerMonth(YearValue v, int year, decimal perMonth, YearClock clock)
    {
        var monthly = v.Monthly ?? new int[12];
        var judged = clock.CompletedMonths(year);
        var allMet = monthly.Take(judged).All(count => count >= perMonth);
        return judged == 12 ? Verdict(true, allMet) : allMet ? KpiStatus.OnTrack : KpiStatus.AtRisk;
    }
}

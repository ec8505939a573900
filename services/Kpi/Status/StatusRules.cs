using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Values;

namespace StrategyPlatform.Kpi.Status;

/// <summary>
/// How an indicator stands for a year: the one place the platform decides a status, from the
/// indicator's typed target rule and whether its value accumulates during the year.
/// <list type="table">
/// <item><term>no value for the year</term><description><c>NoDataYet</c></description></item>
/// <item><term>a year that has ended (Latvian time), when it is a year the target is judged for — every
/// year for yearly rules, the target year for rules judged at the target year</term>
/// <description><c>Achieved</c> or <c>NotAchieved</c></description></item>
/// <item><term>a year that has ended before the target year</term>
/// <description><c>OnTrack</c> if the value already meets the end target, else <c>AtRisk</c></description></item>
/// <item><term>a running year, value that accumulates, in a year the target is judged for: a ceiling
/// already passed or a floor already reached</term>
/// <description>decided at once: <c>NotAchieved</c> or <c>Achieved</c> (it can only grow, so it cannot come back)</description></item>
/// <item><term>a running year, value that accumulates, otherwise</term>
/// <description>the value projected to the full year from the share of the year elapsed:
/// <c>OnTrack</c> if the projection meets the target, else <c>AtRisk</c></description></item>
/// <item><term>a running year, value that can move either way (a survey share, a number of services)</term>
/// <description><c>OnTrack</c> if it meets the target now, else <c>AtRisk</c></description></item>
/// <item><term>at least N every month</term>
/// <description>a month that has ended below N: <c>NotAchieved</c> at once; all twelve met: <c>Achieved</c>;
/// otherwise <c>OnTrack</c> (the running month can still reach N; months not yet ended are never judged)</description></item>
/// <item><term>done by year Y</term>
/// <description>done: <c>Achieved</c>; not done: <c>OnTrack</c> before Y, <c>AtRisk</c> during Y, <c>NotAchieved</c> after it</description></item>
/// </list>
/// Survey shares carry a 95 % interval: "not below the baseline" is met unless the whole interval is
/// below it, "higher" / "lower" than the baseline only when the whole interval is above / below it;
/// "at least" / "at most" a figure compare the share itself.
/// </summary>
public static class StatusRules
{
    public static KpiStatus Judge(IndicatorDefinition d, int year, IReadOnlyDictionary<int, YearValue> values, YearClock clock)
    {
        if (!values.TryGetValue(year, out var v))
        {
            return KpiStatus.NoDataYet;
        }
        return d.Target.Kind switch
        {
            TargetRuleKind.AtLeastPerMonth => EveryMonth(v, d.Target.PerMonth, clock),
            TargetRuleKind.DoneByYear => v.Value >= 1 ? KpiStatus.Achieved
                : year < d.TargetYear ? KpiStatus.OnTrack
                : clock.IsComplete(year) ? KpiStatus.NotAchieved : KpiStatus.AtRisk,
            // The first measurement is the reference itself: nothing to fall behind yet.
            TargetRuleKind.HigherInYearThanFirstMeasurement when values.Values.MinBy(x => x.Year)!.Year == year => Against(d, v, true, _ => true, clock),
            _ => Reference(d, v, values) is { } reference
                ? Against(d, v, Meets(d.Target.Kind, v, reference), projected => Meets(d.Target.Kind, projected, projected, projected, reference), clock)
                : KpiStatus.NoDataYet,
        };
    }

    /// <summary>What the value is held against: the target's own figure, the previous year, the first measurement or the baseline.</summary>
    private static decimal? Reference(IndicatorDefinition d, YearValue v, IReadOnlyDictionary<int, YearValue> values) => d.Target.Kind switch
    {
        TargetRuleKind.AtMost or TargetRuleKind.AtLeast => d.Target.Value ?? 0m,
        TargetRuleKind.HigherThanPreviousYear => ValueChanges.Reference(d, v.Year, values)?.Value,
        TargetRuleKind.HigherInYearThanFirstMeasurement => values.Values.MinBy(x => x.Year)!.Value,
        _ => d.Baseline?.Value,
    };

    /// <summary>Whether the year's value meets the rule; for the baseline rules a survey share's 95 % interval decides.</summary>
    private static bool Meets(TargetRuleKind kind, YearValue v, decimal reference) => v.HasInterval
        ? Meets(kind, v.Value, v.CiLow!.Value, v.CiHigh!.Value, reference)
        : Meets(kind, v.Value, v.Value, v.Value, reference);

    private static bool Meets(TargetRuleKind kind, decimal value, decimal low, decimal high, decimal reference) => kind switch
    {
        TargetRuleKind.AtMost => value <= reference,
        TargetRuleKind.AtLeast => value >= reference,
        TargetRuleKind.NotBelowBaseline => high >= reference,
        TargetRuleKind.HigherThanBaseline => low > reference,
        TargetRuleKind.LowerThanBaseline => high < reference,
        _ => value > reference, // higher than the previous year or the first measurement
    };

    /// <param name="met">Whether the value meets the rule now.</param>
    /// <param name="meets">Whether a value projected to the full year would.</param>
    private static KpiStatus Against(IndicatorDefinition d, YearValue v, bool met, Func<decimal, bool> meets, YearClock clock)
    {
        var verdictYear = d.Target.IsYearly || v.Year >= d.TargetYear;
        if (clock.IsComplete(v.Year))
        {
            return verdictYear ? (met ? KpiStatus.Achieved : KpiStatus.NotAchieved) : Toward(met);
        }
        if (!d.Accumulates)
        {
            return Toward(met);
        }
        // It can only grow: past a ceiling it cannot come back under, at a floor it cannot fall back.
        if (verdictYear && met != d.Target.IsCeiling)
        {
            return met ? KpiStatus.Achieved : KpiStatus.NotAchieved;
        }
        var elapsed = clock.ElapsedShare(v.Year);
        return Toward(meets(elapsed <= 0 ? v.Value : v.Value / elapsed));
    }

    private static KpiStatus Toward(bool met) => met ? KpiStatus.OnTrack : KpiStatus.AtRisk;

    private static KpiStatus EveryMonth(YearValue v, int perMonth, YearClock clock)
    {
        var monthly = v.Monthly ?? new int[12];
        var ended = clock.CompletedMonths(v.Year);
        // A month that ended below N cannot be made up: every month must meet it.
        if (monthly.Take(ended).Any(count => count < perMonth))
        {
            return KpiStatus.NotAchieved;
        }
        return ended == 12 ? KpiStatus.Achieved : KpiStatus.OnTrack;
    }
}

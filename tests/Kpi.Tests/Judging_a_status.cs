using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.Kpi.Status;
using StrategyPlatform.Kpi.Values;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

/// <summary>The status rules per target kind, on a fixed clock: 30 June 2026 in Riga (49.6 % of the year gone, five months ended).</summary>
public sealed class Judging_a_status
{
    private static readonly YearClock MidYear = new(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(3)), new HashSet<int>());

    private static IndicatorDefinition Definition(TargetRuleKind kind, decimal? target = null, bool accumulates = false, Baseline? baseline = null, int targetYear = 2027) =>
        new("x", 1, [1], false, IndicatorUnit.Count, new("r", "r"), new("i", "i"), baseline, null, null, new TargetRule(kind, target), targetYear,
            new("s", "s"), ["PDPD"], null, MeasurementFrequency.Yearly, ValueOrigin.Entered, accumulates);

    private static KpiStatus Judge(IndicatorDefinition d, int year, decimal value, YearClock? clock = null, params (int Year, decimal Value)[] earlier)
    {
        var values = earlier.Select(e => new YearValue(e.Year, e.Value, ValueOrigin.Entered, 1)).Append(new YearValue(year, value, ValueOrigin.Entered, 1))
            .ToDictionary(v => v.Year);
        return StatusRules.Judge(d, year, values, clock ?? MidYear);
    }

    [Fact]
    public void An_accumulating_value_already_past_its_annual_ceiling_is_not_achieved_at_once_and_one_that_can_still_move_is_at_risk()
    {
        // Indicator 1: preventable turnover at most 11 % a year, entered as 12 % for the running year.
        Assert.Equal(KpiStatus.NotAchieved, Judge(Definition(TargetRuleKind.AtMost, 11, accumulates: true), 2026, 12));
        Assert.Equal(KpiStatus.AtRisk, Judge(Definition(TargetRuleKind.AtMost, 11), 2026, 12));
        // Under the ceiling so far: the year's pace decides (5 % by June is 10.1 % a year; 6 % is 12.1 %).
        Assert.Equal(KpiStatus.OnTrack, Judge(Definition(TargetRuleKind.AtMost, 11, accumulates: true), 2026, 5));
        Assert.Equal(KpiStatus.AtRisk, Judge(Definition(TargetRuleKind.AtMost, 11, accumulates: true), 2026, 6));
        Assert.Equal(KpiStatus.OnTrack, Judge(Definition(TargetRuleKind.AtMost, 11), 2026, 6));
        // A year that has ended gets its verdict.
        Assert.Equal(KpiStatus.NotAchieved, Judge(Definition(TargetRuleKind.AtMost, 11, accumulates: true), 2025, 12));
        Assert.Equal(KpiStatus.Achieved, Judge(Definition(TargetRuleKind.AtMost, 11, accumulates: true), 2025, 10));
    }

    [Fact]
    public void An_accumulating_count_that_has_reached_its_annual_floor_is_achieved_at_once()
    {
        // Indicator 12b: at least one hybrid car a year.
        Assert.Equal(KpiStatus.Achieved, Judge(Definition(TargetRuleKind.AtLeast, 1, accumulates: true), 2026, 1));
        Assert.Equal(KpiStatus.AtRisk, Judge(Definition(TargetRuleKind.AtLeast, 1, accumulates: true), 2026, 0));
        // A share at least 50 % can still fall: on track, not yet achieved.
        Assert.Equal(KpiStatus.OnTrack, Judge(Definition(TargetRuleKind.AtLeast, 50), 2026, 60));
        Assert.Equal(KpiStatus.AtRisk, Judge(Definition(TargetRuleKind.AtLeast, 50), 2026, 40));
    }

    [Fact]
    public void More_than_last_year_is_achieved_once_an_accumulating_count_passes_it_and_only_a_count_is_projected()
    {
        // Indicator 13: 10 events last year.
        var events = Definition(TargetRuleKind.HigherThanPreviousYear, accumulates: true);
        Assert.Equal(KpiStatus.Achieved, Judge(events, 2026, 11, null, (2025, 10)));
        Assert.Equal(KpiStatus.OnTrack, Judge(events, 2026, 6, null, (2025, 10)));  // 12.1 at this pace
        Assert.Equal(KpiStatus.AtRisk, Judge(events, 2026, 4, null, (2025, 10)));   // 8.1 at this pace
        Assert.Equal(KpiStatus.NotAchieved, Judge(events, 2025, 10, null, (2024, 10)));
        // A share that is not growing is not "on track" by projecting it.
        Assert.Equal(KpiStatus.AtRisk, Judge(Definition(TargetRuleKind.HigherThanPreviousYear), 2026, 40, null, (2025, 50)));
    }

    [Fact]
    public void At_least_N_every_month_is_not_achieved_once_a_month_has_ended_below_N_and_the_running_month_is_not_judged()
    {
        var news = Definition(TargetRuleKind.AtLeastPerMonth, 2, accumulates: true);
        KpiStatus Months(int year, int[] monthly, YearClock? clock = null) =>
            StatusRules.Judge(news, year, new Dictionary<int, YearValue> { [year] = new(year, monthly.Count(m => m >= 2), ValueOrigin.Computed, 1, Monthly: monthly) }, clock ?? MidYear);

        Assert.Equal(KpiStatus.NotAchieved, Months(2026, [2, 3, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(KpiStatus.OnTrack, Months(2026, [2, 3, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(KpiStatus.Achieved, Months(2025, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4]));
        Assert.Equal(KpiStatus.NotAchieved, Months(2025, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]));
        // A lock never cuts a year short: July to December are not judged as missed.
        var lockedMidYear = new YearClock(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(3)), new HashSet<int> { 2026 });
        Assert.Equal(KpiStatus.OnTrack, Months(2026, [2, 3, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0], lockedMidYear));
    }

    [Fact]
    public void A_rule_judged_at_the_target_year_decides_an_accumulating_value_early_only_in_that_year()
    {
        // Indicator 12a: heat below the 348.29 MWh of 2023 by 2027.
        var heat = Definition(TargetRuleKind.LowerThanBaseline, accumulates: true, baseline: new Baseline(348.29m, 2023));
        var in2027 = new YearClock(new DateTimeOffset(2027, 6, 30, 12, 0, 0, TimeSpan.FromHours(3)), new HashSet<int>());
        Assert.Equal(KpiStatus.NotAchieved, Judge(heat, 2027, 350, in2027));
        Assert.Equal(KpiStatus.OnTrack, Judge(heat, 2027, 150, in2027));   // 302 MWh at this pace
        Assert.Equal(KpiStatus.AtRisk, Judge(heat, 2026, 350));            // before the target year: not final
        Assert.Equal(KpiStatus.AtRisk, Judge(heat, 2025, 350));
        // Indicator 7a, a number of services, can move either way.
        var services = Definition(TargetRuleKind.LowerThanBaseline, baseline: new Baseline(29, 2024));
        Assert.Equal(KpiStatus.AtRisk, Judge(services, 2027, 30, in2027));
    }

    [Fact]
    public void A_survey_share_not_below_its_baseline_is_judged_by_its_interval_and_never_decided_early()
    {
        var satisfaction = Definition(TargetRuleKind.NotBelowBaseline, baseline: new Baseline(88.8m, 2024));
        var in2027 = new YearClock(new DateTimeOffset(2027, 6, 30, 12, 0, 0, TimeSpan.FromHours(3)), new HashSet<int>());
        KpiStatus Share(int year, decimal value, decimal low, decimal high, YearClock clock) => StatusRules.Judge(satisfaction, year,
            new Dictionary<int, YearValue> { [year] = new(year, value, ValueOrigin.Computed, 1, 40, 32, 40, low, high) }, clock);

        Assert.Equal(KpiStatus.OnTrack, Share(2027, 80, 65.2m, 89.5m, in2027));
        Assert.Equal(KpiStatus.AtRisk, Share(2027, 70, 54.6m, 81.9m, in2027));
        // A year before the target year gets no verdict even once it has ended; the target year does.
        Assert.Equal(KpiStatus.OnTrack, Share(2026, 80, 65.2m, 89.5m, in2027));
        var in2028 = new YearClock(new DateTimeOffset(2028, 1, 2, 12, 0, 0, TimeSpan.FromHours(2)), new HashSet<int>());
        Assert.Equal(KpiStatus.Achieved, Share(2027, 80, 65.2m, 89.5m, in2028));
        Assert.Equal(KpiStatus.NotAchieved, Share(2027, 70, 54.6m, 81.9m, in2028));
    }

    [Fact]
    public void Done_by_a_year_is_achieved_when_done_and_at_risk_only_in_the_deadline_year()
    {
        Assert.Equal(KpiStatus.Achieved, Judge(Definition(TargetRuleKind.DoneByYear, targetYear: 2027), 2026, 1));
        Assert.Equal(KpiStatus.OnTrack, Judge(Definition(TargetRuleKind.DoneByYear, targetYear: 2027), 2026, 0));
        Assert.Equal(KpiStatus.AtRisk, Judge(Definition(TargetRuleKind.DoneByYear, targetYear: 2026), 2026, 0));
        Assert.Equal(KpiStatus.NotAchieved, Judge(Definition(TargetRuleKind.DoneByYear, targetYear: 2025), 2025, 0));
    }

    [Fact]
    public void A_year_without_a_value_has_no_data_yet()
    {
        Assert.Equal(KpiStatus.NoDataYet, StatusRules.Judge(Definition(TargetRuleKind.AtMost, 11), 2026, new Dictionary<int, YearValue>(), MidYear));
    }
}

using System.ComponentModel.DataAnnotations;

namespace StrategyPlatform.Kpi.Catalogue;

public enum IndicatorUnit { Percent, Count, MWh, YesNo, NewsPerMonth }

public enum MeasurementFrequency { Yearly, Monthly, Continuous }

/// <summary>Whether the platform computes the value from the messages it consumes or the responsible unit enters it.</summary>
public enum ValueOrigin { Entered, Computed }

public enum TargetRuleKind
{
    /// <summary>Each year the value is at most <see cref="TargetRule.Value"/> (turnover ≤ 11 %).</summary>
    AtMost,
    /// <summary>Each year the value is at least <see cref="TargetRule.Value"/>.</summary>
    AtLeast,
    /// <summary>By the target year the value is not below the baseline (satisfaction ≥ 88.8 %).</summary>
    NotBelowBaseline,
    /// <summary>By the target year the value is lower than the baseline (heat &lt; 348.29 MWh).</summary>
    LowerThanBaseline,
    /// <summary>By the target year the value is higher than the baseline (a share "grows").</summary>
    HigherThanBaseline,
    /// <summary>Each year the value is higher than the year before (the baseline for the first year).</summary>
    HigherThanPreviousYear,
    /// <summary>Every month of the year has at least <see cref="TargetRule.Value"/> items; the value is the months that met it.</summary>
    AtLeastPerMonth,
    /// <summary>Done (yes) by the target year.</summary>
    DoneByYear,
    /// <summary>In the target year the value is higher than the first measurement.</summary>
    HigherInYearThanFirstMeasurement,
}

public sealed record LocalizedText([Required, MinLength(1)] string Lv, [Required, MinLength(1)] string En);

public sealed record Baseline(decimal Value, [Range(2000, 2100)] int Year, LocalizedText? Note = null);

public sealed record TargetRule(TargetRuleKind Kind, decimal? Value = null)
{
    /// <summary>Rules judged afresh every year; the others are judged against the target year.</summary>
    public bool IsYearly => Kind is TargetRuleKind.AtMost or TargetRuleKind.AtLeast
        or TargetRuleKind.HigherThanPreviousYear or TargetRuleKind.AtLeastPerMonth;

    public bool NeedsValue => Kind is TargetRuleKind.AtMost or TargetRuleKind.AtLeast or TargetRuleKind.AtLeastPerMonth;

    public bool NeedsBaseline => Kind is TargetRuleKind.NotBelowBaseline or TargetRuleKind.LowerThanBaseline or TargetRuleKind.HigherThanBaseline;

    /// <summary>
    /// A ceiling (the value must stay at most / below the reference) rather than a floor (at least /
    /// above it). Decides which way an accumulating value's early verdict goes.
    /// </summary>
    public bool IsCeiling => Kind is TargetRuleKind.AtMost or TargetRuleKind.LowerThanBaseline;

    /// <summary>
    /// "At least N a month": N, as indicator 14 counts it and its status judges it. The catalogue's
    /// validation requires the value for this rule; 1 only guards a definition stored without one.
    /// </summary>
    public int PerMonth => (int)Math.Ceiling(Value ?? 1m);
}

/// <summary>One indicator of the strategy's "Rādītāju ieviešana" table, as the catalogue holds it.</summary>
/// <param name="Accumulates">
/// The year's value can only grow as the year goes on: a count (events, tools, cars), a yearly
/// turnover rate, the energy used so far. A running year's value of such a measure is projected to
/// the full year, and once it is past a ceiling (or has reached a floor) the year's verdict is
/// decided before the year ends. A share from a survey can move either way and is never projected.
/// </param>
public sealed record IndicatorDefinition(
    string Number,
    int Priority,
    IReadOnlyList<int> Goals,
    bool IsKey,
    IndicatorUnit Unit,
    LocalizedText Result,
    LocalizedText Indicator,
    Baseline? Baseline,
    LocalizedText? BaselineNote,
    int? FirstMeasuredYear,
    TargetRule Target,
    int TargetYear,
    LocalizedText DataSource,
    IReadOnlyList<string> ResponsibleUnits,
    LocalizedText? ResponsibleNote,
    MeasurementFrequency Frequency,
    ValueOrigin Origin,
    bool Accumulates = false);

using StrategyPlatform.Kpi.Catalogue;

namespace StrategyPlatform.Kpi.Values;

/// <summary>What a value may be, given the indicator's unit and when it is first measured.</summary>
public static class MeasurementRules
{
    public static Dictionary<string, string[]> Validate(IndicatorDefinition d, int year, decimal value)
    {
        var errors = new Dictionary<string, string[]>();
        var valueError = d.Unit switch
        {
            IndicatorUnit.Percent when value is < 0 or > 100 => "A share is between 0 and 100 (per cent).",
            IndicatorUnit.YesNo when value is not (0 or 1) => "Enter 1 for yes (done) or 0 for no.",
            IndicatorUnit.Count or IndicatorUnit.NewsPerMonth when value < 0 || value != decimal.Truncate(value) => "A count is a whole number, 0 or more.",
            IndicatorUnit.MWh when value < 0 => "Energy consumption is 0 MWh or more.",
            _ => null,
        };
        if (valueError is not null)
        {
            errors["value"] = [valueError];
        }
        if (d.FirstMeasuredYear is { } first && year < first)
        {
            errors["year"] = [$"Indicator {d.Number} is measured from {first}."];
        }
        return errors;
    }
}

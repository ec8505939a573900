using StrategyPlatform.Kpi.Catalogue;
using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.Kpi.Values;

/// <summary>What a value may be, given the indicator's unit and when it is first measured.</summary>
public static class MeasurementRules
{
    public static FieldErrors Validate(IndicatorDefinition d, int year, decimal value)
    {
        var errors = new FieldErrors();
        (string Code, string Message)? valueError = d.Unit switch
        {
            IndicatorUnit.Percent when value is < 0 or > 100 => (ErrorCodes.OutOfRange, "A share is between 0 and 100 (per cent)."),
            IndicatorUnit.YesNo when value is not (0 or 1) => (ErrorCodes.NotYesNo, "Enter 1 for yes (done) or 0 for no."),
            IndicatorUnit.Count or IndicatorUnit.NewsPerMonth when value < 0 || value != decimal.Truncate(value) => (ErrorCodes.NotWholeNumber, "A count is a whole number, 0 or more."),
            IndicatorUnit.MWh when value < 0 => (ErrorCodes.OutOfRange, "Energy consumption is 0 MWh or more."),
            _ => null,
        };
        if (valueError is var (code, message))
        {
            errors.Add("value", code, message);
        }
        if (d.FirstMeasuredYear is { } first && year < first)
        {
            errors.Add("year", ErrorCodes.BeforeFirstMeasuredYear, $"Indicator {d.Number} is measured from {first}.");
        }
        return errors;
    }
}

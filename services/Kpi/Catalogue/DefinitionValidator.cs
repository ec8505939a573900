using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.Kpi.Catalogue;

/// <summary>Business rules for an edited definition; errors are keyed by the JSON field they concern.</summary>
public static class DefinitionValidator
{
    // Goals 1–3 belong to priority I, 4–7 to II, 8–10 to III (the strategy map).
    private static int PriorityOf(int goal) => goal <= 3 ? 1 : goal <= 7 ? 2 : 3;

    public static FieldErrors Validate(IndicatorDefinition edited, IndicatorDefinition current)
    {
        var errors = new FieldErrors();
        void Fail(string field, string code, string message) => errors.Add(field, code, message);

        if (edited.Number != current.Number)
            Fail("definition.number", ErrorCodes.CannotChange, $"The number cannot change (it is {current.Number}); add a new indicator instead.");
        if (edited.Origin != current.Origin)
            Fail("definition.origin", ErrorCodes.CannotChange, "Whether the platform computes an indicator is fixed by the platform, not by the catalogue.");
        if (edited.Priority is < 1 or > 3)
            Fail("definition.priority", ErrorCodes.OutOfRange, "The priority is 1, 2 or 3.");
        if (edited.Goals is not { Count: > 0 } || edited.Goals.Any(g => g is < 1 or > 10))
            Fail("definition.goals", edited.Goals is not { Count: > 0 } ? ErrorCodes.Required : ErrorCodes.OutOfRange, "Give one or more goals, each 1–10.");
        else if (edited.Goals.Any(g => PriorityOf(g) != edited.Priority))
            Fail("definition.goals", ErrorCodes.GoalOutsidePriority, $"Every goal must belong to priority {edited.Priority}.");
        if (edited.ResponsibleUnits is not { Count: > 0 } || edited.ResponsibleUnits.Any(u => !ResponsibleUnits.All.Contains(u)))
            Fail("definition.responsibleUnits", edited.ResponsibleUnits is not { Count: > 0 } ? ErrorCodes.Required : ErrorCodes.NotOffered, $"Give one or more of {string.Join(", ", ResponsibleUnits.All)}.");
        if (edited.TargetYear is < 2024 or > 2030)
            Fail("definition.targetYear", ErrorCodes.OutOfRange, "The target year is between 2024 and 2030.");
        if (edited.Target.NeedsValue && edited.Target.Value is null)
            Fail("definition.target.value", ErrorCodes.Required, $"A {edited.Target.Kind} target needs a value.");
        if (edited.Target.NeedsBaseline && edited.Baseline is null)
            Fail("definition.baseline", ErrorCodes.Required, $"A {edited.Target.Kind} target needs a baseline.");
        if (edited.Target.Kind == TargetRuleKind.DoneByYear && edited.Unit != IndicatorUnit.YesNo)
            Fail("definition.unit", ErrorCodes.UnitMustBeYesNo, "A done-by-year target needs the YesNo unit.");
        if (string.IsNullOrWhiteSpace(edited.Result?.Lv) || string.IsNullOrWhiteSpace(edited.Result?.En))
            Fail("definition.result", ErrorCodes.BothLanguages, "The result is needed in Latvian and English.");
        if (string.IsNullOrWhiteSpace(edited.Indicator?.Lv) || string.IsNullOrWhiteSpace(edited.Indicator?.En))
            Fail("definition.indicator", ErrorCodes.BothLanguages, "The indicator wording is needed in Latvian and English.");
        if (string.IsNullOrWhiteSpace(edited.DataSource?.Lv) || string.IsNullOrWhiteSpace(edited.DataSource?.En))
            Fail("definition.dataSource", ErrorCodes.BothLanguages, "The data source is needed in Latvian and English.");
        return errors;
    }
}

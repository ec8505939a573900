using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Results;

/// <summary>The tables behind the CSV and Excel exports: every response, and the summary.</summary>
public static class Exports
{
    public static IReadOnlyList<string> ResponseHeader(SurveyDefinition definition) =>
        ["No.", "Submitted on", "Respondent category", .. definition.Questions.Select(q => q.Id)];

    public const string HiddenCategoryNote =
        "The respondent category is left blank for the groups the results page hides (fewer than 5 responses, or derivable from the others).";

    /// <summary>
    /// One row per response; ratings and NPS as numbers, "cannot say" as text, choices by option key. The
    /// category of a group the results page hides is left blank here too (the same rule, <see cref="Suppression"/>),
    /// and a last row says so: a download must not show what the page hides.
    /// </summary>
    public static IEnumerable<IReadOnlyList<object?>> ResponseRows(SurveyDefinition definition, IReadOnlyList<ResponseData> responses)
    {
        var hidden = Suppression.Hidden(Enum.GetValues<RespondentCategory>().ToDictionary(c => c, c => responses.Count(r => r.Category == c)));
        foreach (var (r, i) in responses.Select((r, i) => (r, i)))
        {
            yield return [i + 1, r.SubmittedOn, hidden.ContainsKey(r.Category) ? null : r.Category.ToString(),
                .. definition.Questions.Select(q => Cell(r.Answers.GetValueOrDefault(q.Id)))];
        }
        if (responses.Any(r => hidden.ContainsKey(r.Category)))
        {
            yield return ["Note", null, HiddenCategoryNote];
        }
    }

    private static object? Cell(Answer? a) => a switch
    {
        null => null,
        { CannotSay: true } => "cannot say",
        { Value: { } v } => v,
        { Choice: { } c } => c,
        { Choices: { Count: > 0 } cs } => string.Join("; ", cs),
        _ => a.Text,
    };

    public static readonly IReadOnlyList<string> QuestionHeader = ["Question", "Comparison key", "Type", "Counts toward indicator", "Text (lv)", "Text (en)", "Fingerprint"];

    public static IEnumerable<IReadOnlyList<object?>> QuestionRows(SurveyDefinition definition) =>
        definition.Questions.Select(q => (IReadOnlyList<object?>)[q.Id, q.ComparisonKey, q.Type.ToString(), q.CountsTowardIndicator, q.Text.Lv, q.Text.En, q.Fingerprint()]);

    public static readonly IReadOnlyList<string> SummaryHeader =
        ["Question", "Text (lv)", "Type", "Counts toward indicator", "n", "Cannot say", "Top-2-box share", "95% lower", "95% upper", "Mean", "NPS"];

    /// <summary>The indicator first, then one row per question; shares as fractions (0.85), so Excel formats them as it likes.</summary>
    public static IEnumerable<IReadOnlyList<object?>> SummaryRows(SurveyResults results)
    {
        var i = results.Indicator;
        yield return [$"indicator {i.Indicator}", i.Rule.Lv, "Indicator", true, i.ValidAnswers, null, i.Share, i.Interval?.Lower, i.Interval?.Upper, null, null];
        foreach (var q in results.Questions)
        {
            yield return [q.QuestionId, q.Text.Lv, q.Type.ToString(), q.CountsTowardIndicator, q.N, q.CannotSay,
                q.TopTwoBoxShare, q.TopTwoBoxInterval?.Lower, q.TopTwoBoxInterval?.Upper, q.Mean, q.Nps];
        }
    }

    public static readonly IReadOnlyList<string> CategoryHeader = ["Respondent category", "Responses", "Indicator share"];

    public static IEnumerable<IReadOnlyList<object?>> CategoryRows(SurveyResults results) =>
        results.ByCategory.Select(c => (IReadOnlyList<object?>)[c.Label.Lv, c.HiddenBecause switch
        {
            SuppressionReason.FewerThanThreshold => $"hidden (fewer than {Suppression.Threshold} responses)",
            SuppressionReason.Derivable => "hidden (could be derived from the total and the other categories)",
            _ => c.Responses,
        }, c.IndicatorShare]);
}

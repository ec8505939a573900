using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Results;

/// <summary>A stored response as the results read it.</summary>
public sealed record ResponseData(RespondentCategory Category, IReadOnlyDictionary<string, Answer> Answers, DateOnly SubmittedOn);

public sealed record Bucket(string Value, LocalizedText? Label, int Count);

/// <param name="N">Valid answers: for a rating, 1–5 only ("cannot say" is counted apart in <paramref name="CannotSay"/>).</param>
public sealed record QuestionResult(
    string QuestionId, string ComparisonKey, QuestionType Type, LocalizedText Text, bool CountsTowardIndicator,
    int N, int CannotSay, IReadOnlyList<Bucket> Distribution,
    double? TopTwoBoxShare, Interval? TopTwoBoxInterval, double? Mean, double? Nps);

public sealed record IndicatorResult(string Indicator, LocalizedText Rule, int ValidAnswers, int PositiveAnswers, double? Share, Interval? Interval);

/// <summary>A respondent category's row; every figure is null when the row is hidden, and <paramref name="HiddenBecause"/> says why.</summary>
/// <param name="Responses">0 for a category nobody answered as (shown: it reveals nobody).</param>
public sealed record CategoryResult(RespondentCategory Category, LocalizedText Label, bool Hidden, int? Responses, double? IndicatorShare, SuppressionReason? HiddenBecause = null);

public enum ComparisonStatus
{
    Compared,
    /// <summary>The wording or scale changed: not compared.</summary>
    Changed,
    /// <summary>No question with the same comparison key last time.</summary>
    New,
}

/// <summary>Top-2-box year to year, tested with a two-sided two-proportion z-test at 5 %.</summary>
public sealed record QuestionComparison(
    string QuestionId, string ComparisonKey, ComparisonStatus Status,
    double? PreviousShare, int? PreviousN, double? CurrentShare, int? CurrentN, double? Difference, double? PValue, bool? Significant);

public sealed record YearComparison(Guid PreviousSurveyId, int PreviousYear, string Method, IReadOnlyList<QuestionComparison> Questions);

public sealed record SurveyResults(
    Guid SurveyId, SurveyKind Kind, int Year, int Version, int Responses, int? Invited, double? ResponseRate,
    IndicatorResult Indicator, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<CategoryResult> ByCategory, YearComparison? YearToYear);

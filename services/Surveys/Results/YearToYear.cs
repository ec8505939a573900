using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Results;

/// <summary>
/// Compares this year's 1–5 questions with last year's by comparison key, only where the wording
/// and scale fingerprint is unchanged. Significance: two-sided two-proportion z-test on the
/// top-2-box shares at α = 0.05 (chosen over "non-overlapping intervals", which is too strict:
/// two 95 % intervals can overlap while the difference is significant).
/// </summary>
public static class YearToYear
{
    public const string Method = "Two-sided two-proportion z-test (pooled) on the top-2-box share, α = 0.05; only questions whose comparison key and wording/scale fingerprint are unchanged.";

    public static IReadOnlyList<QuestionComparison> Compare(
        SurveyDefinition current, IReadOnlyList<QuestionResult> currentResults,
        SurveyDefinition previous, IReadOnlyList<QuestionResult> previousResults)
    {
        var comparisons = new List<QuestionComparison>();
        foreach (var question in current.Questions.Where(q => q.Type == QuestionType.Likert))
        {
            var now = currentResults.Single(r => r.QuestionId == question.Id);
            var before = previous.Questions.FirstOrDefault(q => q.ComparisonKey == question.ComparisonKey);
            if (before is null)
            {
                comparisons.Add(new(question.Id, question.ComparisonKey, ComparisonStatus.New, null, null, now.TopTwoBoxShare, now.N, null, null, null));
                continue;
            }
            var then = previousResults.Single(r => r.QuestionId == before.Id);
            if (before.Fingerprint() != question.Fingerprint())
            {
                comparisons.Add(new(question.Id, question.ComparisonKey, ComparisonStatus.Changed, then.TopTwoBoxShare, then.N, now.TopTwoBoxShare, now.N, null, null, null));
                continue;
            }
            var x1 = Positives(now);
            var x2 = Positives(then);
            var p = Statistics.TwoProportionPValue(x1, now.N, x2, then.N);
            comparisons.Add(new(question.Id, question.ComparisonKey, ComparisonStatus.Compared, then.TopTwoBoxShare, then.N, now.TopTwoBoxShare, now.N,
                now.TopTwoBoxShare - then.TopTwoBoxShare, p, p is null ? null : p < 0.05));
        }
        return comparisons;
    }

    private static int Positives(QuestionResult result) => result.Distribution.Where(b => b.Value is "4" or "5").Sum(b => b.Count);
}

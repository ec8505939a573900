namespace StrategyPlatform.Surveys.Results;

/// <summary>
/// Which groups of a breakdown to hide so that no small group can be seen or worked out.
/// Primary: every group under the threshold (5). Complementary: the overall total is shown, so
/// the hidden groups' sum is always derivable as total − shown; while that sum is between 1 and
/// threshold − 1 (it would reveal a small group, or a single hidden one exactly), the smallest
/// shown group is hidden too. A hidden sum of 0 reveals only that nobody answered there.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    public static IReadOnlySet<TKey> Hidden<TKey>(IReadOnlyDictionary<TKey, int> counts, int threshold = Threshold) where TKey : notnull
    {
        var hidden = counts.Where(c => c.Value < threshold).Select(c => c.Key).ToHashSet();
        while (true)
        {
            var hiddenSum = counts.Where(c => hidden.Contains(c.Key)).Sum(c => c.Value);
            var shown = counts.Where(c => !hidden.Contains(c.Key)).OrderBy(c => c.Value).ToList();
            if (hiddenSum is 0 || hiddenSum >= threshold || shown.Count == 0)
            {
                return hidden;
            }
            hidden.Add(shown[0].Key);
        }
    }
}

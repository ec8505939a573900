namespace StrategyPlatform.Surveys.Results;

/// <summary>Why a group of a breakdown is hidden; the pages and exports say which.</summary>
public enum SuppressionReason
{
    /// <summary>The group itself has fewer answers than the threshold.</summary>
    FewerThanThreshold,

    /// <summary>The group is large enough, but shown it would let a small hidden group be worked out by subtraction.</summary>
    Derivable,
}

/// <summary>
/// Which groups of a breakdown to hide so that no small group can be seen or worked out.
/// Primary: every group with 1 to threshold − 1 answers (5). Complementary: the overall total is
/// shown, so the hidden groups' sum is always derivable as total − shown; while that sum is between
/// 1 and threshold − 1 (it would reveal a small group, or a single hidden one exactly), the smallest
/// non-empty shown group is hidden too. An empty group is shown as empty: that nobody answered
/// there reveals nobody, and hiding it would protect nothing.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    public static IReadOnlyDictionary<TKey, SuppressionReason> Hidden<TKey>(IReadOnlyDictionary<TKey, int> counts, int threshold = Threshold) where TKey : notnull
    {
        var hidden = counts.Where(c => c.Value is > 0 && c.Value < threshold).ToDictionary(c => c.Key, _ => SuppressionReason.FewerThanThreshold);
        while (true)
        {
            var hiddenSum = counts.Where(c => hidden.ContainsKey(c.Key)).Sum(c => c.Value);
            var shown = counts.Where(c => !hidden.ContainsKey(c.Key) && c.Value > 0).OrderBy(c => c.Value).ToList();
            if (hiddenSum is 0 || hiddenSum >= threshold || shown.Count == 0)
            {
                return hidden;
            }
            hidden[shown[0].Key] = SuppressionReason.Derivable;
        }
    }
}

using StrategyPlatform.Surveys.Results;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Hiding_small_groups
{
    private const SuppressionReason TooFew = SuppressionReason.FewerThanThreshold;
    private const SuppressionReason Derivable = SuppressionReason.Derivable;

    private static IEnumerable<(string, SuppressionReason)> Hidden(params (string Group, int Count)[] counts) =>
        Suppression.Hidden(counts.ToDictionary(c => c.Group, c => c.Count)).Select(h => (h.Key, h.Value)).Order();

    [Fact]
    public void Groups_of_five_or_more_are_shown_when_nothing_small_can_be_derived() =>
        Assert.Empty(Hidden(("ngo", 10), ("municipality", 5)));

    [Fact]
    public void Groups_under_five_are_hidden_as_too_few() =>
        Assert.Equal([("a", TooFew), ("b", TooFew)], Hidden(("a", 3), ("b", 4), ("c", 9)));

    [Fact]
    public void A_single_small_group_is_protected_by_hiding_the_smallest_shown_group_too_as_derivable() =>
        // Hiding only "a" would let it be derived from the shown total: 21 - 8 - 10 = 3.
        Assert.Equal([("a", TooFew), ("b", Derivable)], Hidden(("a", 3), ("b", 8), ("c", 10)));

    [Fact]
    public void A_large_group_hidden_to_protect_a_small_one_is_derivable_not_too_few() =>
        // 17 answers are plenty; shown, they would give the 2 away: 49 − 30 − 17 = 2.
        Assert.Equal([("a", TooFew), ("b", Derivable)], Hidden(("a", 2), ("b", 17), ("c", 30)));

    [Fact]
    public void Empty_groups_are_not_hidden_and_do_not_protect_a_small_group() =>
        Assert.Equal([("a", TooFew), ("d", Derivable)], Hidden(("a", 3), ("b", 0), ("c", 0), ("d", 10), ("e", 12)));

    [Fact]
    public void Empty_groups_alone_need_no_suppression() =>
        Assert.Empty(Hidden(("a", 12), ("b", 7), ("c", 0)));

    [Fact]
    public void Two_small_groups_whose_sum_is_five_or_more_stay_hidden_without_more() =>
        Assert.Equal([("a", TooFew), ("b", TooFew)], Hidden(("a", 3), ("b", 4), ("c", 6), ("d", 10)));
}

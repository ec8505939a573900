using StrategyPlatform.Surveys.Results;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Hiding_small_groups
{
    private static IReadOnlySet<string> Hidden(params (string Group, int Count)[] counts) =>
        Suppression.Hidden(counts.ToDictionary(c => c.Group, c => c.Count));

    [Fact]
    public void Groups_of_five_or_more_are_shown_when_nothing_small_can_be_derived() =>
        Assert.Empty(Hidden(("ngo", 10), ("municipality", 5)));

    [Fact]
    public void Groups_under_five_are_hidden() =>
        Assert.Equal(["a", "b"], Hidden(("a", 3), ("b", 4), ("c", 9)).Order());

    [Fact]
    public void A_single_small_group_is_protected_by_hiding_the_smallest_shown_group_too() =>
        // Hiding only "a" would let it be derived from the shown total: 21 - 8 - 10 = 3.
        Assert.Equal(["a", "b"], Hidden(("a", 3), ("b", 8), ("c", 10)).Order());

    [Fact]
    public void Empty_groups_do_not_protect_a_small_group() =>
        Assert.Equal(["a", "b", "c", "d"], Hidden(("a", 3), ("b", 0), ("c", 0), ("d", 10)).Order());

    [Fact]
    public void Empty_groups_alone_need_no_complementary_suppression() =>
        Assert.Equal(["c"], Hidden(("a", 12), ("b", 7), ("c", 0)));

    [Fact]
    public void Two_small_groups_whose_sum_is_five_or_more_stay_hidden_without_more() =>
        Assert.Equal(["a", "b"], Hidden(("a", 3), ("b", 4), ("c", 6), ("d", 10)).Order());
}

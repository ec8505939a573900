using StrategyPlatform.Surveys.Results;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Calculating_survey_statistics
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.27753)]
    [InlineData(10, 10, 0.72247, 1.0)]
    [InlineData(81, 100, 0.722212, 0.874852)]
    [InlineData(12, 16, 0.50502, 0.89818)]
    public void Wilson_interval_matches_known_values(int successes, int n, double lower, double upper)
    {
        var interval = Statistics.Wilson(successes, n)!;

        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
    }

    [Fact]
    public void Wilson_interval_narrows_with_the_finite_population_correction()
    {
        var corrected = Statistics.Wilson(12, 16, population: 20)!;

        Assert.Equal(0.64223, corrected.Lower, 4);
        Assert.Equal(0.83371, corrected.Upper, 4);
        Assert.Equal(0.43119, Statistics.Wilson(50, 100, population: 200)!.Lower, 4);
        Assert.True(Statistics.Wilson(50, 100, population: 200)!.Lower > Statistics.Wilson(50, 100)!.Lower);
    }

    [Fact]
    public void A_census_has_no_sampling_error()
    {
        var everyone = Statistics.Wilson(15, 20, population: 20)!;

        Assert.Equal(0.75, everyone.Lower, 10);
        Assert.Equal(0.75, everyone.Upper, 10);
    }

    [Fact]
    public void Finite_population_factor_is_N_minus_n_over_N_minus_1()
    {
        Assert.Equal(0.5, Statistics.FinitePopulationFactor(50, 99), 10);
        Assert.Equal(0.0, Statistics.FinitePopulationFactor(20, 20), 10);
    }

    [Fact]
    public void No_answers_give_no_interval() => Assert.Null(Statistics.Wilson(0, 0));

    [Theory]
    [InlineData(new[] { 10, 10, 9, 5 }, 50.0)]
    [InlineData(new[] { 10, 9, 8, 7, 6, 0 }, 0.0)]
    [InlineData(new[] { 0, 1, 2 }, -100.0)]
    [InlineData(new[] { 10, 10, 9, 8, 7, 6, 0 }, 100.0 / 7)]
    public void Nps_is_promoters_minus_detractors(int[] values, double expected) =>
        Assert.Equal(expected, Statistics.Nps(values)!.Value, 6);

    [Fact]
    public void Two_proportion_test_finds_a_20_point_rise_on_100_answers_significant()
    {
        Assert.Equal(0.00203, Statistics.TwoProportionPValue(80, 100, 60, 100)!.Value, 4);
        Assert.True(Statistics.TwoProportionPValue(52, 100, 50, 100) > 0.05);
    }
}

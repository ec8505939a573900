namespace StrategyPlatform.Surveys.Results;

public sealed record Interval(double Lower, double Upper);

/// <summary>The statistics of survey results, as small pure functions.</summary>
public static class Statistics
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval for a share <paramref name="successes"/>/<paramref name="n"/>.
    /// When the invited population <paramref name="population"/> is known, the finite-population
    /// correction is applied by using the effective sample size n·(N−1)/(N−n): the variance of a
    /// share shrinks by (N−n)/(N−1) when a large part of a small population answered, and a full
    /// census (n = N) has no sampling error at all.
    /// </summary>
    public static Interval? Wilson(int successes, int n, int? population = null, double z = Z95)
    {
        if (n <= 0 || successes < 0 || successes > n)
        {
            return null;
        }
        double p = (double)successes / n;
        double effective = n;
        if (population is { } N && N > 1)
        {
            if (n >= N)
            {
                return new Interval(p, p);
            }
            effective = n / FinitePopulationFactor(n, N);
        }
        var z2 = z * z;
        var denominator = 1 + z2 / effective;
        var centre = (p + z2 / (2 * effective)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / effective + z2 / (4 * effective * effective));
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The finite-population correction of a variance, (N−n)/(N−1).</summary>
    public static double FinitePopulationFactor(int n, int population) =>
        population <= 1 ? 1 : Math.Clamp((double)(population - n) / (population - 1), 0, 1);

    /// <summary>Net Promoter Score: % of 9–10 minus % of 0–6 among valid 0–10 answers, from −100 to 100.</summary>
    public static double? Nps(IReadOnlyCollection<int> values)
    {
        var valid = values.Where(v => v is >= 0 and <= 10).ToList();
        if (valid.Count == 0)
        {
            return null;
        }
        return 100.0 * (valid.Count(v => v >= 9) - valid.Count(v => v <= 6)) / valid.Count;
    }

    /// <summary>
    /// Two-sided two-proportion z-test with the pooled share; returns the p-value, or null when
    /// either group is empty or the pooled share is 0 or 1 (no variance: the shares are equal).
    /// </summary>
    public static double? TwoProportionPValue(int x1, int n1, int x2, int n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return null;
        }
        var pooled = (double)(x1 + x2) / (n1 + n2);
        if (pooled is <= 0 or >= 1)
        {
            return 1;
        }
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        var z = ((double)x1 / n1 - (double)x2 / n2) / se;
        return 2 * (1 - NormalCdf(Math.Abs(z)));
    }

    /// <summary>Φ(x) through erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}

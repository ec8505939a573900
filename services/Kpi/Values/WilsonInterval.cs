namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// The 95 % Wilson score interval for a share, in percent. Chosen over the normal approximation
/// because it stays inside 0–100 % and behaves with the small n and shares near 100 % that a
/// ministry's partner survey produces.
/// </summary>
/// <remarks>
/// When the population of answers is known (a survey answered through invitation links), the
/// finite-population correction is applied through the effective sample size n·(N−1)/(N−n), the same
/// way the Surveys service's results compute it (<c>Statistics.Wilson</c>), so the survey's page and
/// the indicator show one interval for one figure. A census (n ≥ N) has no sampling error.
/// </remarks>
public static class WilsonInterval
{
    private const double Z = 1.959963984540054;

    public static (decimal Low, decimal High) Of(int positive, int n, int? population = null)
    {
        if (n <= 0)
        {
            return (0m, 100m);
        }
        double p = (double)positive / n, z2 = Z * Z, effective = n;
        if (population is { } N && N > 1)
        {
            if (n >= N)
            {
                return (Percent(p), Percent(p));
            }
            effective = n * (N - 1.0) / (N - n);
        }
        var denominator = 1 + z2 / effective;
        var centre = (p + z2 / (2 * effective)) / denominator;
        var half = Z * Math.Sqrt(p * (1 - p) / effective + z2 / (4.0 * effective * effective)) / denominator;
        return (Percent(centre - half), Percent(centre + half));
    }

    public static decimal Share(int positive, int n) => n == 0 ? 0m : Math.Round(100m * positive / n, 1, MidpointRounding.AwayFromZero);

    // Away from zero, as the portal's formatting of the survey's own shares rounds.
    private static decimal Percent(double share) => Math.Round((decimal)Math.Clamp(share, 0, 1) * 100m, 1, MidpointRounding.AwayFromZero);
}

namespace StrategyPlatform.Kpi.Values;

/// <summary>
/// The 95 % Wilson score interval for a share, in percent. Chosen over the normal approximation
/// because it stays inside 0–100 % and behaves with the small n and shares near 100 % that a
/// ministry's partner survey produces.
/// </summary>
public static class WilsonInterval
{
    private const double Z = 1.959963984540054;

    public static (decimal Low, decimal High) Of(int positive, int n)
    {
        if (n <= 0)
        {
            return (0m, 100m);
        }
        double p = (double)positive / n, z2 = Z * Z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (Percent(centre - half), Percent(centre + half));
    }

    public static decimal Share(int positive, int n) => n == 0 ? 0m : Math.Round(100m * positive / n, 1);

    private static decimal Percent(double share) => Math.Round((decimal)Math.Clamp(share, 0, 1) * 100m, 1);
}

namespace StrategyPlatform.Kpi.Status;

/// <summary>The years of the strategy each indicator is judged for.</summary>
public static class StatusYears
{
    public const int First = 2024;
    public const int Last = 2027;

    public static IEnumerable<int> All => Enumerable.Range(First, Last - First + 1);
}

namespace StrategyPlatform.MediaEvents.Overview;

/// <summary>The media indicators' figures from the strategy (see DOMAIN.md).</summary>
public static class Indicators
{
    /// <summary>Indicator 13: proactive events for media in 2023, the baseline to grow from.</summary>
    public const int ProactiveBaseline2023 = 10;

    /// <summary>Indicator 14: at least this many news items about achievements each month.</summary>
    public const int MonthlyAchievementNewsTarget = 2;
}

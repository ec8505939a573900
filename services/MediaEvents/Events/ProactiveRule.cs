using StrategyPlatform.Contracts;

namespace StrategyPlatform.MediaEvents.Events;

/// <summary>
/// Indicator 13 counts preventive/proactive events for media; the strategy says press releases do
/// not count. This is the only place that decides it: the messages, the monthly overview and the
/// page (through <c>GET api/media-events/rules</c>) all ask here. It is code, not configuration,
/// on purpose: changing it changes what past messages told the KPI aggregator, so it deserves a
/// review and a re-publication, not a settings edit.
/// </summary>
public static class ProactiveRule
{
    public static readonly IReadOnlySet<MediaEventType> NotCounted = new HashSet<MediaEventType> { MediaEventType.PressRelease };

    public static bool CountsAsProactive(MediaEventType type) => !NotCounted.Contains(type);

    /// <summary>Indicator 14: news items about an achievement, whatever their type, plus the type made for them.</summary>
    public static bool CountsAsAchievement(MediaEventType type, bool communicatesAchievement) =>
        communicatesAchievement || type == MediaEventType.AchievementNews;
}

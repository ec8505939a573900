namespace StrategyPlatform.Contracts;

/// <summary>The kinds of media event the communications unit (KN) logs.</summary>
public enum MediaEventType
{
    PressRelease,
    PressConference,
    MediaBriefing,
    Interview,
    /// <summary>Media breakfast or an informal meeting with journalists.</summary>
    InformalMeetingWithJournalists,
    /// <summary>Journalists' seminar or study visit.</summary>
    JournalistSeminar,
    OpinionArticle,
    TvOrRadioAppearance,
    SocialMediaCampaignActivity,
    AchievementNews,
    Other,
}

/// <summary>
/// The fields of a media event that the KPI aggregator counts. Every message carries the event's
/// full countable state and its version, so the aggregator applies the newest version it has
/// seen and indicators follow edits and withdrawals exactly, whatever order messages arrive in.
/// </summary>
/// <param name="Date">The event's date in Latvian time (Europe/Riga): it decides the month and year it counts for.</param>
/// <param name="CountsAsProactive">Indicator 13: decided by the MediaEvents service's rule (every type but press releases by default).</param>
/// <param name="CommunicatesAchievement">Indicator 14: news items about achievements.</param>
public sealed record MediaEventFacts(
    DateOnly Date,
    MediaEventType Type,
    bool CountsAsProactive,
    bool CommunicatesAchievement,
    IReadOnlyList<int> Goals,
    Guid? CampaignId);

public sealed record MediaEventRecorded(Guid MediaEventId, int Version, MediaEventFacts Facts, DateTimeOffset RecordedAt);

public sealed record MediaEventRevised(Guid MediaEventId, int Version, MediaEventFacts Facts, DateTimeOffset RevisedAt);

public sealed record MediaEventWithdrawn(Guid MediaEventId, int Version, string Reason, DateTimeOffset WithdrawnAt);

using StrategyPlatform.Contracts;

namespace StrategyPlatform.Portal.ServiceClients;

/// <summary>The names the MediaEvents service uses for its enumerations; texts are <c>MediaEvents.Type.{name}</c> etc.</summary>
public static class MediaEventVocabulary
{
    public static readonly IReadOnlyList<string> Types =
    [
        "PressRelease", "PressConference", "MediaBriefing", "Interview", "InformalMeetingWithJournalists", "JournalistSeminar",
        "OpinionArticle", "TvOrRadioAppearance", "SocialMediaCampaignActivity", "AchievementNews", "Other",
    ];

    public static readonly IReadOnlyList<string> SpokespersonLevels = ["Minister", "StateSecretary", "DeputyStateSecretary", "HeadOfUnit", "Expert"];

    public static readonly IReadOnlyList<string> Tones = ["Positive", "Neutral", "Negative"];

    public static readonly IReadOnlyList<string> Languages = ["lv", "en", "other"];

    public static readonly IReadOnlyList<int> Goals = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    // The pages' short names for Latvian time; the zone itself is set up once, in Contracts.
    public static DateTime InRiga(DateTimeOffset instant) => LatvianTime.Local(instant);

    public static DateTimeOffset FromRiga(DateTime local) => LatvianTime.FromLocal(local);
}

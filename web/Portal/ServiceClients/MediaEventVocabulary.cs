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

    /// <summary>The ministry counts days in Latvian time, whatever the server's zone.</summary>
    public static readonly TimeZoneInfo Riga = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateTime InRiga(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Riga).DateTime;

    public static DateTimeOffset FromRiga(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Riga.GetUtcOffset(wall));
    }
}

using StrategyPlatform.Contracts;

namespace StrategyPlatform.MediaEvents.Counting;

public sealed record RuleText(string Lv, string En);

/// <summary>Whether a type of media event counts for indicator 13, and why.</summary>
public sealed record TypeRule(MediaEventType Type, bool CountsForIndicator13, RuleText Why);

/// <summary>
/// Which media events count for indicators 13 and 14: the one place it is decided. The messages
/// carry the decision to the KPI aggregator (<see cref="MediaEventFacts.CountsAsProactive"/>,
/// <see cref="MediaEventFacts.CommunicatesAchievement"/>), which counts what it is told; the
/// list's "counts for" filter, the event pages and the rule shown on the pages
/// (<c>GET api/media-events/rules</c>) all ask here.
/// <para>
/// It is code, not configuration, on purpose: changing it changes what events already told the
/// aggregator. A change raises <see cref="Version"/>; at start-up <see cref="CountingRuleChange"/>
/// re-publishes every event it moves, writes the change into their history and records when the
/// new rule took effect.
/// </para>
/// </summary>
public static class CountingRule
{
    public const int Version = 2;

    /// <summary>Indicator 13 in the strategy's words, and this version's reading of them.</summary>
    public static readonly RuleText Summary = new(
        "13. rādītājs skaita ministrijas rosinātus pasākumus medijiem: preses konferences, mediju brīfingus, intervijas, neformālas tikšanās ar žurnālistiem, žurnālistu seminārus un izbraukumus, dalību TV un radio raidījumos. Preses relīzes netiek skaitītas (tā nosaka stratēģija), ziņas par sasniegumiem arī ne (tās skaita 14. rādītājs).",
        "Indicator 13 counts events for the media that the ministry initiates: press conferences, media briefings, interviews, informal meetings with journalists, journalists' seminars and study visits, TV and radio appearances. Press releases do not count (the strategy says so), nor do achievement news items (indicator 14 counts them).");

    public static readonly IReadOnlyList<TypeRule> Types =
    [
        new(MediaEventType.PressConference, true, new("Ministrija aicina medijus uz pasākumu.", "The ministry calls the media to an event.")),
        new(MediaEventType.MediaBriefing, true, new("Ministrija aicina medijus uz pasākumu.", "The ministry calls the media to an event.")),
        new(MediaEventType.Interview, true, new("Ministrijas pārstāvis atbild žurnālista jautājumiem: pasākums medijiem.", "A ministry speaker answers a journalist's questions: an event for the media.")),
        new(MediaEventType.InformalMeetingWithJournalists, true, new("Tikšanās ar žurnālistiem, ko rīko ministrija.", "A meeting with journalists that the ministry holds.")),
        new(MediaEventType.JournalistSeminar, true, new("Ministrija skaidro savu darbu žurnālistiem klātienē.", "The ministry explains its work to journalists in person.")),
        new(MediaEventType.TvOrRadioAppearance, true, new("Ministrijas pārstāvis piedalās raidījumā: pasākums medijiem.", "A ministry speaker takes part in a programme: an event for the media.")),
        new(MediaEventType.PressRelease, false, new("Stratēģija preses relīzes neskaita.", "The strategy leaves press releases out.")),
        new(MediaEventType.AchievementNews, false, new(
            "Ziņu par sasniegumu skaita 14. rādītājs; skaitot to arī šeit, ziņu apjoms tiktu skaitīts divreiz un rādītāju nevarētu salīdzināt ar 2023. gada 10 pasākumiem.",
            "An achievement news item counts for indicator 14; counting it here too would count news volume twice and break the comparison with the 10 events of 2023.")),
        new(MediaEventType.OpinionArticle, false, new(
            "Viedokļraksts ir ministrijas publicēts teksts tāpat kā preses relīze: tikšanās ar medijiem nenotiek.",
            "An opinion article is a text the ministry publishes, as a press release is: no meeting with the media takes place.")),
        new(MediaEventType.SocialMediaCampaignActivity, false, new(
            "Uzrunā sabiedrību ministrijas kanālos, nevis medijus; kampaņas vērtē 15. rādītājs.",
            "Addresses the public on the ministry's own channels, not the media; campaigns are judged by indicator 15.")),
        new(MediaEventType.Other, false, new(
            "Nevar pārbaudīt, vai tas ir pasākums medijiem; pasākumu medijiem reģistrē ar tā veidu.",
            "Cannot be checked to be an event for the media; an event that is one is logged as its type.")),
    ];

    /// <summary>Indicator 14, and where its monthly figure comes from.</summary>
    public static readonly RuleText AchievementRule = new(
        "14. rādītājs skaita ziņas par sasniegumiem: katru notikumu ar veidu „Ziņa par sasniegumu” un jebkuru citu notikumu ar atzīmi „Vēsta par sasniegumu”. Mērķis (cik ziņu mēnesī) ir rādītāju katalogā.",
        "Indicator 14 counts news items about achievements: every event of the type “Achievement news” and any other event marked “Communicates an achievement”. Its target (how many a month) is in the indicator catalogue.");

    private static readonly IReadOnlySet<MediaEventType> Counted = Types.Where(t => t.CountsForIndicator13).Select(t => t.Type).ToHashSet();

    /// <summary>The types indicator 13 counts, by name (as stored and as the SQL filter compares them).</summary>
    public static IReadOnlyList<string> CountedTypeNames { get; } = [.. Counted.Select(t => t.ToString()).Order()];

    public static bool CountsForIndicator13(MediaEventType type) => Counted.Contains(type);

    /// <summary>Indicator 14: news items about an achievement, whatever their type, and the type made for them.</summary>
    public static bool CountsForIndicator14(MediaEventType type, bool communicatesAchievement) =>
        communicatesAchievement || type == MediaEventType.AchievementNews;

    /// <summary>
    /// The two rules above as a condition on <c>media_events e</c> (with <c>@countedTypes</c> =
    /// <see cref="CountedTypeNames"/>), for the list's "counts for" filter; withdrawn events are left
    /// out by the list itself.
    /// </summary>
    public static string SqlCondition(string indicator) => indicator switch
    {
        StrategyIndicators.ProactiveMediaEvents => "e.type = ANY(@countedTypes)",
        StrategyIndicators.AchievementNews => $"(e.communicates_achievement OR e.type = '{MediaEventType.AchievementNews}')",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Media events count for indicators 13 and 14 only."),
    };
}

namespace StrategyPlatform.Contracts;

/// <summary>
/// The indicators the platform computes itself, and which survey kind feeds which of them. The
/// Surveys service labels a survey with its indicator and the KPI aggregator counts its responses
/// there, so the mapping is declared once, beside the <see cref="SurveyKind"/> it maps.
/// </summary>
public static class StrategyIndicators
{
    /// <summary>Indicator 13: events for the media that the ministry initiates (press releases not counted).</summary>
    public const string ProactiveMediaEvents = "13";

    /// <summary>Indicator 14: news items about achievements, at least N a month.</summary>
    public const string AchievementNews = "14";

    /// <summary>Indicator 15: positive answers in the campaign evaluation surveys.</summary>
    public const string CampaignEvaluation = "15";

    /// <summary>Indicator 16: positive answers in the yearly client and partner satisfaction survey.</summary>
    public const string PartnerSatisfaction = "16";

    public static readonly IReadOnlyList<string> Computed = [ProactiveMediaEvents, AchievementNews, CampaignEvaluation, PartnerSatisfaction];

    /// <summary>The indicator a survey kind's counted answers feed.</summary>
    public static string FedBy(SurveyKind kind) => kind switch
    {
        SurveyKind.PartnerSatisfaction => PartnerSatisfaction,
        SurveyKind.CampaignEvaluation => CampaignEvaluation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No indicator is fed by this survey kind."),
    };

    /// <summary>The survey kind that feeds <paramref name="number"/>, or null for an indicator that is not a survey's.</summary>
    public static SurveyKind? SurveyKindFeeding(string number) => number switch
    {
        PartnerSatisfaction => SurveyKind.PartnerSatisfaction,
        CampaignEvaluation => SurveyKind.CampaignEvaluation,
        _ => null,
    };

    /// <summary>Indicators 13 and 14, counted from the media-events log.</summary>
    public static bool IsFromMediaEvents(string number) => number is ProactiveMediaEvents or AchievementNews;
}

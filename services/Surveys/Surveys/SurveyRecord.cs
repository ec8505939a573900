using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Surveys;

/// <summary>A survey row as stored; dates come back from Npgsql as DateTime.</summary>
public sealed class SurveyRecord
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public int Year { get; init; }
    public Guid? CampaignId { get; init; }
    public string TitleLv { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public string IntroLv { get; init; } = "";
    public string IntroEn { get; init; } = "";
    public string Mode { get; init; } = "";
    public string State { get; init; } = "";
    public DateTime? OpensOn { get; init; }
    public DateTime? ClosesOn { get; init; }
    public string Definition { get; init; } = "";
    public int? CurrentVersion { get; init; }
    public Guid? CopiedFrom { get; init; }

    public const string Columns = """
        id, kind, year, campaign_id AS CampaignId, title_lv AS TitleLv, title_en AS TitleEn, intro_lv AS IntroLv,
        intro_en AS IntroEn, mode, state, opens_on AS OpensOn, closes_on AS ClosesOn, definition::text AS Definition,
        current_version AS CurrentVersion, copied_from AS CopiedFrom
        """;

    public SurveyKind SurveyKind => Enum.Parse<SurveyKind>(Kind);
    public SurveyState SurveyState => Enum.Parse<SurveyState>(State);
    public SurveyMode SurveyMode => Enum.Parse<SurveyMode>(Mode);
    public DateOnly? OpensOnDate => OpensOn is { } d ? DateOnly.FromDateTime(d) : null;
    public DateOnly? ClosesOnDate => ClosesOn is { } d ? DateOnly.FromDateTime(d) : null;
    public SurveyDefinition DraftDefinition => Json.Read<SurveyDefinition>(Definition);
    public LocalizedText Title => new(TitleLv, TitleEn);
    public LocalizedText Introduction => new(IntroLv, IntroEn);

    /// <summary>The strategy indicator this survey's counted answers feed.</summary>
    public string Indicator => StrategyIndicators.FedBy(SurveyKind);
}

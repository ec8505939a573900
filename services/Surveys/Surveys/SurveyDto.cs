using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Surveys;

/// <summary>A survey as staff see it; <paramref name="Fingerprints"/> are the wording/scale hashes by question id.</summary>
public sealed record SurveyDto(
    Guid Id, SurveyKind Kind, int Year, Guid? CampaignId, string Indicator, LocalizedText Title, LocalizedText Introduction,
    SurveyMode Mode, SurveyState State, DateOnly? OpensOn, DateOnly? ClosesOn, int? CurrentVersion, Guid? CopiedFrom,
    SurveyDefinition Definition, IReadOnlyDictionary<string, string> Fingerprints)
{
    public static SurveyDto From(SurveyRecord s)
    {
        var definition = s.DraftDefinition;
        return new(s.Id, s.SurveyKind, s.Year, s.CampaignId, s.Indicator, s.Title, s.Introduction, s.SurveyMode, s.SurveyState,
            s.OpensOnDate, s.ClosesOnDate, s.CurrentVersion, s.CopiedFrom, definition,
            definition.Questions.ToDictionary(q => q.Id, q => q.Fingerprint()));
    }
}

public sealed record SurveySummaryDto(Guid Id, SurveyKind Kind, int Year, string Indicator, LocalizedText Title, SurveyState State, DateOnly? OpensOn, DateOnly? ClosesOn);

namespace StrategyPlatform.Contracts;

public enum SurveyKind
{
    /// <summary>The yearly client and partner satisfaction survey; feeds indicator 16.</summary>
    PartnerSatisfaction,
    /// <summary>Evaluation of a communication or information campaign; feeds indicator 15.</summary>
    CampaignEvaluation,
}

public enum RespondentCategory
{
    Ngo,
    Municipality,
    SubordinateInstitution,
    StateInstitution,
    Resident,
    Other,
}

/// <summary>
/// A survey response was accepted. Carries what the KPI aggregator needs and no free text, so no
/// respondent's words leave the Surveys service.
/// </summary>
/// <param name="CountedRatings">Answers (1–5) to the questions marked as counting toward the indicator; "cannot say" is left out.</param>
public sealed record SurveyResponseSubmitted(
    Guid ResponseId,
    Guid SurveyId,
    SurveyKind SurveyKind,
    int Year,
    Guid? CampaignId,
    RespondentCategory? RespondentCategory,
    IReadOnlyList<CountedRating> CountedRatings,
    DateTimeOffset SubmittedAt);

public sealed record CountedRating(string QuestionId, int Value);

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

/// <summary>
/// The invited population of a survey answered through invitation links is now known or has grown
/// (links issued when it opened, or for organisations added later). With it the KPI aggregator applies
/// the finite-population correction, so indicator 16 shows the same 95 % interval as the survey's
/// results. It states the survey's whole population, not the change, so the newest message (or a
/// replay of the populations feed) says everything; links are never withdrawn, so it only grows.
/// </summary>
/// <remarks>
/// A message of its own rather than a field on <see cref="SurveyResponseSubmitted"/>: the population
/// changes without a response (links issued after some answered), and the response message stays as
/// it is for consumers and messages in flight. Open-link surveys have no known population and never
/// publish it.
/// </remarks>
/// <param name="Invited">Organisations invited so far.</param>
/// <param name="CountedQuestions">The 1–5 questions of the frozen version that count toward the indicator: each organisation gives at most one answer to each, so the population of counted answers is <paramref name="Invited"/> × <paramref name="CountedQuestions"/>.</param>
public sealed record SurveyPopulationChanged(Guid SurveyId, SurveyKind SurveyKind, int Year, int Invited, int CountedQuestions, DateTimeOffset ChangedAt);

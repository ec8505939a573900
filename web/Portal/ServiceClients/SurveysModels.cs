using System.Globalization;
using System.Text.Json.Serialization;

namespace StrategyPlatform.Portal.ServiceClients;

// The Surveys service's shapes as the portal reads them. Enumerations stay strings (the service writes
// names), so a value the portal does not know yet still shows instead of failing the page.

/// <summary>A text in both languages; <see cref="Current"/> picks the one of the page's culture.</summary>
public sealed record SurveyText(string Lv, string En)
{
    [JsonIgnore]
    public string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "lv" ? Lv : En;

    public override string ToString() => Current;
}

public sealed record SurveyChoice(string Key, SurveyText Label);

public sealed record SurveyQuestion(
    string Id, string ComparisonKey, string Type, SurveyText Text, bool Required, bool CountsTowardIndicator = false,
    bool AllowCannotSay = false, SurveyText? LowLabel = null, SurveyText? HighLabel = null, IReadOnlyList<SurveyChoice>? Options = null);

public sealed record SurveySection(string Key, SurveyText Title, IReadOnlyList<SurveyQuestion> Questions);

public sealed record SurveyDefinition(IReadOnlyList<SurveySection> Sections);

/// <summary>One answer; which field is used depends on the question type (as the service's <c>Answer</c>).</summary>
public sealed record SurveyAnswer(int? Value = null, bool CannotSay = false, string? Choice = null, IReadOnlyList<string>? Choices = null, string? Text = null);

public sealed record SurveyAnswerSheet(string? RespondentCategory, IReadOnlyDictionary<string, SurveyAnswer>? Answers);

public sealed record SurveyCategoryOption(string Value, SurveyText Label);

public sealed record SurveyCategoryQuestion(SurveyText Text, IReadOnlyList<SurveyCategoryOption> Options, string? Suggested);

public sealed record SurveyAnswerForm(
    string Kind, int Year, SurveyText Title, SurveyText Introduction, int Version, DateOnly? ClosesOn,
    SurveyCategoryQuestion RespondentCategory, SurveyText CannotSayLabel, SurveyDefinition Definition, SurveyAnswerSheet? Draft);

public sealed record SurveySummary(Guid Id, string Kind, int Year, string Indicator, SurveyText Title, string State, DateOnly? OpensOn, DateOnly? ClosesOn);

public sealed record SurveyDetails(
    Guid Id, string Kind, int Year, Guid? CampaignId, string Indicator, SurveyText Title, SurveyText Introduction,
    string Mode, string State, DateOnly? OpensOn, DateOnly? ClosesOn, int? CurrentVersion, Guid? CopiedFrom,
    SurveyDefinition Definition, IReadOnlyDictionary<string, string> Fingerprints);

/// <summary>What <c>PUT api/surveys/{id}</c> takes.</summary>
public sealed record SurveySave(string Kind, int Year, Guid? CampaignId, SurveyText Title, SurveyText Introduction, SurveyDefinition Definition, string Mode);

public sealed record SurveyOpening(DateOnly OpensOn, DateOnly ClosesOn);

public sealed record SurveyLink(Guid OrganisationId, string OrganisationName, string Category, string Email, string Token, string Url);

public sealed record SurveyOpened(SurveyDetails Survey, IReadOnlyList<SurveyLink> Links, string? OpenLinkUrl);

/// <param name="Language">lv or en: the language of the mails the organisation receives.</param>
public sealed record PartnerOrganisation(Guid Id, string Name, string Category, string Email, string Language = "lv");

public sealed record PartnerOrganisationSave(string Name, string Category, string Email, string Language = "lv");

public sealed record OrganisationImportResult(int Added, int Updated);

public sealed record InvitationCategoryRate(string Category, SurveyText Label, int Invited, int Answered, double? Rate);

public sealed record PendingInvitation(Guid OrganisationId, string Name, string Category, string Email);

public sealed record InvitationStatus(int Invited, int Answered, double? Rate, IReadOnlyList<InvitationCategoryRate> ByCategory, IReadOnlyList<PendingInvitation> NotAnswered);

public sealed record RenewedLink(string Token, string Url);

public sealed record ResultInterval(double Lower, double Upper);

public sealed record ResultBucket(string Value, SurveyText? Label, int Count);

public sealed record QuestionResult(
    string QuestionId, string ComparisonKey, string Type, SurveyText Text, bool CountsTowardIndicator,
    int N, int CannotSay, IReadOnlyList<ResultBucket> Distribution,
    double? TopTwoBoxShare, ResultInterval? TopTwoBoxInterval, double? Mean, double? Nps);

public sealed record IndicatorResult(string Indicator, SurveyText Rule, int ValidAnswers, int PositiveAnswers, double? Share, ResultInterval? Interval);

/// <param name="HiddenBecause">FewerThanThreshold or Derivable when <paramref name="Hidden"/>.</param>
public sealed record CategoryResult(string Category, SurveyText Label, bool Hidden, int? Responses, double? IndicatorShare, string? HiddenBecause = null);

public sealed record QuestionComparison(
    string QuestionId, string ComparisonKey, string Status,
    double? PreviousShare, int? PreviousN, double? CurrentShare, int? CurrentN, double? Difference, double? PValue, bool? Significant);

public sealed record YearComparison(Guid PreviousSurveyId, int PreviousYear, string Method, IReadOnlyList<QuestionComparison> Questions);

public sealed record SurveyResults(
    Guid SurveyId, string Kind, int Year, int Version, int Responses, int? Invited, double? ResponseRate,
    IndicatorResult Indicator, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<CategoryResult> ByCategory, YearComparison? YearToYear);

public sealed record SurveyComment(string QuestionId, SurveyText Question, string Text);

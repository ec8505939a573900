using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Answering;

public sealed record CategoryOption(RespondentCategory Value, LocalizedText Label);

/// <summary>The built-in respondent-category question; <paramref name="Suggested"/> preselects the invited organisation's category.</summary>
public sealed record CategoryQuestion(LocalizedText Text, IReadOnlyList<CategoryOption> Options, RespondentCategory? Suggested);

/// <summary>Everything the answering page needs to render a survey in Latvian or English, plus the saved draft to resume from.</summary>
public sealed record AnswerForm(
    SurveyKind Kind, int Year, LocalizedText Title, LocalizedText Introduction, int Version, DateOnly? ClosesOn,
    CategoryQuestion RespondentCategory, LocalizedText CannotSayLabel, SurveyDefinition Definition, AnswerSheet? Draft)
{
    public static readonly LocalizedText CannotSay = new("Nevaru pateikt", "Cannot say");

    public static CategoryQuestion Categories(SurveyMode mode, Contracts.RespondentCategory? suggested) => new(
        RespondentCategories.Question,
        [.. RespondentCategories.Offered(mode).Select(c => new CategoryOption(c, RespondentCategories.Label(c)))],
        suggested);
}

/// <summary>What the respondent sees after submitting.</summary>
public sealed record Submitted(LocalizedText Message)
{
    public static readonly Submitted ThankYou = new(new LocalizedText(
        "Paldies! Jūsu atbildes ir saņemtas. Tās palīdzēs mums uzlabot sadarbību.",
        "Thank you! Your answers have been received. They will help us improve our cooperation."));
}

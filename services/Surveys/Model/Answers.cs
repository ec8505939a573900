using StrategyPlatform.Contracts;

namespace StrategyPlatform.Surveys.Model;

/// <summary>One answer; which field is used depends on the question's type.</summary>
/// <param name="Value">Likert 1–5 or NPS 0–10.</param>
/// <param name="CannotSay">"Cannot say" on a Likert question that allows it; excluded from shares.</param>
/// <param name="Choice">The option key of a single-choice question.</param>
/// <param name="Choices">The option keys of a multiple-choice question.</param>
public sealed record Answer(int? Value = null, bool CannotSay = false, string? Choice = null, IReadOnlyList<string>? Choices = null, string? Text = null);

/// <summary>What a respondent sends: the built-in category question and the answers by question id.</summary>
public sealed record AnswerSheet(RespondentCategory? RespondentCategory, IReadOnlyDictionary<string, Answer>? Answers);

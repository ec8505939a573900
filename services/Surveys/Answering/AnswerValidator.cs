using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Answering;

/// <summary>Checks a submission against the survey's frozen version; each error names the question it is about.</summary>
public static class AnswerValidator
{
    public const int MaxFreeTextLength = 4000;

    public static Dictionary<string, string[]> Validate(SurveyDefinition definition, AnswerSheet sheet)
    {
        var errors = new Dictionary<string, string[]>();
        if (sheet.RespondentCategory is not { } category || !Enum.IsDefined(category))
        {
            errors["respondentCategory"] = ["Please choose which kind of organisation you represent."];
        }
        var answers = sheet.Answers ?? new Dictionary<string, Answer>();
        foreach (var id in answers.Keys.Where(id => definition.Find(id) is null))
        {
            errors[$"answers.{id}"] = ["There is no such question in this survey."];
        }
        foreach (var question in definition.Questions)
        {
            var answer = answers.GetValueOrDefault(question.Id);
            var problem = IsEmpty(answer)
                ? (question.Required ? "This question requires an answer." : null)
                : Check(question, answer!);
            if (problem is not null)
            {
                errors[$"answers.{question.Id}"] = [problem];
            }
        }
        return errors;
    }

    public static bool IsEmpty(Answer? a) =>
        a is null || (a.Value is null && !a.CannotSay && a.Choice is null && (a.Choices is null || a.Choices.Count == 0) && string.IsNullOrWhiteSpace(a.Text));

    private static string? Check(Question question, Answer answer) => question.Type switch
    {
        QuestionType.Likert when answer.CannotSay => question.AllowCannotSay
            ? (answer.Value is null ? null : "Choose either a rating or \"cannot say\", not both.")
            : "\"Cannot say\" is not offered for this question.",
        QuestionType.Likert => answer.Value is >= 1 and <= 5 ? null : "Choose a rating from 1 to 5.",
        QuestionType.Nps => answer.Value is >= 0 and <= 10 ? null : "Choose a value from 0 to 10.",
        QuestionType.SingleChoice => question.Options!.Any(o => o.Key == answer.Choice) ? null : "Choose one of the options offered.",
        QuestionType.MultipleChoice => answer.Choices is { Count: > 0 } choices
            && choices.All(c => question.Options!.Any(o => o.Key == c)) && choices.Distinct().Count() == choices.Count
                ? null : "Choose among the options offered, each at most once.",
        QuestionType.FreeText => answer.Text is { Length: <= MaxFreeTextLength } ? null : $"At most {MaxFreeTextLength} characters.",
        _ => "Unknown question type.",
    };

    /// <summary>The 1–5 answers to the questions that count toward the indicator; "cannot say" is left out.</summary>
    public static IReadOnlyList<CountedRating> CountedRatings(SurveyDefinition definition, IReadOnlyDictionary<string, Answer> answers) =>
        [.. definition.Questions
            .Where(q => q.Type == QuestionType.Likert && q.CountsTowardIndicator)
            .Select(q => (q.Id, answer: answers.GetValueOrDefault(q.Id)))
            .Where(p => p.answer is { CannotSay: false, Value: >= 1 and <= 5 })
            .Select(p => new CountedRating(p.Id, p.answer!.Value!.Value))];

    /// <summary>Keeps only non-empty answers to known questions, with free text trimmed, for storage.</summary>
    public static Dictionary<string, Answer> Normalise(SurveyDefinition definition, IReadOnlyDictionary<string, Answer>? answers) =>
        (answers ?? new Dictionary<string, Answer>())
            .Where(p => definition.Find(p.Key) is not null && !IsEmpty(p.Value))
            .ToDictionary(p => p.Key, p => p.Value with { Text = p.Value.Text?.Trim() });
}

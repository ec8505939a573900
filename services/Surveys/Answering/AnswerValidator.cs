using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Api;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Answering;

/// <summary>Checks a submission against the survey's frozen version; each error names the question it is about and carries its code.</summary>
public static class AnswerValidator
{
    public const int MaxFreeTextLength = 4000;

    public const string CategoryField = "respondentCategory";

    public static string FieldOf(string questionId) => $"answers.{questionId}";

    /// <param name="offered">The respondent categories the survey offers (no residents where invitations go to organisations).</param>
    public static FieldErrors Validate(SurveyDefinition definition, AnswerSheet sheet, IReadOnlyCollection<RespondentCategory> offered)
    {
        var errors = new FieldErrors();
        if (sheet.RespondentCategory is not { } category || !Enum.IsDefined(category))
        {
            errors.Add(CategoryField, ErrorCodes.Required, "Please choose which kind of organisation you represent.");
        }
        else if (!offered.Contains(category))
        {
            errors.Add(CategoryField, ErrorCodes.NotOffered, "This survey does not offer that group; choose one of those listed.");
        }
        var answers = sheet.Answers ?? new Dictionary<string, Answer>();
        foreach (var id in answers.Keys.Where(id => definition.Find(id) is null))
        {
            errors.Add(FieldOf(id), ErrorCodes.NotFound, "There is no such question in this survey.");
        }
        foreach (var question in definition.Questions)
        {
            var answer = answers.GetValueOrDefault(question.Id);
            var problem = IsEmpty(answer)
                ? (question.Required ? (ErrorCodes.Required, "This question requires an answer.") : default)
                : Check(question, answer!);
            if (problem is (string code, string message))
            {
                errors.Add(FieldOf(question.Id), code, message);
            }
        }
        return errors;
    }

    public static bool IsEmpty(Answer? a) =>
        a is null || (a.Value is null && !a.CannotSay && a.Choice is null && (a.Choices is null || a.Choices.Count == 0) && string.IsNullOrWhiteSpace(a.Text));

    private static (string Code, string Message)? Check(Question question, Answer answer) => question.Type switch
    {
        QuestionType.Likert when answer.CannotSay => question.AllowCannotSay
            ? (answer.Value is null ? null : (ErrorCodes.RatingAndCannotSay, "Choose either a rating or \"cannot say\", not both."))
            : (ErrorCodes.CannotSayNotOffered, "\"Cannot say\" is not offered for this question."),
        QuestionType.Likert => answer.Value is >= 1 and <= 5 ? null : (ErrorCodes.OutOfRange, "Choose a rating from 1 to 5."),
        QuestionType.Nps => answer.Value is >= 0 and <= 10 ? null : (ErrorCodes.OutOfRange, "Choose a value from 0 to 10."),
        QuestionType.SingleChoice => question.Options!.Any(o => o.Key == answer.Choice) ? null : (ErrorCodes.NotOffered, "Choose one of the options offered."),
        QuestionType.MultipleChoice => answer.Choices is { Count: > 0 } choices
            && choices.All(c => question.Options!.Any(o => o.Key == c)) && choices.Distinct().Count() == choices.Count
                ? null : (ErrorCodes.NotOffered, "Choose among the options offered, each at most once."),
        QuestionType.FreeText => answer.Text is { Length: <= MaxFreeTextLength } ? null : TooLong,
        _ => (ErrorCodes.Invalid, "Unknown question type."),
    };

    private static readonly (string Code, string Message) TooLong = (ErrorCodes.TooLong, $"At most {MaxFreeTextLength} characters.");

    /// <summary>A draft is saved unvalidated (half-filled is normal), except that it may answer only this survey's questions and no text may exceed the limit.</summary>
    public static FieldErrors CheckDraft(SurveyDefinition definition, AnswerSheet sheet)
    {
        var errors = new FieldErrors();
        foreach (var (id, answer) in sheet.Answers ?? new Dictionary<string, Answer>())
        {
            if (definition.Find(id) is null)
            {
                errors.Add(FieldOf(id), ErrorCodes.NotFound, "There is no such question in this survey.");
            }
            else if (answer?.Text?.Length > MaxFreeTextLength)
            {
                errors.Add(FieldOf(id), TooLong.Code, TooLong.Message);
            }
        }
        return errors;
    }

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

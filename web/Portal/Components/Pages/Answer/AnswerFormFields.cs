using Microsoft.AspNetCore.Http;
using StrategyPlatform.Portal.ServiceClients;

namespace StrategyPlatform.Portal.Components.Pages.Answer;

/// <summary>Reads the plain HTML form of the answering pages back into answers, one section at a time.</summary>
public static class AnswerFormFields
{
    public const string Category = "respondentCategory";

    public static string NameOf(SurveyQuestion question) => $"q-{question.Id}";

    /// <summary>
    /// The sheet with the posted <paramref name="questions"/> replaced by what the form holds now (an
    /// unticked choice is a withdrawn answer); answers to the other sections are kept as saved.
    /// </summary>
    public static SurveyAnswerSheet Merge(SurveyAnswerSheet sheet, IFormCollection form, IEnumerable<SurveyQuestion> questions, bool hasCategory)
    {
        var answers = new Dictionary<string, SurveyAnswer>(sheet.Answers ?? new Dictionary<string, SurveyAnswer>());
        foreach (var question in questions)
        {
            answers.Remove(question.Id);
            if (Read(question, form[NameOf(question)]) is { } answer)
            {
                answers[question.Id] = answer;
            }
        }
        var category = hasCategory ? NullIfEmpty(form[Category].ToString()) : sheet.RespondentCategory;
        return new SurveyAnswerSheet(category, answers);
    }

    private static SurveyAnswer? Read(SurveyQuestion question, Microsoft.Extensions.Primitives.StringValues values)
    {
        var first = NullIfEmpty(values.ToString().Split(',')[0]);
        return question.Type switch
        {
            "Likert" when first == "x" => new SurveyAnswer(CannotSay: true),
            "Likert" or "Nps" => int.TryParse(first, out var v) ? new SurveyAnswer(Value: v) : null,
            "SingleChoice" => first is null ? null : new SurveyAnswer(Choice: values[0]),
            "MultipleChoice" => values.Count == 0 ? null : new SurveyAnswer(Choices: [.. values.OfType<string>().Distinct()]),
            _ => NullIfEmpty(values.ToString()) is not null ? new SurveyAnswer(Text: values[0]) : null,
        };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

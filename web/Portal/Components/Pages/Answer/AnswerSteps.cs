using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.Portal.Localization;

namespace StrategyPlatform.Portal.Components.Pages.Answer;

/// <summary>The steps of an answering form: 0 is the introduction with the category question, then one per section.</summary>
public static class AnswerSteps
{
    /// <summary>The step a field of the service's 400 (<c>respondentCategory</c>, <c>answers.&lt;id&gt;</c>) belongs to.</summary>
    public static int? StepOf(SurveyAnswerForm form, string field)
    {
        if (field == AnswerFormFields.Category)
        {
            return 0;
        }
        var id = field.StartsWith("answers.", StringComparison.Ordinal) ? field["answers.".Length..] : field;
        for (var s = 0; s < form.Definition.Sections.Count; s++)
        {
            if (form.Definition.Sections[s].Questions.Any(q => q.Id == id))
            {
                return s + 1;
            }
        }
        return null;
    }

    /// <summary>Coming back with the same link: the first step with a required question still open (else the last).</summary>
    public static int ResumeAt(SurveyAnswerForm form)
    {
        var answers = form.Draft?.Answers ?? new Dictionary<string, SurveyAnswer>();
        if (form.Draft?.RespondentCategory is null)
        {
            return 0;
        }
        for (var s = 0; s < form.Definition.Sections.Count; s++)
        {
            if (form.Definition.Sections[s].Questions.Any(q => q.Required && !answers.ContainsKey(q.Id)))
            {
                return s + 1;
            }
        }
        return form.Definition.Sections.Count;
    }

    /// <summary>
    /// A problem the service found, by its code, in the respondent's language: the category question's own
    /// text (<c>Answer.Error.Category.{code}</c>), else one for the question's type (<c>Answer.Error.Likert.{code}</c>),
    /// else the answering pages' (<c>Answer.Error.{code}</c>), else the portal's.
    /// </summary>
    public static string Message(IStringLocalizer<SharedResource> t, SurveyAnswerForm form, string field, FieldProblem problem)
    {
        if (field == AnswerFormFields.Category)
        {
            return ErrorTexts.For(t, problem, "Answer.Error.Category", "Answer.Error");
        }
        var type = form.Definition.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => $"answers.{q.Id}" == field)?.Type;
        return ErrorTexts.For(t, problem, type is null ? ["Answer.Error"] : [$"Answer.Error.{type}", "Answer.Error"]);
    }

    /// <summary>Every problem of the service's 400 as the page shows it, by field.</summary>
    public static Dictionary<string, string> Messages(IStringLocalizer<SharedResource> t, SurveyAnswerForm form, FieldProblems errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Count == 0 ? ErrorTexts.For(t, new(FieldProblems.InvalidCode, ""), "Answer.Error") : Message(t, form, e.Key, e.Value[0]));

    /// <summary>The id of the element a field's problem is about.</summary>
    public static string Anchor(string field) =>
        field == AnswerFormFields.Category ? "respondent-category" : field.StartsWith("answers.", StringComparison.Ordinal) ? $"q-{field["answers.".Length..]}" : "main-content";

    /// <summary>The question a problem is about, as the error summary names it (without its closing full stop, a colon follows).</summary>
    public static string QuestionText(SurveyAnswerForm form, string field, IStringLocalizer<SharedResource> t) =>
        (field == AnswerFormFields.Category ? form.RespondentCategory.Text.Current
        : form.Definition.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => $"answers.{q.Id}" == field)?.Text.Current ?? t["Answer.Error.Other"]).TrimEnd('.');
}

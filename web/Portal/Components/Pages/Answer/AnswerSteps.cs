using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.Portal.ServiceClients;

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

    /// <summary>The service writes its messages in English; the respondent reads them in the page's language.</summary>
    public static string Message(IStringLocalizer<SharedResource> t, SurveyAnswerForm form, string field, string? serviceMessage)
    {
        if (field == AnswerFormFields.Category)
        {
            return t["Answer.Error.Category"];
        }
        var key = serviceMessage switch
        {
            "This question requires an answer." => "Answer.Error.Required",
            "Choose a rating from 1 to 5." => "Answer.Error.Rating",
            "Choose a value from 0 to 10." => "Answer.Error.Nps",
            "Choose one of the options offered." or "Choose among the options offered, each at most once." => "Answer.Error.Choice",
            { } m when m.StartsWith("At most", StringComparison.Ordinal) => "Answer.Error.TooLong",
            _ => "Answer.Error.Invalid",
        };
        return t[key];
    }

    /// <summary>The id of the element a field's problem is about.</summary>
    public static string Anchor(string field) =>
        field == AnswerFormFields.Category ? "respondent-category" : field.StartsWith("answers.", StringComparison.Ordinal) ? $"q-{field["answers.".Length..]}" : "main-content";

    public static string QuestionText(SurveyAnswerForm form, string field, IStringLocalizer<SharedResource> t) =>
        field == AnswerFormFields.Category ? form.RespondentCategory.Text.Current
        : form.Definition.Sections.SelectMany(s => s.Questions).FirstOrDefault(q => $"answers.{q.Id}" == field)?.Text.Current ?? t["Answer.Error.Other"];
}

using StrategyPlatform.ServiceDefaults.Api;

namespace StrategyPlatform.Surveys.Model;

/// <summary>Checks a survey's questions before they are saved, naming each bad field the way the JSON path reads.</summary>
public static class DefinitionValidator
{
    public const int MaxTextLength = 2000;

    public static FieldErrors Validate(SurveyDefinition? definition)
    {
        var errors = new FieldErrors();
        if (definition?.Sections is not { Count: > 0 } sections)
        {
            errors.Add("definition.sections", ErrorCodes.NoSections, "A survey needs at least one section.");
            return errors;
        }
        var ids = new HashSet<string>();
        var keys = new HashSet<string>();
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var at = $"definition.sections[{s}]";
            RequireText(errors, $"{at}.title", section.Title);
            if (section.Questions is not { Count: > 0 })
            {
                errors.Add($"{at}.questions", ErrorCodes.NoQuestions, "A section needs at least one question.");
                continue;
            }
            for (var q = 0; q < section.Questions.Count; q++)
            {
                Check(errors, $"{at}.questions[{q}]", section.Questions[q], ids, keys);
            }
        }
        return errors;
    }

    private static void Check(FieldErrors errors, string at, Question question, HashSet<string> ids, HashSet<string> keys)
    {
        if (string.IsNullOrWhiteSpace(question.Id) || !question.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add($"{at}.id", ErrorCodes.InvalidIdentifier, "The id is required and may contain only letters, digits, '-' and '_'.");
        }
        else if (!ids.Add(question.Id))
        {
            errors.Add($"{at}.id", ErrorCodes.Duplicate, $"The id '{question.Id}' is used by another question.");
        }
        if (string.IsNullOrWhiteSpace(question.ComparisonKey))
        {
            errors.Add($"{at}.comparisonKey", ErrorCodes.Required, "The comparison key is required.");
        }
        else if (!keys.Add(question.ComparisonKey))
        {
            errors.Add($"{at}.comparisonKey", ErrorCodes.Duplicate, $"The comparison key '{question.ComparisonKey}' is used by another question.");
        }
        RequireText(errors, $"{at}.text", question.Text);
        if (question.Type == QuestionType.Likert)
        {
            RequireText(errors, $"{at}.lowLabel", question.LowLabel);
            RequireText(errors, $"{at}.highLabel", question.HighLabel);
        }
        else if (question.CountsTowardIndicator)
        {
            errors.Add($"{at}.countsTowardIndicator", ErrorCodes.OnlyForRatings, "Only a 1–5 rating question can count toward the indicator.");
        }
        if (question.AllowCannotSay && question.Type != QuestionType.Likert)
        {
            errors.Add($"{at}.allowCannotSay", ErrorCodes.OnlyForRatings, "\"Cannot say\" is offered only on 1–5 rating questions.");
        }
        if (question.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            if (question.Options is not { Count: >= 2 } options)
            {
                errors.Add($"{at}.options", ErrorCodes.OptionsNeeded, "A choice question needs at least two options.");
            }
            else if (options.Select(o => o.Key).Distinct().Count() != options.Count || options.Any(o => string.IsNullOrWhiteSpace(o.Key)))
            {
                errors.Add($"{at}.options", ErrorCodes.OptionsNeeded, "Every option needs its own key.");
            }
            else
            {
                for (var o = 0; o < options.Count; o++)
                {
                    RequireText(errors, $"{at}.options[{o}].label", options[o].Label);
                }
            }
        }
    }

    private static void RequireText(FieldErrors errors, string field, LocalizedText? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Lv) || string.IsNullOrWhiteSpace(text.En))
        {
            errors.Add(field, ErrorCodes.BothLanguages, "Both the Latvian and the English text are required.");
        }
        else if (text.Lv.Length > MaxTextLength || text.En.Length > MaxTextLength)
        {
            errors.Add(field, ErrorCodes.TooLong, $"At most {MaxTextLength} characters.");
        }
    }
}

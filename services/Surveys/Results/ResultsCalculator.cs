using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Model;

namespace StrategyPlatform.Surveys.Results;

/// <summary>Turns a survey's responses into the figures staff see. Pure: the same responses give the same numbers.</summary>
public static class ResultsCalculator
{
    public static LocalizedText IndicatorRule(string indicator) => new(
        $"{indicator}. rādītājs: pozitīvo vērtējumu (4 un 5) īpatsvars visās derīgajās atbildēs skalā no 1 līdz 5 uz jautājumiem, kas tiek ieskaitīti rādītājā; atbilde „Nevaru pateikt” netiek ieskaitīta.",
        $"Indicator {indicator}: the share of positive ratings (4 and 5) among all valid answers on the 1–5 scale to the questions that count toward the indicator; “cannot say” is not counted.");

    public static QuestionResult Question(Question q, IReadOnlyList<ResponseData> responses, int? population)
    {
        var answers = responses.Select(r => r.Answers.GetValueOrDefault(q.Id)).OfType<Answer>().ToList();
        switch (q.Type)
        {
            case QuestionType.Likert:
            {
                var values = answers.Where(a => !a.CannotSay && a.Value is >= 1 and <= 5).Select(a => a.Value!.Value).ToList();
                var top = values.Count(v => v >= 4);
                return new(q.Id, q.ComparisonKey, q.Type, q.Text, q.CountsTowardIndicator, values.Count, answers.Count(a => a.CannotSay),
                    [.. Enumerable.Range(1, 5).Select(v => new Bucket(v.ToString(), v == 1 ? q.LowLabel : v == 5 ? q.HighLabel : null, values.Count(x => x == v)))],
                    Share(top, values.Count), Statistics.Wilson(top, values.Count, population), values.Count == 0 ? null : values.Average(), null);
            }
            case QuestionType.Nps:
            {
                var values = answers.Where(a => a.Value is >= 0 and <= 10).Select(a => a.Value!.Value).ToList();
                return new(q.Id, q.ComparisonKey, q.Type, q.Text, false, values.Count, 0,
                    [.. Enumerable.Range(0, 11).Select(v => new Bucket(v.ToString(), null, values.Count(x => x == v)))],
                    null, null, values.Count == 0 ? null : values.Average(), Statistics.Nps(values));
            }
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
            {
                var chosen = answers.SelectMany(a => a.Choices ?? (a.Choice is null ? [] : [a.Choice])).ToList();
                var n = answers.Count(a => a.Choice is not null || a.Choices is { Count: > 0 });
                return new(q.Id, q.ComparisonKey, q.Type, q.Text, false, n, 0,
                    [.. q.Options!.Select(o => new Bucket(o.Key, o.Label, chosen.Count(c => c == o.Key)))], null, null, null, null);
            }
            default:
                return new(q.Id, q.ComparisonKey, q.Type, q.Text, false, answers.Count(a => !string.IsNullOrWhiteSpace(a.Text)), 0, [], null, null, null, null);
        }
    }

    /// <summary>All valid 1–5 answers to the counted questions pooled: positives are 4 and 5.</summary>
    public static IndicatorResult Indicator(string indicator, SurveyDefinition definition, IReadOnlyList<ResponseData> responses, int? population)
    {
        var (positive, valid) = CountedAnswers(definition, responses);
        // Several counted questions give several answers per response: the correction then uses the population of answers.
        return new(indicator, IndicatorRule(indicator), valid, positive, Share(positive, valid),
            Statistics.Wilson(positive, valid, SurveyPopulations.OfAnswers(population, SurveyPopulations.CountedQuestions(definition))));
    }

    /// <param name="offered">The categories the survey's respondents could choose; others are not listed unless someone answered as one.</param>
    public static IReadOnlyList<CategoryResult> ByCategory(SurveyDefinition definition, IReadOnlyList<ResponseData> responses, IReadOnlyCollection<RespondentCategory> offered)
    {
        var counts = Enum.GetValues<RespondentCategory>().Where(c => offered.Contains(c) || responses.Any(r => r.Category == c))
            .ToDictionary(c => c, c => responses.Count(r => r.Category == c));
        var hidden = Suppression.Hidden(counts);
        return [.. counts.Select(c =>
        {
            if (hidden.TryGetValue(c.Key, out var reason))
            {
                return new CategoryResult(c.Key, RespondentCategories.Label(c.Key), true, null, null, reason);
            }
            var (positive, valid) = CountedAnswers(definition, [.. responses.Where(r => r.Category == c.Key)]);
            return new CategoryResult(c.Key, RespondentCategories.Label(c.Key), false, c.Value, Share(positive, valid));
        })];
    }

    private static (int Positive, int Valid) CountedAnswers(SurveyDefinition definition, IReadOnlyList<ResponseData> responses)
    {
        var values = definition.Questions.Where(q => q.Type == QuestionType.Likert && q.CountsTowardIndicator)
            .SelectMany(q => responses.Select(r => r.Answers.GetValueOrDefault(q.Id)))
            .Where(a => a is { CannotSay: false, Value: >= 1 and <= 5 })
            .Select(a => a!.Value!.Value)
            .ToList();
        return (values.Count(v => v >= 4), values.Count);
    }

    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

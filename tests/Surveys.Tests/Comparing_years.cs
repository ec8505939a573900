using StrategyPlatform.Contracts;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Results;
using StrategyPlatform.Surveys.Templates;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Comparing_years
{
    private static IReadOnlyList<ResponseData> Responses(string questionId, int positive, int negative) =>
        [.. Enumerable.Range(0, positive + negative).Select(i => new ResponseData(RespondentCategory.Ngo,
            new Dictionary<string, Answer> { [questionId] = new(Value: i < positive ? 5 : 2) }, new DateOnly(2026, 3, 1)))];

    private static IReadOnlyList<QuestionResult> Results(SurveyDefinition definition, IReadOnlyList<ResponseData> responses) =>
        [.. definition.Questions.Select(q => ResultsCalculator.Question(q, responses, null))];

    [Fact]
    public void Unchanged_questions_are_compared_with_a_significance_mark()
    {
        var definition = PartnerSatisfactionTemplate.Definition();

        var comparison = YearToYear.Compare(
            definition, Results(definition, Responses("overall-satisfaction", 80, 20)),
            definition, Results(definition, Responses("overall-satisfaction", 60, 40)));

        var overall = comparison.Single(c => c.QuestionId == "overall-satisfaction");
        Assert.Equal(ComparisonStatus.Compared, overall.Status);
        Assert.Equal(0.2, overall.Difference!.Value, 10);
        Assert.True(overall.Significant);
    }

    [Fact]
    public void A_reworded_question_is_flagged_and_not_compared()
    {
        var previous = PartnerSatisfactionTemplate.Definition();
        var current = previous with
        {
            Sections = [.. previous.Sections.Select(s => s with
            {
                Questions = [.. s.Questions.Select(q => q.Id == "polite-answers" ? q with { Text = q.Text with { Lv = "Darbinieki ir pieklājīgi." } } : q)],
            })],
        };

        var comparison = YearToYear.Compare(current, Results(current, []), previous, Results(previous, []));

        Assert.Equal(ComparisonStatus.Changed, comparison.Single(c => c.QuestionId == "polite-answers").Status);
        Assert.Null(comparison.Single(c => c.QuestionId == "polite-answers").Significant);
        Assert.Equal(ComparisonStatus.Compared, comparison.Single(c => c.QuestionId == "clear-information").Status);
    }

    [Fact]
    public void A_changed_scale_changes_the_fingerprint()
    {
        var question = PartnerSatisfactionTemplate.Definition().Find("timely-involvement")!;

        Assert.NotEqual(question.Fingerprint(), (question with { AllowCannotSay = !question.AllowCannotSay }).Fingerprint());
        Assert.NotEqual(question.Fingerprint(), (question with { HighLabel = new("Piekrītu", "Agree") }).Fingerprint());
        Assert.Equal(question.Fingerprint(), (question with { Required = !question.Required }).Fingerprint());
    }
}

using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Templates;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

public sealed class Using_the_partner_satisfaction_template
{
    [Fact]
    public void Is_a_valid_survey_in_latvian_and_english()
    {
        var definition = PartnerSatisfactionTemplate.Definition();

        Assert.Empty(DefinitionValidator.Validate(definition));
        Assert.All(definition.Questions, q => Assert.False(q.Text.Lv == q.Text.En));
    }

    [Fact]
    public void Counts_only_overall_satisfaction_toward_indicator_16()
    {
        var counted = PartnerSatisfactionTemplate.Definition().Questions.Where(q => q.CountsTowardIndicator).ToList();

        Assert.Equal("overall-satisfaction", Assert.Single(counted).Id);
        Assert.Equal(QuestionType.Likert, counted[0].Type);
    }

    [Fact]
    public void Asks_about_what_partners_asked_for()
    {
        var ids = PartnerSatisfactionTemplate.Definition().Questions.Select(q => q.Id).ToHashSet();

        Assert.Subset(ids, new HashSet<string>
        {
            "timely-involvement", "involvement-budget", "involvement-law-drafting", "regular-communication", "clear-information",
            "accessible-information", "professional-answers", "polite-answers", "methodological-support", "simple-reporting",
            "feedback-on-input", "understands-municipalities", "overall-satisfaction", "recommend", "comment",
        });
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Components.Pages.Answer;
using StrategyPlatform.Portal.Localization;
using StrategyPlatform.Portal.Resources;
using StrategyPlatform.Portal.ServiceClients;
using StrategyPlatform.ServiceDefaults.Api;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

/// <summary>The pages say a service's problem by its field and code in the page's language, never by the service's English words.</summary>
public sealed class Translating_service_errors : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();

    private IStringLocalizer<SharedResource> T => services.GetRequiredService<IStringLocalizer<SharedResource>>();

    public void Dispose() => services.Dispose();

    [Theory]
    [InlineData(PortalCultures.Latvian)]
    [InlineData(PortalCultures.English)]
    public void Every_code_the_services_use_has_a_text_in_both_languages(string culture)
    {
        using var _ = new BunitCulture(culture);
        var english = culture == PortalCultures.English;

        var missing = ErrorCodes.All.Where(code => T[$"Error.{code}"].ResourceNotFound).ToList();
        // An English page must not fall back to the Latvian text: each text exists in the English file itself.
        var untranslated = english
            ? ErrorCodes.All.Where(code => T[$"Error.{code}"].Value == Latvian($"Error.{code}")).ToList()
            : [];

        Assert.Empty(missing);
        Assert.Empty(untranslated);
    }

    [Fact]
    public void An_answer_is_explained_by_its_code_whatever_the_service_wrote()
    {
        using var _ = new BunitCulture(PortalCultures.Latvian);
        var form = Form();

        Assert.Equal("Lūdzu, atbildiet uz šo jautājumu.", AnswerSteps.Message(T, form, "answers.rating", new("required", "Any wording at all.")));
        Assert.Equal("Lūdzu, izvēlieties vērtējumu no 1 līdz 5.", AnswerSteps.Message(T, form, "answers.rating", new("out-of-range", "")));
        Assert.Equal("Lūdzu, izvēlieties vērtību no 0 līdz 10.", AnswerSteps.Message(T, form, "answers.nps", new("out-of-range", "")));
        Assert.Equal("Šajā aptaujā šāda grupa nav paredzēta; lūdzu, izvēlieties kādu no piedāvātajām.",
            AnswerSteps.Message(T, form, "respondentCategory", new("not-offered", "")));
        // A code this portal does not know yet still gets a polite text, never the English message.
        Assert.Equal("Lūdzu, pārbaudiet šo atbildi.", AnswerSteps.Message(T, form, "answers.rating", new("some-new-code", "Something in English.")));
    }

    [Fact]
    public void An_import_report_names_each_line_and_says_each_cells_problem_in_the_pages_language()
    {
        using var _ = new BunitCulture(PortalCultures.English);
        var problem = JsonDocument.Parse("""
            {
              "status": 400,
              "errors": { "lines[4].category": ["The category \"Zoo\" is not one of: …"], "lines[3].name": ["The name is missing."], "file": ["x"] },
              "codes":  { "lines[4].category": ["not-offered"], "lines[3].name": ["required"] }
            }
            """).RootElement;

        var cells = FieldProblems.Read(problem).Cells().ToList();

        Assert.Equal([(null, "file"), (3, "name"), (4, "category")], cells.Select(c => (c.Line, c.Column)));
        // A field the service sent without a code reads as "invalid".
        Assert.Equal("invalid", cells[0].Problem.Code);
        Assert.Equal("The name is missing.", ErrorTexts.For(T, cells[1].Problem, "Surveys.Import.name"));
        Assert.StartsWith("Unknown category", ErrorTexts.For(T, cells[2].Problem, "Surveys.Import.category"));
    }

    [Fact]
    public void A_text_that_quotes_a_placeholder_is_shown_as_it_is()
    {
        using var _ = new BunitCulture(PortalCultures.English);

        var text = ErrorTexts.For(T, new FieldProblem(ErrorCodes.LinkPlaceholderMissing, "Any wording."), "Mailings.Error.body");

        Assert.Equal("The text must contain {link}: the system puts each organisation's link there.", text);
    }

    private static string Latvian(string key)
    {
        using var _ = new BunitCulture(PortalCultures.Latvian);
        using var provider = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return provider.GetRequiredService<IStringLocalizer<SharedResource>>()[key];
    }

    private static SurveyAnswerForm Form() => new("PartnerSatisfaction", 2026, new("A", "A"), new("", ""), 1, null,
        new(new("Grupa", "Group"), [new("Ngo", new("NVO", "NGO"))], null), new("Nevaru pateikt", "Cannot say"),
        new([new("s", new("S", "S"), [new("rating", "rating", "Likert", new("R", "R"), true), new("nps", "nps", "Nps", new("N", "N"), false)])]), null);
}

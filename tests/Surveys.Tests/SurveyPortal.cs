using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Invitations;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.Surveys.Surveys;
using StrategyPlatform.Surveys.Templates;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

/// <summary>
/// The Surveys service on a test class's own database, with a survey manager's client and the
/// steps of the "done when" story: the yearly survey from the template, 20 partner organisations
/// imported, the survey opened with one link each.
/// </summary>
public class SurveyPortal : IAsyncLifetime
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ServiceTestBed Bed { get; } = new();
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;
    public HttpClient Manager { get; private set; } = null!;
    public HttpClient Public { get; private set; } = null!;
    public NpgsqlDataSource Database { get; private set; } = null!;
    public SurveyDto Survey { get; private set; } = null!;
    public IReadOnlyList<InvitationLink> Links { get; private set; } = [];

    /// <summary>The service's settings beyond the test bed's (e.g. a mail relay).</summary>
    protected virtual Task<IDictionary<string, string?>?> SettingsAsync() => Task.FromResult<IDictionary<string, string?>?>(null);

    public virtual async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", await SettingsAsync());
        Manager = Bed.CreateStaffClient(Surveys, [StaffRoles.SurveyManager]);
        Public = Surveys.CreateClient();
        Database = NpgsqlDataSource.Create(Surveys.Services.GetRequiredService<IConfiguration>().GetConnectionString("surveysdb")!);
        Survey = await CreateFromTemplateAsync(2026);
        var import = await ImportAsync(TwentyOrganisations());
        Assert.Equal(System.Net.HttpStatusCode.OK, import.StatusCode);
        Links = await OpenAsync(Survey.Id);
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await Bed.DisposeAsync();
    }

    public async Task<SurveyDto> CreateFromTemplateAsync(int year)
    {
        var response = await Manager.PostAsJsonAsync("/api/surveys/from-template", new { year });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SurveyDto>(JsonOptions))!;
    }

    public Task<HttpResponseMessage> ImportAsync(string csv) =>
        Manager.PostAsync("/api/organisations/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public async Task<IReadOnlyList<InvitationLink>> OpenAsync(Guid surveyId)
    {
        var response = await Manager.PostAsJsonAsync($"/api/surveys/{surveyId}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").Deserialize<InvitationLink[]>(JsonOptions)!;
    }

    /// <summary>8 NGOs, 6 municipalities, 4 subordinate and 2 state institutions, categories written the ways people write them.</summary>
    public static string TwentyOrganisations()
    {
        var lines = new List<string> { "nosaukums;kategorija;e-pasts" };
        lines.AddRange(Enumerable.Range(1, 8).Select(i => $"\"Biedrība \"\"Atbalsts {i}\"\"\";NVO;info{i}@biedriba.lv"));
        lines.AddRange(Enumerable.Range(1, 6).Select(i => $"Novada pašvaldība {i};Pašvaldība vai tās iestāde;dome{i}@novads.lv"));
        lines.AddRange(Enumerable.Range(1, 4).Select(i => $"Padotības iestāde {i};SubordinateInstitution;pasts{i}@iestade.gov.lv"));
        lines.AddRange(Enumerable.Range(1, 2).Select(i => $"Ministrija {i};StateInstitution;pasts@ministrija{i}.gov.lv"));
        return string.Join("\n", lines);
    }

    /// <summary>A complete, valid answer sheet: every statement rated <paramref name="rating"/>, overall <paramref name="overall"/>.</summary>
    public static AnswerSheet ValidAnswers(int overall = 5, int rating = 4, RespondentCategory category = RespondentCategory.Ngo, string? comment = null)
    {
        var answers = PartnerSatisfactionTemplate.Definition().Questions
            .Where(q => q.Type == QuestionType.Likert)
            .ToDictionary(q => q.Id, q => new Answer(Value: q.Id == "overall-satisfaction" ? overall : rating));
        if (comment is not null)
        {
            answers["comment"] = new Answer(Text: comment);
        }
        return new AnswerSheet(category, answers);
    }

    public Task<HttpResponseMessage> SubmitAsync(string token, AnswerSheet sheet) => Public.PostAsJsonAsync($"/api/answer/{token}", sheet, JsonOptions);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}

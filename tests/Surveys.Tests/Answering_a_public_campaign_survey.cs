using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys.Answering;
using StrategyPlatform.Surveys.Model;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Surveys.Tests;

/// <summary>
/// A campaign evaluation answered from an open link, with the rate limit set to 3 a minute; and a second replica
/// of the service on the same database, as a manager's request may reach another replica than a respondent's.
/// </summary>
public sealed class OpenLinkService : IAsyncLifetime
{
    public ServiceTestBed Bed { get; } = new();
    public ServiceHost<SurveysService> Surveys { get; private set; } = null!;
    public ServiceHost<SurveysService> OtherReplica { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        var settings = new Dictionary<string, string?> { ["Surveys:OpenLink:PermitsPerMinute"] = "3" };
        var database = await Bed.CreateDatabaseAsync("surveysdb");
        Surveys = await Bed.StartServiceAsync<SurveysService>("surveysdb", settings, database: database);
        OtherReplica = await Bed.StartServiceAsync<SurveysService>("surveysdb", settings, database: database);
    }

    public Task DisposeAsync() => Bed.DisposeAsync();
}

public sealed class Answering_a_public_campaign_survey(OpenLinkService service) : IClassFixture<OpenLinkService>
{
    private static readonly LocalizedText Agree = new("Pilnībā piekrītu", "Strongly agree");
    private static readonly LocalizedText Disagree = new("Pilnībā nepiekrītu", "Strongly disagree");

    private static object CampaignSurvey() => new
    {
        kind = "CampaignEvaluation",
        year = 2026,
        campaignId = Guid.NewGuid(),
        mode = "OpenLink",
        title = new LocalizedText("Kampaņas \"Cieņas kods\" novērtējums", "Evaluation of the \"Code of Respect\" campaign"),
        introduction = new LocalizedText("Lūdzu, novērtējiet kampaņu.", "Please rate the campaign."),
        definition = new SurveyDefinition([new("campaign", new("Kampaņa", "Campaign"),
        [
            new Question("useful", "useful", QuestionType.Likert, new("Kampaņas informācija bija noderīga.", "The campaign's information was useful."),
                Required: true, CountsTowardIndicator: true, AllowCannotSay: true, LowLabel: Disagree, HighLabel: Agree),
        ])]),
    };

    private static async Task<Guid> OpenedCampaignSurveyAsync(HttpClient manager)
    {
        var created = await manager.PostAsJsonAsync("/api/surveys", CampaignSurvey(), SurveyPortal.JsonOptions);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" })).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Takes_answers_without_a_token_counts_them_for_indicator_15_and_rate_limits_per_survey()
    {
        using var manager = service.Bed.CreateStaffClient(service.Surveys, [StaffRoles.SurveyManager]);
        using var respondent = service.Surveys.CreateClient();
        var created = await manager.PostAsJsonAsync("/api/surveys", CampaignSurvey(), SurveyPortal.JsonOptions);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var draftForm = await respondent.GetAsync($"/api/open/{id}");
        var opened = await manager.PostAsJsonAsync($"/api/surveys/{id}/open", new { opensOn = "2020-01-01", closesOn = "2099-12-31" });
        var form = await respondent.GetFromJsonAsync<AnswerForm>($"/api/open/{id}", SurveyPortal.JsonOptions);
        var sheet = new AnswerSheet(RespondentCategory.Resident, new Dictionary<string, Answer> { ["useful"] = new(Value: 5) });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await respondent.PostAsJsonAsync($"/api/open/{id}", sheet, SurveyPortal.JsonOptions)).StatusCode);
        }
        var results = await manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/results");

        Assert.Equal(HttpStatusCode.NotFound, draftForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(form!.RespondentCategory.Options, o => o.Value == RespondentCategory.Resident);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("15", results.GetProperty("indicator").GetProperty("indicator").GetString());
        Assert.Equal(3, results.GetProperty("indicator").GetProperty("validAnswers").GetInt32());
        Assert.Equal(JsonValueKind.Null, results.GetProperty("invited").ValueKind);
    }

    [Fact]
    public async Task The_same_answers_sent_again_under_their_idempotency_key_are_thanked_for_and_counted_once()
    {
        using var manager = service.Bed.CreateStaffClient(service.Surveys, [StaffRoles.SurveyManager]);
        using var respondent = service.Surveys.CreateClient();
        var id = await OpenedCampaignSurveyAsync(manager);
        var sheet = new AnswerSheet(RespondentCategory.Resident, new Dictionary<string, Answer> { ["useful"] = new(Value: 4) });
        var key = Guid.NewGuid().ToString("N");

        // The portal's retry after a timeout, or the respondent's second click: the same form, the same key.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/open/{id}") { Content = JsonContent.Create(sheet, options: SurveyPortal.JsonOptions) };
            request.Headers.Add(StrategyPlatform.ServiceDefaults.Idempotency.IdempotentRequest.Header, key);
            statuses.Add((await respondent.SendAsync(request)).StatusCode);
        }
        var results = await manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/results");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], statuses);
        Assert.Equal(1, results.GetProperty("indicator").GetProperty("validAnswers").GetInt32());
    }

    [Fact]
    public async Task A_survey_closed_through_another_replica_takes_no_further_answer_here()
    {
        using var manager = service.Bed.CreateStaffClient(service.OtherReplica, [StaffRoles.SurveyManager]);
        using var respondent = service.Surveys.CreateClient();
        var id = await OpenedCampaignSurveyAsync(manager);
        var sheet = new AnswerSheet(RespondentCategory.Resident, new Dictionary<string, Answer> { ["useful"] = new(Value: 5) });

        // The first answer makes this replica keep the open survey (SurveyStore.ForAnsweringAsync); the close
        // happens where it cannot hear of it.
        var before = await respondent.PostAsJsonAsync($"/api/open/{id}", sheet, SurveyPortal.JsonOptions);
        (await manager.PostAsync($"/api/surveys/{id}/close", null)).EnsureSuccessStatusCode();
        var after = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            after.Add(await respondent.PostAsJsonAsync($"/api/open/{id}", sheet, SurveyPortal.JsonOptions));
        }
        var results = await manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/results");

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.All(after, response => Assert.Equal(HttpStatusCode.Gone, response.StatusCode));
        foreach (var response in after)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(LinkProblems.TypeOf(LinkProblem.Closed), problem.GetProperty("type").GetString());
        }
        Assert.Equal(1, results.GetProperty("indicator").GetProperty("validAnswers").GetInt32());
    }

    [Fact]
    public async Task A_campaign_survey_without_its_campaign_is_refused_naming_the_field()
    {
        using var manager = service.Bed.CreateStaffClient(service.Surveys, [StaffRoles.SurveyManager]);
        var body = JsonSerializer.SerializeToNode(CampaignSurvey(), SurveyPortal.JsonOptions)!.AsObject();
        body.Remove("campaignId");

        var response = await manager.PostAsJsonAsync("/api/surveys", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("campaignId", out _));
    }
}

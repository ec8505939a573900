using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

public sealed class Submitting_a_survey_response(SurveysAndKpi platform) : IClassFixture<SurveysAndKpi>
{
    [Fact]
    public async Task Is_counted_exactly_once_by_the_kpi_aggregator()
    {
        var surveyId = await platform.OpenCampaignSurveyAsync();
        using var respondent = platform.Surveys.CreateClient();

        await SurveyRespondents.AnswerOpenAsync(respondent, surveyId, 5);
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count >= 1);
        // A second response is the marker: a duplicate of the first, were there one, is delivered before it.
        await SurveyRespondents.AnswerOpenAsync(respondent, surveyId, 4);
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count >= 2);

        Assert.Equal(2, await platform.ResponseCountAsync(surveyId));
    }

    [Fact]
    public async Task Is_counted_in_a_trace_of_its_own_which_the_answering_request_cannot_be_joined_to()
    {
        var surveyId = await platform.OpenCampaignSurveyAsync();
        using var respondent = platform.Surveys.CreateClient();

        await SurveyRespondents.AnswerOpenAsync(respondent, surveyId, 5);
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count == 1);

        var request = platform.Bed.Spans.Snapshot().Single(s =>
            s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)
            && s.GetTagItem("url.path") as string == $"/api/open/{surveyId}");
        var consumers = await Eventually.ReturnsAsync(
            () => Task.FromResult(platform.Bed.Spans.Snapshot().Where(s => s.Kind == ActivityKind.Consumer && s.Source.Name == "MassTransit").ToList()),
            spans => spans.Count > 0, because: "no consumer span for the response");
        Assert.DoesNotContain(platform.Bed.Spans.Snapshot(), s => s.TraceId == request.TraceId && s.Kind is ActivityKind.Consumer or ActivityKind.Producer);
        Assert.All(consumers, c => Assert.NotEqual(request.TraceId, c.TraceId));
    }

    [Fact]
    public async Task With_bad_fields_is_refused_with_problem_details_naming_them_and_changes_nothing()
    {
        var surveyId = await platform.OpenCampaignSurveyAsync();
        using var respondent = platform.Surveys.CreateClient();

        var outOfRange = await respondent.PostAsJsonAsync($"/api/open/{surveyId}", new
        {
            answers = new Dictionary<string, object> { ["useful"] = new { value = 9 }, ["nosuch"] = new { value = 3 } },
        });
        var unknownCategory = await respondent.PostAsJsonAsync($"/api/open/{surveyId}", new { respondentCategory = "Gossip", answers = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal("application/problem+json", outOfRange.Content.Headers.ContentType?.MediaType);
        var errors = (await outOfRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("respondentCategory", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("answers.useful", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("answers.nosuch", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        Assert.True((await unknownCategory.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("respondentCategory", out _));

        await using var db = NpgsqlDataSource.Create(platform.Surveys.Services.GetConnectionString("surveysdb"));
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM responses WHERE survey_id = @surveyId", new { surveyId }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE payload->>'surveyId' = @key", new { key = surveyId.ToString() }));
    }
}

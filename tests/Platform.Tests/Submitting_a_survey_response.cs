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
        var surveyId = Guid.NewGuid();
        using var client = platform.Surveys.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/surveys/{surveyId}/responses", SurveysAndKpi.ValidResponse());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count >= 1);
        // Give a duplicate delivery, were there one, the time to arrive before the final look.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await platform.ResponseCountAsync(surveyId));
    }

    [Fact]
    public async Task Carries_one_trace_from_the_http_request_to_the_consumer()
    {
        var surveyId = Guid.NewGuid();
        using var client = platform.Surveys.CreateClient();

        var response = await client.PostAsJsonAsync($"/api/surveys/{surveyId}/responses", SurveysAndKpi.ValidResponse());
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count == 1);

        var request = platform.Bed.Spans.Snapshot().Single(s =>
            s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)
            && (s.GetTagItem("url.path") as string ?? "").Contains(surveyId.ToString(), StringComparison.Ordinal));
        var consumer = await Eventually.ReturnsAsync(
            () => Task.FromResult(platform.Bed.Spans.Snapshot().Where(s => s.Kind == ActivityKind.Consumer && s.TraceId == request.TraceId).ToList()),
            spans => spans.Count > 0, because: "no consumer span shares the request's trace id");
        Assert.Contains(consumer, s => s.Source.Name == "MassTransit");
    }

    [Fact]
    public async Task With_bad_fields_is_refused_with_problem_details_naming_them_and_changes_nothing()
    {
        var surveyId = Guid.NewGuid();
        using var client = platform.Surveys.CreateClient();

        var outOfRange = await client.PostAsJsonAsync($"/api/surveys/{surveyId}/responses", new
        {
            kind = "PartnerSatisfaction",
            year = 1999,
            ratings = new[] { new { questionId = "q", value = 9 } },
        });
        var unknownKind = await client.PostAsJsonAsync($"/api/surveys/{surveyId}/responses", new { kind = "Gossip", year = 2026, ratings = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal("application/problem+json", outOfRange.Content.Headers.ContentType?.MediaType);
        var errors = (await outOfRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Year", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Ratings[0].Value", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.True((await unknownKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _));

        await using var db = NpgsqlDataSource.Create(platform.Surveys.Services.GetConnectionString("surveysdb"));
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM responses WHERE survey_id = @surveyId", new { surveyId }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE payload->>'surveyId' = @key", new { key = surveyId.ToString() }));
    }
}

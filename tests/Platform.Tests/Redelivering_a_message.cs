using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

public sealed class Redelivering_a_message(SurveysAndKpi platform) : IClassFixture<SurveysAndKpi>
{
    [Fact]
    public async Task Counts_a_response_once_whatever_copies_arrive_and_records_no_message_id()
    {
        var surveyId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var message = new SurveyResponseSubmitted(Guid.NewGuid(), surveyId, SurveyKind.PartnerSatisfaction, 2026, null,
            null, [new CountedRating("q1", 4)], DateTimeOffset.UtcNow.Date);
        var marker = message with { ResponseId = Guid.NewGuid() };
        var bus = platform.Surveys.Services.GetRequiredService<IBus>();

        // What a crash between publish and "mark sent" produces (the same message id more than once), and
        // the same response published again under a new id: the response id is what de-duplicates.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => bus.Publish(message, context => context.MessageId = messageId)));
        await bus.Publish(message);
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count >= 1);
        await bus.Publish(marker);
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count >= 2);

        Assert.Equal(2, await platform.ResponseCountAsync(surveyId));
        // What leadership sees: indicator 16's tile for the year holds the two responses once each (the facts
        // alone would also hide a broken recount), and its drill-down lists the survey with the same two.
        using var reader = platform.Bed.CreateStaffClient(platform.Kpi, [StaffRoles.Leadership]);
        await Eventually.ReturnsAsync(() => TileResponsesAsync(reader), responses => responses >= 2);
        Assert.Equal(2, await TileResponsesAsync(reader));
        var counted = await DrillDowns.AssertListMakesTheTileAsync(reader, "16", 2026);
        var listed = Assert.Single(counted.GetProperty("surveys").EnumerateArray());
        Assert.Equal((surveyId, 2), (listed.GetProperty("surveyId").GetGuid(), listed.GetProperty("responses").GetInt32()));
        await using var db = NpgsqlDataSource.Create(platform.Kpi.Services.GetConnectionString("kpidb"));
        await using var connection = await db.OpenConnectionAsync();
        // A response message is anonymous: no inbox row dates it.
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
    }

    private static async Task<int> TileResponsesAsync(HttpClient reader)
    {
        var year = (await reader.GetFromJsonAsync<JsonElement>("/api/kpi/indicators/16")).GetProperty("indicator").GetProperty("years")
            .EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2026);
        return year.GetProperty("responses").ValueKind == JsonValueKind.Number ? year.GetProperty("responses").GetInt32() : 0;
    }
}

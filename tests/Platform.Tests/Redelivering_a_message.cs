using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.Contracts;
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
        await using var db = NpgsqlDataSource.Create(platform.Kpi.Services.GetConnectionString("kpidb"));
        await using var connection = await db.OpenConnectionAsync();
        // A response message is anonymous: no inbox row dates it.
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox_messages WHERE message_id = @messageId", new { messageId }));
    }
}

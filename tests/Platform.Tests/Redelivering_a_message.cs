using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.Kpi.Consumers;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

public sealed class Redelivering_a_message(SurveysAndKpi platform) : IClassFixture<SurveysAndKpi>
{
    [Fact]
    public async Task Changes_the_count_once_even_when_the_copies_arrive_together()
    {
        var surveyId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var message = new SurveyResponseSubmitted(Guid.NewGuid(), surveyId, SurveyKind.PartnerSatisfaction, 2026, null,
            RespondentCategory.Municipality, [new CountedRating("q1", 4)], DateTimeOffset.UtcNow);
        var bus = platform.Surveys.Services.GetRequiredService<IBus>();

        // What a crash between publish and "mark sent" produces: the same message id more than once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => bus.Publish(message, context => context.MessageId = messageId)));
        await Eventually.ReturnsAsync(() => platform.ResponseCountAsync(surveyId), count => count >= 1);
        await bus.Publish(message, context => context.MessageId = messageId);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await platform.ResponseCountAsync(surveyId));
        await using var db = NpgsqlDataSource.Create(platform.Kpi.Services.GetConnectionString("kpidb"));
        await using var connection = await db.OpenConnectionAsync();
        // One inbox row per consumer of the message, whatever the number of copies.
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId AND consumer = @consumer",
            new { messageId, consumer = typeof(SurveyResponseCounter).FullName }));
    }
}

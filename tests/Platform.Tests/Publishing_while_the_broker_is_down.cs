using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using StrategyPlatform.Kpi;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.Surveys;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests;

/// <summary>Uses a RabbitMQ of its own, because stopping the shared one would break the other test classes.</summary>
public sealed class Publishing_while_the_broker_is_down : IAsyncLifetime
{
    private readonly ServiceTestBed bed = new();
    private readonly string folder = TestFolders.Create("outage");
    private LocalServersApp servers = null!;
    private RabbitMqServer broker = null!;

    public async Task InitializeAsync()
    {
        await bed.InitializeAsync();
        servers = await LocalServersApp.StartAsync(folder, postgres: false);
        broker = servers.RabbitMq!;
    }

    [Fact]
    public async Task Keeps_the_responses_and_delivers_their_messages_once_the_broker_is_back_after_the_last_answer()
    {
        var fastRetry = new Dictionary<string, string?>
        {
            ["Messaging:Outbox:PublishTimeout"] = "00:00:02",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:02",
        };
        var kpi = await bed.StartServiceAsync<KpiService>("kpidb", fastRetry, broker.AmqpUri());
        var surveys = await bed.StartServiceAsync<SurveysService>("surveysdb", fastRetry, broker.AmqpUri());
        using var manager = bed.CreateStaffClient(surveys, [StaffRoles.SurveyManager]);
        var surveyId = await SurveyRespondents.OpenCampaignSurveyAsync(manager, 2026);

        await broker.StopAsync();
        using var client = surveys.CreateClient();
        // Answers spread over longer than a publish timeout and a backoff, so that backoffs lapse while later answers'
        // publishes are still failing, and then no more answers: nothing wakes the dispatcher but its own clock.
        for (var n = 0; n < Answers; n++)
        {
            var response = await client.PostAsJsonAsync($"/api/open/{surveyId}",
                new { respondentCategory = "Resident", answers = new Dictionary<string, object> { ["useful"] = new { value = 5 } } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            await Task.Delay(400);
        }
        await using var db = NpgsqlDataSource.Create(surveys.Services.GetConnectionString("surveysdb"));
        await Eventually.ReturnsAsync(
            () => Attempts(db, surveyId), attempts => attempts >= 1, because: "the dispatcher never tried while the broker was down");
        Assert.Equal(0, await CountAsync(kpi, surveyId));

        await broker.StartAsync();

        await Eventually.ReturnsAsync(() => CountAsync(kpi, surveyId), count => count == Answers, TimeSpan.FromSeconds(90));
        // A response's message is anonymous: once the broker has it, its row is gone rather than kept as dispatched.
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'surveyId' = @key", new { key = surveyId.ToString() }));
    }

    private const int Answers = 12;

    private static async Task<int> Attempts(NpgsqlDataSource db, Guid surveyId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(attempts), 0) FROM outbox_messages WHERE payload->>'surveyId' = @key", new { key = surveyId.ToString() });
    }

    private async Task<int> CountAsync(ServiceHost<KpiService> kpi, Guid surveyId)
    {
        using var client = bed.CreateStaffClient(kpi, [StaffRoles.Leadership]);
        var count = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/kpi/surveys/{surveyId}/response-count");
        return count.GetProperty("responses").GetInt32();
    }

    public async Task DisposeAsync()
    {
        await bed.DisposeAsync();
        await servers.DisposeAsync();
        TestFolders.Delete(folder);
    }
}

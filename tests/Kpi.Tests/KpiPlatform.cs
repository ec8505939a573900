using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Kpi.Tests;

/// <summary>
/// The KPI aggregator in-process on a test class's own database and virtual host. The other
/// services are simulated by publishing their messages on the host's own bus.
/// </summary>
public sealed class KpiPlatform : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ServiceTestBed Bed { get; } = new();
    public ServiceHost<KpiService> Kpi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        Kpi = await Bed.StartServiceAsync<KpiService>("kpidb");
    }

    public Task DisposeAsync() => Bed.DisposeAsync();

    public HttpClient Staff(string role, params string[] units) => Bed.CreateStaffClient(Kpi, [role], units, userId: $"{role}-{string.Join("-", units)}");

    public HttpClient Reader() => Staff(StaffRoles.Leadership);

    public HttpClient Administrator() => Staff(StaffRoles.Administrator);

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Kpi.Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId ?? Guid.NewGuid());

    public async Task<JsonElement> IndicatorAsync(string number)
    {
        using var client = Reader();
        return await client.GetFromJsonAsync<JsonElement>($"/api/kpi/indicators/{number}");
    }

    /// <summary>The indicator's year as the API shows it (value, status, n, interval, monthly counts).</summary>
    public async Task<JsonElement> YearAsync(string number, int year) =>
        (await IndicatorAsync(number)).GetProperty("indicator").GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year);

    public static decimal? ValueOf(JsonElement year) => year.GetProperty("value").ValueKind == JsonValueKind.Null ? null : year.GetProperty("value").GetDecimal();

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Kpi.Services.GetRequiredService<IConfiguration>().GetConnectionString("kpidb"));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Whether the service has consumed the message with this id (its inbox recorded it).</summary>
    public async Task<bool> ConsumedAsync(Guid messageId)
    {
        await using var connection = await OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM inbox_messages WHERE message_id = @messageId)", new { messageId });
    }

    /// <summary>Payloads of the messages of this type the service wrote to its outbox.</summary>
    public async Task<List<JsonElement>> OutboxAsync(string messageType)
    {
        await using var connection = await OpenDatabaseAsync();
        var payloads = await connection.QueryAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE @type ORDER BY sequence", new { type = $"%.{messageType},%" });
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StrategyPlatform.Contracts;
using StrategyPlatform.MediaEvents;
using StrategyPlatform.MediaEvents.Events;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.MediaEvents.Tests;

/// <summary>The MediaEvents service in-process on a test class's own database and virtual host, with a KN editor's client.</summary>
public sealed class MediaEventsHost : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ServiceTestBed Bed { get; } = new();
    public ServiceHost<MediaEventsService> Service { get; private set; } = null!;
    /// <summary>A member of the communications unit (KN).</summary>
    public HttpClient Editor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Bed.InitializeAsync();
        Service = await Bed.StartServiceAsync<MediaEventsService>("mediadb");
        Editor = Bed.CreateStaffClient(Service, [StaffRoles.Communications], ["KN"], "kn-editor");
    }

    public Task DisposeAsync() => Bed.DisposeAsync();

    public HttpClient ClientFor(params string[] roles) => Bed.CreateStaffClient(Service, roles, [], "someone-else");

    public static MediaEventInput Event(
        DateTimeOffset startsAt, MediaEventType type = MediaEventType.Interview, string title = "Minister on pay transparency",
        string summary = "", bool achievement = false, int[]? goals = null, Guid? campaignId = null, string? spokesperson = null,
        CoverageTone? tone = null, int? version = null) =>
        new(startsAt, startsAt.AddHours(1), type, title, summary, goals ?? [8], campaignId, spokesperson,
            spokesperson is null ? null : SpokespersonLevel.Minister, ["LSM", "Delfi"], 12_000, tone,
            ["https://www.lsm.lv/raksts/1"], "lv", achievement, version);

    public async Task<MediaEventDto> CreateAsync(MediaEventInput input)
    {
        var response = await Editor.PostAsJsonAsync("/api/media-events", input, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MediaEventDto>(Json))!;
    }

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await Editor.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Service.Services.GetRequiredService<IConfiguration>().GetConnectionString("mediadb"));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The messages the service wrote to its outbox for one event, in the order they are published.</summary>
    public async Task<IReadOnlyList<OutboxRow>> OutboxAsync(Guid eventId)
    {
        await using var connection = await OpenDatabaseAsync();
        return [.. await connection.QueryAsync<OutboxRow>(
            "SELECT message_type AS Type, payload::text AS Payload, dispatched_at IS NOT NULL AS Dispatched FROM outbox_messages WHERE partition_key = @key ORDER BY sequence",
            new { key = eventId.ToString() })];
    }

    /// <summary>Every message in the outbox, by event (the partition key), each event's in publishing order.</summary>
    public async Task<ILookup<Guid, OutboxRow>> AllOutboxAsync()
    {
        await using var connection = await OpenDatabaseAsync();
        var rows = await connection.QueryAsync<(string Key, string Type, string Payload)>(
            "SELECT partition_key, message_type, payload::text FROM outbox_messages ORDER BY sequence");
        return rows.ToLookup(r => Guid.Parse(r.Key), r => new OutboxRow { Type = r.Type, Payload = r.Payload });
    }

    public async Task<(long Events, long Messages)> CountRowsAsync()
    {
        await using var connection = await OpenDatabaseAsync();
        return (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM media_events"),
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class OutboxRow
{
    public string Type { get; init; } = "";
    public string Payload { get; init; } = "";
    public bool Dispatched { get; init; }

    public bool Is<T>() => Type.StartsWith(typeof(T).FullName + ",", StringComparison.Ordinal);

    public T Message<T>() => JsonSerializer.Deserialize<T>(Payload, MediaEventsHost.Json)!;
}

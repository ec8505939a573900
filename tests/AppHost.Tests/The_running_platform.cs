using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Authentication;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.AppHost.Tests;

/// <summary>The application model as the AppHost declares it, running under Aspire.Hosting.Testing (see <see cref="RunningPlatform"/>).</summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class The_running_platform(RunningPlatform platform)
{
    private static readonly string[] DotnetResources = ["surveys", "mediaevents", "kpi", "web"];
    private readonly PlatformClient client = new(platform);

    [Fact]
    public async Task Has_every_resource_healthy_and_each_dotnet_resource_sending_telemetry_to_the_dashboard()
    {
        Assert.Equal(
            ["kpi", "kpidb", "mail", "mediadb", "mediaevents", "messaging", "messaging-epmd", "portaldb", "postgres", "surveys", "surveysdb", "web"],
            platform.UserResources.Order());
        foreach (var resource in platform.UserResources)
        {
            var state = await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource);
            Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }
        using var portal = platform.Client("web");
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/health")).StatusCode);

        // What the dashboard lists: each replica of each service, and the portal, sending telemetry.
        var instances = await Eventually.ReturnsAsync(
            async () => (await platform.TelemetryAsync("resources")) is { ValueKind: JsonValueKind.Array } list
                ? list.EnumerateArray().GroupBy(r => r.GetProperty("name").GetString()!).ToDictionary(g => g.Key, g => g.Count())
                : [],
            seen => DotnetResources.All(seen.ContainsKey) && seen.Where(s => s.Key != "web").All(s => s.Value == RunningPlatform.Replicas),
            TimeSpan.FromSeconds(60), because: "not every replica of every .NET resource shows in the dashboard");
        Assert.Equal(1, instances["web"]);
    }

    [Fact]
    public async Task Carries_a_media_event_in_one_trace_from_the_communications_units_request_through_the_outbox_rabbitmq_and_the_aggregator_to_the_portals_live_update()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var editor = platform.Client("mediaevents", [StaffRoles.Communications]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media-events")
        {
            // A briefing counts towards indicator 13, so the aggregator's value moves and it tells the portal.
            Content = JsonContent.Create(PlatformClient.MediaEvent(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero), "MediaBriefing", "Brīfings par pieejamību")),
        };
        // The browser (or the portal's page) starts the trace; the services carry it on.
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await editor.SendAsync(request)).EnsureSuccessStatusCode();

        // The request; its outbox row published to RabbitMQ; counted by the aggregator; IndicatorValueChanged through
        // the aggregator's outbox; the portal told, which updates its open pages. (Each service exports its spans in
        // its own batches, so the trace fills in over a few seconds.)
        (string, ActivityKind)[] path = [("mediaevents", ActivityKind.Server), ("mediaevents", ActivityKind.Producer), ("kpi", ActivityKind.Consumer),
            ("kpi", ActivityKind.Producer), ("web", ActivityKind.Consumer)];
        await Eventually.ReturnsAsync(async () => new Trace(await SpansOfTraceAsync(traceId)),
            trace => path.All(step => trace.Spans.Any(s => (s.Service, s.Kind) == step)),
            TimeSpan.FromSeconds(90), because: $"the trace does not go all the way ({string.Join(" → ", path)})");
    }

    [Fact]
    public async Task Counts_a_partners_answer_while_its_trace_ends_at_the_answering_request()
    {
        // Issue 11: an anonymous answer's message starts a trace of its own, so no span joins the counted answer
        // to the request that spent an invitation link (and through it to a time and a link).
        const int year = 2024;
        var token = (await client.OpenPartnerSurveyAsync(year, partners: 1)).Single();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var surveys = platform.Client("surveys");
        using var answer = PlatformClient.Answer(token, overall: 5);
        answer.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        (await surveys.SendAsync(answer)).EnsureSuccessStatusCode();

        await Eventually.ReturnsAsync(() => client.IndicatorYearAsync("16", year),
            y => y.ValueKind == JsonValueKind.Object && y.GetProperty("responses").ValueKind == JsonValueKind.Number && y.GetProperty("responses").GetInt32() >= 1,
            TimeSpan.FromSeconds(90), because: "the aggregator did not count the answer");
        // The request's own spans arrive (the marker that its batch was exported); none of them is a message's.
        var trace = await Eventually.ReturnsAsync(async () => new Trace(await SpansOfTraceAsync(traceId)),
            t => t.Spans.Any(s => (s.Service, s.Kind) == ("surveys", ActivityKind.Server)),
            TimeSpan.FromSeconds(60), because: "the answering request's trace did not reach the dashboard");
        Assert.DoesNotContain(trace.Spans, s => s.Kind is ActivityKind.Producer or ActivityKind.Consumer || s.Service != "surveys");
    }

    [Fact]
    public async Task With_two_replicas_of_each_service_counts_every_answer_once_and_follows_media_event_revisions_in_order()
    {
        const int year = 2025;
        var tokens = await client.OpenPartnerSurveyAsync(year, partners: 12);
        using var surveys = platform.Client("surveys");
        // Twelve partners at once, spread by DCP's proxy over both Surveys replicas: eight satisfied, four not.
        var answered = await Task.WhenAll(tokens.Select((token, i) => surveys.SendAsync(PlatformClient.Answer(token, overall: i < 8 ? 5 : 2))));
        Assert.All(answered, response => Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString()));

        // Indicator 16 as leadership sees it: twelve responses, eight of them satisfied, whichever replica counted which.
        var partnerSatisfaction = await Eventually.ReturnsAsync(() => client.IndicatorYearAsync("16", year),
            y => y.ValueKind == JsonValueKind.Object && y.GetProperty("responses").ValueKind == JsonValueKind.Number && y.GetProperty("responses").GetInt32() >= 12,
            TimeSpan.FromSeconds(90), because: "the aggregator did not count the twelve answers");
        Assert.Equal((12, 12, 8), (partnerSatisfaction.GetProperty("responses").GetInt32(), partnerSatisfaction.GetProperty("n").GetInt32(), partnerSatisfaction.GetProperty("positive").GetInt32()));

        // Four media briefings, each revised three times in a row (press release, briefing, then one of them):
        // a briefing counts towards indicator 13, a press release does not, so only the last version decides.
        using var editor = platform.Client("mediaevents", [StaffRoles.Communications]);
        var events = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var startsAt = new DateTimeOffset(year, 6, 2 + i, 10, 0, 0, TimeSpan.Zero);
            var created = await editor.PostAsJsonAsync("/api/media-events", PlatformClient.MediaEvent(startsAt, "MediaBriefing", $"Brīfings {i}"));
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            string[] revisions = ["PressRelease", "MediaBriefing", i % 2 == 0 ? "PressRelease" : "MediaBriefing"];
            for (var version = 1; version <= revisions.Length; version++)
            {
                (await editor.PutAsJsonAsync($"/api/media-events/{id}", PlatformClient.MediaEvent(startsAt, revisions[version - 1], $"Brīfings {i}", version))).EnsureSuccessStatusCode();
            }
            return id;
        }));

        // The marker that every version has been applied: each of their messages is in the aggregator's inbox.
        await Eventually.ReturnsAsync(() => MediaEventMessagesNotYetCountedAsync(events), left => left == 0,
            TimeSpan.FromSeconds(90), because: "not every media event version reached the aggregator");
        var proactive = await client.IndicatorYearAsync("13", year);
        Assert.Equal(2m, proactive.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Lets_each_service_add_to_its_audit_trail_but_not_change_it_even_through_its_own_database_role()
    {
        // The app writes its trail as its role (a download is recorded) ...
        using var communications = platform.Client("mediaevents", [StaffRoles.Communications]);
        (await communications.GetAsync("/api/media-events/export.csv")).EnsureSuccessStatusCode();
        await using (var media = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("mediadb")))
        {
            Assert.NotEqual(0L, await media.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_trail WHERE action = 'export.media-events' AND actor_id = 'e2e-test'"));
        }

        // ... and that role, which every service connects as, can rewrite, empty or drop none of them.
        foreach (var database in new[] { "surveysdb", "mediadb", "kpidb", "portaldb" })
        {
            await AppendOnlyAuditTrail.AssertAsync((await platform.App.GetConnectionStringAsync(database))!);
        }
    }

    private sealed record Span(string Service, string Name, ActivityKind Kind);

    /// <summary>What a failure message shows: every span found.</summary>
    private sealed record Trace(IReadOnlyList<Span> Spans)
    {
        public override string ToString() => Spans.Count == 0 ? "no spans" : string.Join("; ", Spans.Select(s => $"{s.Service} {s.Kind} {s.Name}"));
    }

    /// <summary>The trace as the dashboard's Traces page shows it, from its telemetry API (OTLP JSON).</summary>
    private async Task<IReadOnlyList<Span>> SpansOfTraceAsync(string traceId)
    {
        var trace = await platform.TelemetryAsync($"traces/{traceId}");
        if (trace.ValueKind != JsonValueKind.Object || !trace.TryGetProperty("data", out var data) || !data.TryGetProperty("resourceSpans", out var resources))
        {
            return [];
        }
        return [.. resources.EnumerateArray().SelectMany(resource =>
        {
            var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Single(a => a.GetProperty("key").GetString() == "service.name").GetProperty("value").GetProperty("stringValue").GetString()!;
            return resource.GetProperty("scopeSpans").EnumerateArray().SelectMany(scope => scope.GetProperty("spans").EnumerateArray())
                .Select(span => new Span(service, span.GetProperty("name").GetString()!, Kind(span.GetProperty("kind"))));
        })];
    }

    /// <summary>OTLP's span kinds (1 internal … 5 consumer), as a number or as its enum name.</summary>
    private static ActivityKind Kind(JsonElement kind) => (kind.ValueKind == JsonValueKind.Number ? kind.GetInt32() : kind.GetString() switch
    {
        "SPAN_KIND_SERVER" => 2,
        "SPAN_KIND_CLIENT" => 3,
        "SPAN_KIND_PRODUCER" => 4,
        "SPAN_KIND_CONSUMER" => 5,
        _ => 1,
    }) switch
    {
        2 => ActivityKind.Server,
        3 => ActivityKind.Client,
        4 => ActivityKind.Producer,
        5 => ActivityKind.Consumer,
        _ => ActivityKind.Internal,
    };

    private async Task<int> MediaEventMessagesNotYetCountedAsync(IEnumerable<Guid> events)
    {
        await using var media = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("mediadb"));
        var messages = (await media.QueryAsync<Guid>("SELECT id FROM outbox_messages WHERE partition_key = ANY(@keys)",
            new { keys = events.Select(e => e.ToString()).ToArray() })).ToArray();
        await using var kpi = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("kpidb"));
        var counted = await kpi.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@messages) AND consumer LIKE '%MediaEventRecorder'", new { messages });
        return messages.Length == 0 ? -1 : messages.Length - counted;
    }
}

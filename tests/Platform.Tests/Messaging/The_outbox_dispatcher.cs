using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StrategyPlatform.Operator;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests.Messaging;

/// <summary>
/// The dispatcher with a message the broker cannot take at the head of a partition (its type is unknown, as after a
/// rename deployed before its consumers): the other partitions keep flowing, and after its refusals it is parked,
/// reported and retried by an operator's command.
/// </summary>
public sealed class The_outbox_dispatcher : IAsyncLifetime
{
    private readonly ServiceTestBed bed = new();
    private MessagingHost host = null!;

    public async Task InitializeAsync()
    {
        await bed.InitializeAsync();
        host = await MessagingHost.StartAsync(bed, bus => bus.AddConsumer<InOrderConsumer, InOrderConsumerDefinition>(), new Dictionary<string, string?>
        {
            // A batch smaller than the stuck partition: the old dispatcher re-read the same window of it without end.
            ["Messaging:Outbox:BatchSize"] = "5",
            ["Messaging:Outbox:MaxAttempts"] = "3",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:01",
            ["Messaging:Outbox:PollInterval"] = "00:00:01",
            ["Messaging:Outbox:HousekeepingInterval"] = "00:00:01",
            ["Messaging:Outbox:HousekeepingBatch"] = "2",
            ["Messaging:Outbox:DispatchedRetention"] = "01:00:00",
            ["Messaging:Outbox:InboxRetention"] = "02:00:00",
        });
    }

    [Fact]
    public async Task Holds_back_only_the_partition_that_waits_and_parks_a_refused_message_until_an_operator_retries_it()
    {
        var head = await AddUnpublishableAsync(new TestPing("stuck", 0));
        await host.AddToOutboxAsync(commit: true, [.. Enumerable.Range(1, 9).Select(n => new TestPing("stuck", n))]);
        await host.AddToOutboxAsync(commit: true, [.. Enumerable.Range(0, 20).Select(n => new TestPing("flowing", n))]);

        // The partition behind the refused head waits for it, in order; every other partition goes out meanwhile.
        var effects = await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Count(x => x.Partition == "flowing") == 20, because: "the other partition's messages");
        Assert.DoesNotContain(effects, e => e.Partition == "stuck");

        // Three refusals later the head is parked: reported, no longer holding back its partition's later messages.
        var parked = await Eventually.ReturnsAsync(() => OutboxParking.ListAsync(host.ConnectionString), p => p.Count == 1, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(head, parked[0].Id);
        Assert.Equal(3, parked[0].Attempts);
        effects = await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Count(x => x.Partition == "stuck") == 9);
        Assert.Equal(Enumerable.Range(1, 9), effects.Where(e => e.Partition == "stuck").Select(e => e.Number));
        var health = await Outbox();
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal(1L, health.Data["parked"]);
        Assert.Contains("scripts/operate.sh outbox-retry", health.Description);

        // The cause fixed (the type is known again), the operator's retry sends it, once.
        await using (var connection = await host.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE outbox_messages SET message_type = replace(message_type, 'NoSuchPing', 'TestPing') WHERE id = @head", new { head });
        }
        Assert.Equal(1, await OutboxParking.RetryAsync(host.ConnectionString, id: null));
        effects = await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Any(x => x.Partition == "stuck" && x.Number == 0));
        Assert.Single(effects, e => e.Partition == "stuck" && e.Number == 0);
        Assert.Empty(await OutboxParking.ListAsync(host.ConnectionString));
        Assert.Equal(HealthStatus.Healthy, (await Outbox()).Status);
    }

    [Fact]
    public async Task Prunes_sent_messages_and_inbox_rows_past_their_retention_in_slices_and_keeps_the_rest()
    {
        await using var connection = await host.Database.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO outbox_messages (id, partition_key, message_type, payload, dispatched_at, created_at)
            SELECT gen_random_uuid(), 'old', 'x', '{}', now() - make_interval(mins => 61 + n), now() - interval '1 day' FROM generate_series(1, 5) n;
            INSERT INTO outbox_messages (id, partition_key, message_type, payload, dispatched_at) VALUES (gen_random_uuid(), 'recent', 'x', '{}', now() - interval '59 minutes');
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT gen_random_uuid(), 'test', now() - make_interval(mins => 121 + n) FROM generate_series(1, 5) n;
            INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES (gen_random_uuid(), 'test', now() - interval '90 minutes');
            """);

        // Five old rows in slices of two: all of them go within a pass, not one slice per hour.
        await Eventually.ReturnsAsync(() => connection.QuerySingleAsync<(long Outbox, long Inbox)>(
            "SELECT (SELECT count(*) FROM outbox_messages WHERE partition_key = 'old'), (SELECT count(*) FROM inbox_messages WHERE consumer = 'test' AND processed_at < now() - interval '2 hours')"),
            left => left == (0, 0), because: "old rows left");
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE partition_key = 'recent'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox_messages WHERE consumer = 'test'"));
    }

    /// <summary>Written as the outbox writes a row, but under a type name no service knows.</summary>
    private async Task<Guid> AddUnpublishableAsync(TestPing ping)
    {
        await using var connection = await host.Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Guid>("""
            INSERT INTO outbox_messages (id, partition_key, message_type, payload)
            VALUES (gen_random_uuid(), @Partition, @type, jsonb_build_object('partition', @Partition, 'number', @Number)) RETURNING id
            """, new { ping.Partition, ping.Number, type = $"{typeof(TestPing).FullName!.Replace("TestPing", "NoSuchPing")}, {typeof(TestPing).Assembly.GetName().Name}" });
    }

    private async Task<HealthReportEntry> Outbox() =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "outbox")).Entries["outbox"];

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await bed.DisposeAsync();
    }
}

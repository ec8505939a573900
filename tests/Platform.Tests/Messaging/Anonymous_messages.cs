using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.ServiceDefaults.Messaging;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests.Messaging;

/// <summary>
/// Anonymous messages (survey responses) are read by the id their notification carries rather than by walking the
/// outbox (issue 13); the table is still read at least once a poll interval, so a row whose notification was lost
/// (the listener reconnecting) is sent even while notifications never stop. Batches as large as the default, so that
/// no burst of notifications sends the dispatcher to the table for another reason.
/// </summary>
public sealed class Anonymous_messages : IAsyncLifetime
{
    private readonly ServiceTestBed bed = new();
    private MessagingHost host = null!;

    public async Task InitializeAsync()
    {
        await bed.InitializeAsync();
        host = await MessagingHost.StartAsync(bed, bus => bus.AddConsumer<InOrderConsumer, InOrderConsumerDefinition>(), new Dictionary<string, string?>
        {
            ["Messaging:Outbox:PollInterval"] = "00:00:01",
        });
    }

    [Fact]
    public async Task Are_sent_by_their_notifications_and_one_whose_notification_was_lost_by_reading_the_table_under_load()
    {
        // A row committed without its notification (as while the listener reconnects), then notified ones without a pause.
        var silent = await AddAnonymousWithoutNotificationAsync(new TestPing("silent", 0));
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var sent = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var connection = await host.Database.OpenConnectionAsync();
                await using var tx = await connection.BeginTransactionAsync();
                await outbox.AddAnonymousAsync(tx, new TestPing("notified", sent));
                await tx.CommitAsync();
                sent++;
                await Task.Delay(20);
            }
        });
        // The notifications never stop, so no quiet poll interval comes: the table is read all the same.
        await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Any(x => x.Partition == "silent"), because: "the row whose notification was lost", timeout: TimeSpan.FromSeconds(15));
        Assert.False(load.IsCompleted, "the load was still running when the silent row went");
        await stop.CancelAsync();
        await load;

        // Every notified one went once, and every sent anonymous row is gone from the outbox.
        var effects = await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Count(x => x.Partition == "notified") == sent, because: "the notified messages");
        Assert.Equal(Enumerable.Range(0, sent), effects.Where(e => e.Partition == "notified").Select(e => e.Number).Order());
        Assert.Single(effects, e => e.Partition == "silent");
        await using var check = await host.Database.OpenConnectionAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE anonymous OR id = @silent", new { silent }));
    }

    /// <summary>An anonymous row as the outbox writes it, but with no notification.</summary>
    private async Task<Guid> AddAnonymousWithoutNotificationAsync(TestPing ping)
    {
        await using var connection = await host.Database.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Guid>("""
            INSERT INTO outbox_messages (id, sequence, partition_key, message_type, payload, created_at, next_attempt_at, anonymous)
            OVERRIDING SYSTEM VALUE
            SELECT i, -1 - (random() * 9e18)::bigint, i::text, @type, jsonb_build_object('partition', @Partition, 'number', @Number),
                   date_trunc('day', now()), date_trunc('day', now()), true
            FROM gen_random_uuid() i RETURNING id
            """, new { ping.Partition, ping.Number, type = $"{typeof(TestPing).FullName}, {typeof(TestPing).Assembly.GetName().Name}" });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await bed.DisposeAsync();
    }
}

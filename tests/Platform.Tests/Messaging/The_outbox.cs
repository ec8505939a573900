using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using StrategyPlatform.TestSupport;
using Xunit;

namespace StrategyPlatform.Platform.Tests.Messaging;

public sealed class The_outbox : IAsyncLifetime
{
    private readonly ServiceTestBed bed = new();
    private MessagingHost host = null!;

    public async Task InitializeAsync()
    {
        await bed.InitializeAsync();
        host = await MessagingHost.StartAsync(bed, bus => bus.AddConsumer<InOrderConsumer, InOrderConsumerDefinition>());
    }

    [Fact]
    public async Task Publishes_nothing_of_a_transaction_that_rolled_back()
    {
        await host.AddToOutboxAsync(commit: false, new TestPing("rolled-back", 1));
        await host.AddToOutboxAsync(commit: true, new TestPing("committed", 2));
        // A marker behind it in the same partition: a partition goes out in order, so once the marker has
        // arrived the rolled-back message would have too, if it had been published at all.
        await host.AddToOutboxAsync(commit: true, new TestPing("rolled-back", 3));

        var effects = await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Count >= 2);

        Assert.Equal([("committed", 2), ("rolled-back", 3)], effects.Order());
    }

    [Fact]
    public async Task Is_consumed_once_when_a_message_arrives_twice_the_inbox_being_the_only_guard()
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        // Two copies under one message id (a redelivery, a re-publish after a crash); the effect itself de-duplicates nothing.
        await bus.Publish(new TestPing("twice", 1), context => context.MessageId = messageId);
        await bus.Publish(new TestPing("twice", 1), context => context.MessageId = messageId);
        // A marker behind them: the consumer takes one message at a time in the order they arrive.
        await bus.Publish(new TestPing("twice", 2));

        await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Contains(("twice", 2)));

        Assert.Equal([("twice", 1), ("twice", 2)], await host.EffectsAsync());
    }

    [Fact]
    public async Task Keeps_the_order_of_each_partition()
    {
        // Several transactions, two partitions interleaved, published by a dispatcher that runs partitions in parallel.
        for (var batch = 0; batch < 6; batch++)
        {
            await host.AddToOutboxAsync(commit: true,
                [.. Enumerable.Range(batch * 5, 5).SelectMany(n => new[] { new TestPing("a", n), new TestPing("b", n) })]);
        }

        var effects = await Eventually.ReturnsAsync(host.EffectsAsync, e => e.Count >= 60);

        Assert.Equal(Enumerable.Range(0, 30), effects.Where(e => e.Partition == "a").Select(e => e.Number));
        Assert.Equal(Enumerable.Range(0, 30), effects.Where(e => e.Partition == "b").Select(e => e.Number));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await bed.DisposeAsync();
    }
}

public sealed class An_idempotent_consumer_whose_effect_fails : IAsyncLifetime
{
    private readonly ServiceTestBed bed = new();
    private MessagingHost host = null!;

    public async Task InitializeAsync()
    {
        await bed.InitializeAsync();
        host = await MessagingHost.StartAsync(bed, bus => bus.AddConsumer<FailingTwiceConsumer>());
    }

    [Fact]
    public async Task Rolls_back_with_its_inbox_row_and_is_retried_until_the_effect_holds_once()
    {
        await host.AddToOutboxAsync(commit: true, new TestPing("flaky", 7));

        await Eventually.ReturnsAsync(host.EffectsAsync, effects => effects.Count >= 1);
        // A marker on the same partition, sent after: once it is handled, a late retry of the first would have been too.
        await host.AddToOutboxAsync(commit: true, new TestPing("flaky", 8));
        await Eventually.ReturnsAsync(host.EffectsAsync, effects => effects.Contains(("flaky", 8)));

        Assert.Equal(3 + 1, FailingTwiceConsumer.Attempts);
        Assert.Equal([("flaky", 7), ("flaky", 8)], await host.EffectsAsync());
        await using var connection = await host.Database.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM inbox_messages"));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await bed.DisposeAsync();
    }
}

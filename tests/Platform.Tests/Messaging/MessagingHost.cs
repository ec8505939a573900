using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StrategyPlatform.ServiceDefaults.Data;
using StrategyPlatform.ServiceDefaults.Messaging;
using StrategyPlatform.TestSupport;

namespace StrategyPlatform.Platform.Tests.Messaging;

public sealed record TestPing(string Partition, int Number);

/// <summary>
/// The shared messaging (outbox, dispatcher, inbox) in a bare host with test consumers, so its
/// guarantees are proven on their own, not only through the services.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost host;

    private MessagingHost(IHost host, string connectionString)
    {
        this.host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource Database => host.Services.GetRequiredService<NpgsqlDataSource>();

    public static async Task<MessagingHost> StartAsync(ServiceTestBed bed, Action<IBusRegistrationConfigurator> consumers, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var database = await bed.CreateDatabaseAsync("messaging");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = database,
            ["ConnectionStrings:messaging"] = bed.MessagingUri,
            ["OTEL_SERVICE_NAME"] = "messaging-test",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddNpgsqlDataSource("testdb");
        builder.AddDatabaseMigrations(typeof(MessagingHost).Assembly);
        builder.AddMessaging(consumers);
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IDatabaseReadiness>().WaitAsync(CancellationToken.None);
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new MessagingHost(host, database);
    }

    /// <summary>Writes messages through the outbox in one transaction, committed or rolled back.</summary>
    public async Task AddToOutboxAsync(bool commit, params TestPing[] pings)
    {
        var outbox = host.Services.GetRequiredService<IOutbox>();
        await using var connection = await Database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var ping in pings)
        {
            await outbox.AddAsync(tx, ping, ping.Partition);
        }
        if (commit)
        {
            await tx.CommitAsync();
        }
        else
        {
            await tx.RollbackAsync();
        }
    }

    public IServiceProvider Services => host.Services;

    public async Task<List<(string Partition, int Number)>> EffectsAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, int)>("SELECT partition, number FROM test_effects ORDER BY applied_at")).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

/// <summary>Applies each ping once, one at a time, so the order of arrival is the order of the effects.</summary>
public sealed class InOrderConsumer(IInbox inbox) : IConsumer<TestPing>
{
    public Task Consume(ConsumeContext<TestPing> context) => inbox.ProcessOnceAsync(context, this, (tx, ct) => tx.Connection!.ExecuteAsync(
        new CommandDefinition("INSERT INTO test_effects (message_id, partition, number) VALUES (@id, @Partition, @Number)",
            new { id = context.MessageId, context.Message.Partition, context.Message.Number }, tx, cancellationToken: ct)));
}

public sealed class InOrderConsumerDefinition : ConsumerDefinition<InOrderConsumer>
{
    public InOrderConsumerDefinition() => ConcurrentMessageLimit = 1;
}

/// <summary>Writes its effect, then fails the first two deliveries of each message: the effect must roll back with the inbox row.</summary>
public sealed class FailingTwiceConsumer(IInbox inbox) : IConsumer<TestPing>
{
    public static int Attempts;

    public Task Consume(ConsumeContext<TestPing> context) => inbox.ProcessOnceAsync(context, this, async (tx, ct) =>
    {
        await tx.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO test_effects (message_id, partition, number) VALUES (@id, @Partition, @Number)",
            new { id = context.MessageId, context.Message.Partition, context.Message.Number }, tx, cancellationToken: ct));
        if (Interlocked.Increment(ref Attempts) <= 2)
        {
            throw new InvalidOperationException("The effect failed after writing.");
        }
    });
}

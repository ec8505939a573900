using StrategyPlatform.AppHost.Hosting;

namespace StrategyPlatform.TestSupport;

/// <summary>
/// One real PostgreSQL and one real RabbitMQ per test process, started with the AppHost's own code
/// on free loopback ports in a temporary folder, and stopped by process id when the test process
/// ends, however it ends (see <see cref="ServerReaper"/>).
/// Test classes share them through a database and a virtual host of their own (<see cref="ServiceTestBed"/>).
/// </summary>
public sealed class SharedServers
{
    private static readonly Lazy<Task<SharedServers>> Instance = new(StartAsync);

    private SharedServers(string folder, LocalPostgres postgres, LocalRabbitMq rabbitMq)
    {
        Folder = folder;
        Postgres = postgres;
        RabbitMq = rabbitMq;
    }

    public string Folder { get; }
    public LocalPostgres Postgres { get; }
    public LocalRabbitMq RabbitMq { get; }

    public static Task<SharedServers> GetAsync() => Instance.Value;

    private static async Task<SharedServers> StartAsync()
    {
        var folder = TestFolders.Create("servers");
        var postgres = new LocalPostgres(new LocalPostgresOptions(Path.Combine(folder, "postgres")) { Port = TestPorts.Any() }, TestLog.Write);
        var rabbitMq = new LocalRabbitMq(new LocalRabbitMqOptions(Path.Combine(folder, "rabbitmq"))
        {
            AmqpPort = TestPorts.Any(),
            ManagementPort = TestPorts.Any(),
        }, TestLog.Write);
        var servers = new SharedServers(folder, postgres, rabbitMq);
        try
        {
            await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());
        }
        finally
        {
            // Whatever did come up is stopped when this test process ends, also after a failed start.
            ServerReaper.WatchOver(folder, rabbitMq.ProcessIds.Concat(postgres.ProcessId is { } pid ? [pid] : []));
        }
        return servers;
    }
}

namespace StrategyPlatform.TestSupport;

/// <summary>
/// One real PostgreSQL and one real RabbitMQ per test process, from the AppHost's own local-server
/// resources (<see cref="LocalServersApp"/>), in a temporary folder. They are stopped by DCP when the
/// test process ends, however it ends; the folder is removed by the next test process (<see cref="TestFolders.SweepLeftovers"/>).
/// Test classes share them through a database and a virtual host of their own (<see cref="ServiceTestBed"/>).
/// </summary>
public sealed class SharedServers
{
    private static readonly Lazy<Task<SharedServers>> Instance = new(StartAsync);

    private SharedServers(string folder, PostgresServer postgres, RabbitMqServer rabbitMq)
    {
        Folder = folder;
        Postgres = postgres;
        RabbitMq = rabbitMq;
    }

    public string Folder { get; }
    public PostgresServer Postgres { get; }
    public RabbitMqServer RabbitMq { get; }

    public static Task<SharedServers> GetAsync() => Instance.Value;

    private static readonly Lazy<Task<MailServer>> MailInstance = new(async () =>
        (await LocalServersApp.StartAsync(TestFolders.Create("mail"), postgres: false, rabbitMq: false, mail: true)).Mail!);

    /// <summary>
    /// One local SMTP server (smtp4dev, the AppHost's own resource) for the test process, started on first use: only
    /// the tests that send mail pay for it. Tests tell their messages apart by the recipients' addresses.
    /// </summary>
    public static Task<MailServer> GetMailAsync() => MailInstance.Value;

    private static async Task<SharedServers> StartAsync()
    {
        TestFolders.SweepLeftovers();
        var folder = TestFolders.Create("servers");
        // Never disposed: it lives as long as the test process, and DCP stops it when that ends.
        var servers = await LocalServersApp.StartAsync(folder);
        return new SharedServers(folder, servers.Postgres!, servers.RabbitMq!);
    }
}
